import type { Worker } from 'node:worker_threads';

export type ThreadAnswer = { ok: true; value: unknown } | { ok: false; error: Error };

interface Waiting {
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
}

/**
 * The requests sent to a worker thread and not answered yet, by number. The thread is referenced only
 * while one waits: an idle thread must not keep the process alive, and a process waiting on nothing
 * but an answer must not end before it comes.
 */
export class ThreadRequests {
  private nextId = 1;
  private readonly waiting = new Map<number, Waiting>();

  /** Numbers a request, posts it with `post(id)` and resolves with its answer. */
  send<T>(worker: Worker, post: (id: number) => void): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      if (this.waiting.size === 0) worker.ref();
      this.waiting.set(id, { resolve: resolve as (value: unknown) => void, reject });
      post(id);
    });
  }

  /** Settles request `id` with the thread's answer; an unknown number (a request already failed) is ignored. */
  answer(worker: Worker | null, id: number, answer: ThreadAnswer): void {
    const waiting = this.waiting.get(id);
    if (!waiting) return;
    this.waiting.delete(id);
    if (this.waiting.size === 0) worker?.unref();
    if (answer.ok) waiting.resolve(answer.value);
    else waiting.reject(answer.error);
  }

  /** Fails every request still waiting: their thread has stopped. */
  failAll(error: Error): void {
    const waiting = [...this.waiting.values()];
    this.waiting.clear();
    for (const request of waiting) request.reject(error);
  }
}
