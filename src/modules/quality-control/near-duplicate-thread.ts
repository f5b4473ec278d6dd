import { join } from 'node:path';
import type { Worker } from 'node:worker_threads';
import { ThreadRequests } from '../../common/threads/thread-requests';
import { startWorkerThread, stopWorkerThread } from '../../common/threads/worker-thread';
import type { FingerprintChange, Proposal, ProposalQuery } from './domain/near-duplicate-engine';

export type EngineRequest =
  | { id: number; op: 'apply'; campaignId: string; changes: FingerprintChange[] }
  | { id: number; op: 'propose'; campaignId: string; changes: FingerprintChange[]; query: ProposalQuery }
  | { id: number; op: 'release'; campaignId: string; ideaId: string }
  | { id: number; op: 'drop'; campaignId: string };

export interface ProposalReply extends Proposal {
  ideas: number;
}

export type EngineReply = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: string };

/** A request as the caller gives it; the id is added here. */
type Unnumbered<R> = R extends unknown ? Omit<R, 'id'> : never;

/**
 * The main thread's side of the near-duplicate thread (`near-duplicate-worker.ts`). The thread starts
 * with the first request and answers in order. If it stops, the requests in flight fail, `onLost`
 * tells the owner that every index it held is gone, and the next request starts a new thread.
 */
export class NearDuplicateThread {
  private worker: Worker | null = null;
  private readonly requests = new ThreadRequests();

  constructor(private readonly onLost: () => void) {}

  /** Applies fingerprint changes to a campaign's index; resolves to the number of ideas it holds. */
  apply(campaignId: string, changes: FingerprintChange[]): Promise<number> {
    return this.request({ op: 'apply', campaignId, changes });
  }

  /**
   * Applies `changes` (the last of a catch-up, often the one idea written since the previous check),
   * then proposes: one message instead of two. Resolves to the proposal (the ids worth an exact check
   * against the query, strongest first, the reserved ideas it compared, the query's own reservation)
   * and the number of ideas the campaign's index holds.
   */
  propose(campaignId: string, changes: FingerprintChange[], query: ProposalQuery): Promise<ProposalReply> {
    return this.request({ op: 'propose', campaignId, changes, query });
  }

  /** Takes out of the index a new idea entered with its proposal whose fingerprint will not come. */
  release(campaignId: string, ideaId: string): Promise<null> {
    return this.request({ op: 'release', campaignId, ideaId });
  }

  drop(campaignId: string): Promise<null> {
    return this.request({ op: 'drop', campaignId });
  }

  /** Lets the thread answer what it was sent, then stops it. */
  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    await stopWorkerThread(worker);
  }

  private request<T>(message: Unnumbered<EngineRequest>): Promise<T> {
    const worker = this.worker ?? this.start();
    return this.requests.send<T>(worker, (id) => worker.postMessage({ ...message, id }));
  }

  private start(): Worker {
    const worker = startWorkerThread(join(__dirname, 'near-duplicate-worker'), null);
    worker.on('message', (reply: EngineReply) => this.settle(reply));
    worker.on('error', (error) => this.stopped(worker, error));
    worker.on('exit', () => this.stopped(worker, new Error('the near-duplicate thread stopped')));
    this.worker = worker;
    return worker;
  }

  private settle(reply: EngineReply): void {
    this.requests.answer(this.worker, reply.id, reply.ok ? { ok: true, value: reply.value } : { ok: false, error: new Error(reply.error) });
  }

  /** Once per thread ('error' is followed by 'exit'); a thread closed on purpose has nothing pending. */
  private stopped(worker: Worker, error: Error): void {
    if (this.worker !== worker) return;
    this.worker = null;
    this.requests.failAll(error);
    this.onLost();
  }
}
