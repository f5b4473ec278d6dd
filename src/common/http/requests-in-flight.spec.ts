import Fastify from 'fastify';
import type { AddressInfo } from 'node:net';
import { RequestsInFlight } from './requests-in-flight';

describe('RequestsInFlight', () => {
  // Closing must not wait for the test client's idle keep-alive connections.
  const app = Fastify({ forceCloseConnections: true });
  const inFlight = new RequestsInFlight();
  let release: () => void = () => undefined;
  let url = '';
  inFlight.track(app);
  app.get('/slow', async () => {
    await new Promise<void>((resolve) => (release = resolve));
    return { ok: true };
  });
  app.get('/fails', () => {
    throw new Error('the handler failed');
  });
  beforeAll(async () => {
    await app.listen({ port: 0, host: '127.0.0.1' });
    url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  });
  afterAll(() => app.close());

  it('is idle at once when nothing runs, and after an answer or an error', async () => {
    await expect(inFlight.idle()).resolves.toBeUndefined();
    expect((await fetch(`${url}/fails`)).status).toBe(500);
    expect((await fetch(`${url}/missing`)).status).toBe(404);
    await expect(inFlight.idle()).resolves.toBeUndefined();
  });

  it('becomes idle only once a request still running is answered, even when its client has gone', async () => {
    const gone = new AbortController();
    const answer = fetch(`${url}/slow`, { signal: gone.signal }).catch(() => 'aborted');
    await new Promise((resolve) => setTimeout(resolve, 30));
    gone.abort();
    expect(await answer).toBe('aborted');
    let idle = false;
    const waiting = inFlight.idle().then(() => (idle = true));
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(idle).toBe(false);
    release();
    await waiting;
    expect(idle).toBe(true);
  });
});
