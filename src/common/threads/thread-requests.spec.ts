import type { Worker } from 'node:worker_threads';
import { ThreadRequests } from './thread-requests';

/** Stands for a worker: what matters here is whether it is referenced. */
function fakeWorker(): Worker & { referenced: boolean; posted: number[] } {
  const worker = { referenced: false, posted: [] as number[], ref: () => (worker.referenced = true), unref: () => (worker.referenced = false) };
  return worker as unknown as Worker & { referenced: boolean; posted: number[] };
}

describe('ThreadRequests', () => {
  it('numbers each request, answers each by its number, and keeps the thread referenced only while one waits', async () => {
    const requests = new ThreadRequests();
    const worker = fakeWorker();
    const first = requests.send<string>(worker, (id) => worker.posted.push(id));
    const second = requests.send<string>(worker, (id) => worker.posted.push(id));
    expect(worker.posted).toEqual([1, 2]);
    expect(worker.referenced).toBe(true);
    requests.answer(worker, 2, { ok: true, value: 'two' });
    expect(worker.referenced).toBe(true);
    requests.answer(worker, 1, { ok: false, error: new Error('one failed') });
    expect(worker.referenced).toBe(false);
    await expect(second).resolves.toBe('two');
    await expect(first).rejects.toThrow('one failed');
  });

  it('fails every waiting request when the thread stops, and ignores an answer that comes after', async () => {
    const requests = new ThreadRequests();
    const worker = fakeWorker();
    const waiting = [requests.send(worker, () => undefined), requests.send(worker, () => undefined)];
    requests.failAll(new Error('the thread stopped'));
    requests.answer(worker, 1, { ok: true, value: 'late' });
    for (const request of waiting) await expect(request).rejects.toThrow('the thread stopped');
  });
});
