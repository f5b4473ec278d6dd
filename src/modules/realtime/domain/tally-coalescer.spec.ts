import { Scheduler, TallyCoalescer } from './tally-coalescer';

interface Update {
  ideaId: string;
  up: number;
}

interface Sent {
  at: number;
  room: string;
  updates: Update[];
}

/** A coalescer on Jest's fake timers, recording every send with the fake time it happened at. */
function coalescer(intervalMs = 250): { c: TallyCoalescer<Update>; sent: Sent[] } {
  const sent: Sent[] = [];
  const scheduler: Scheduler = { after: (ms, run) => void setTimeout(run, ms) };
  const c = new TallyCoalescer<Update>(intervalMs, scheduler, (room, updates) => sent.push({ at: jest.now(), room, updates }));
  return { c, sent };
}

/** Offers `votes` votes on one idea spread evenly over `spanMs`, then lets every timer run out. */
function burst(c: TallyCoalescer<Update>, votes: number, spanMs: number): void {
  for (let n = 1; n <= votes; n++) {
    c.offer('campaign:a', { ideaId: 'i1', up: n });
    jest.advanceTimersByTime(spanMs / votes);
  }
  jest.runAllTimers();
}

describe('TallyCoalescer', () => {
  beforeEach(() => {
    jest.useFakeTimers({ now: 0 });
  });
  afterEach(() => {
    jest.useRealTimers();
  });

  it('sends a quiet room’s first update on the next tick, never inside offer', () => {
    const { c, sent } = coalescer();
    c.offer('campaign:a', { ideaId: 'i1', up: 1 });
    expect(sent).toEqual([]);
    jest.advanceTimersByTime(0);
    expect(sent).toEqual([{ at: 0, room: 'campaign:a', updates: [{ ideaId: 'i1', up: 1 }] }]);
  });

  it('keeps only the latest update per idea and sends every changed idea in one message', () => {
    const { c, sent } = coalescer();
    c.offer('campaign:a', { ideaId: 'i1', up: 1 });
    jest.advanceTimersByTime(10);
    c.offer('campaign:a', { ideaId: 'i1', up: 2 });
    c.offer('campaign:a', { ideaId: 'i2', up: 1 });
    c.offer('campaign:a', { ideaId: 'i1', up: 3 });
    jest.advanceTimersByTime(240);
    expect(sent.map((s) => [s.at, s.updates])).toEqual([
      [0, [{ ideaId: 'i1', up: 1 }]],
      [250, [{ ideaId: 'i1', up: 3 }, { ideaId: 'i2', up: 1 }]],
    ]);
  });

  it('paces each room on its own', () => {
    const { c, sent } = coalescer();
    c.offer('campaign:a', { ideaId: 'i1', up: 1 });
    jest.advanceTimersByTime(100);
    c.offer('campaign:a', { ideaId: 'i1', up: 2 });
    c.offer('campaign:b', { ideaId: 'i9', up: 1 });
    jest.advanceTimersByTime(0);
    expect(sent.map((s) => [s.at, s.room])).toEqual([
      [0, 'campaign:a'],
      [100, 'campaign:b'],
    ]);
  });

  it.each([
    // votes, over ms, most messages: one at once, then at most one per 250 ms
    [100, 1000, 5],
    [1000, 1000, 5],
    [10, 1000, 5],
    [2000, 10_000, 41],
    [3, 100, 2],
  ])('turns %i votes over %i ms into at most %i messages, the last one exact', (votes, spanMs, most) => {
    const { c, sent } = coalescer();
    burst(c, votes, spanMs);
    expect(sent.length).toBeLessThanOrEqual(most);
    expect(sent.at(-1)?.updates).toEqual([{ ideaId: 'i1', up: votes }]);
    // the invariant behind "at most four a second": two messages to a room are never closer than 250 ms
    for (let k = 1; k < sent.length; k++) expect(sent[k]!.at - sent[k - 1]!.at).toBeGreaterThanOrEqual(250);
  });

  it('forgets a room quiet for one interval, and sends its next update at once', () => {
    const { c, sent } = coalescer();
    burst(c, 50, 500);
    expect(c.armedRooms).toBe(0);
    jest.advanceTimersByTime(1000);
    const quietSince = jest.now();
    c.offer('campaign:a', { ideaId: 'i1', up: 51 });
    jest.advanceTimersByTime(0);
    expect(sent.at(-1)).toEqual({ at: quietSince, room: 'campaign:a', updates: [{ ideaId: 'i1', up: 51 }] });
  });

  it('sends nothing after clear', () => {
    const { c, sent } = coalescer();
    c.offer('campaign:a', { ideaId: 'i1', up: 1 });
    c.clear();
    jest.runAllTimers();
    expect(sent).toEqual([]);
    expect(c.armedRooms).toBe(0);
  });
});
