import type { FastifyInstance, FastifyRequest } from 'fastify';

/**
 * Counts the requests taken and not yet answered, whether or not their client is still there (a
 * reply is sent, and counted, even after the client has gone), so a stopping service can let them
 * finish before it closes the database under them. Two plain hooks: Nest's fast path without
 * interceptors stays as it is.
 */
export class RequestsInFlight {
  private running = 0;
  private readonly open = new WeakSet<FastifyRequest>();
  private readonly waiting: Array<() => void> = [];

  track(fastify: FastifyInstance): void {
    fastify.addHook('onRequest', (request, _reply, done) => {
      this.open.add(request);
      this.running++;
      done();
    });
    fastify.addHook('onSend', (request, _reply, payload, done) => {
      if (this.open.delete(request)) this.finished();
      done(null, payload);
    });
  }

  /** Resolves once every request taken has been answered. */
  idle(): Promise<void> {
    if (this.running === 0) return Promise.resolve();
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private finished(): void {
    this.running--;
    if (this.running === 0) for (const resolve of this.waiting.splice(0)) resolve();
  }
}
