import { FloodMeter, TallyCoalescer } from './tally-coalescer';

describe('TallyCoalescer', () => {
  it('flushes a quiet room at once and keeps only the latest tally per idea', () => {
    const c = new TallyCoalescer<{ ideaId: string; up: number }>(250);
    expect(c.offer('r', { ideaId: 'a', up: 1 }, 1000)).toBe(0);
    expect(c.offer('r', { ideaId: 'a', up: 2 }, 1001)).toBeNull();
    expect(c.offer('r', { ideaId: 'b', up: 1 }, 1002)).toBeNull();
    expect(c.flush('r', 1003)).toEqual([{ ideaId: 'a', up: 2 }, { ideaId: 'b', up: 1 }]);
  });

  it('waits out the interval after a flush', () => {
    const c = new TallyCoalescer<{ ideaId: string }>(250);
    c.offer('r', { ideaId: 'a' }, 0);
    c.flush('r', 0);
    expect(c.offer('r', { ideaId: 'a' }, 100)).toBe(150);
    expect(c.offer('other', { ideaId: 'a' }, 100)).toBe(0);
  });

  it('sends at most four flushes a second however many votes arrive', () => {
    const c = new TallyCoalescer<{ ideaId: string; n: number }>(250);
    let flushes = 0;
    let dueAt: number | null = null;
    for (let t = 0; t < 1000; t += 1) {
      const delay = c.offer('r', { ideaId: 'a', n: t }, t);
      if (delay !== null) dueAt = t + delay;
      if (dueAt !== null && t >= dueAt) {
        flushes += 1;
        c.flush('r', t);
        dueAt = null;
      }
    }
    expect(flushes).toBeLessThanOrEqual(4);
  });
});

describe('FloodMeter', () => {
  it('trips on the 21st event within ten seconds and forgives old ones', () => {
    const meter = new FloodMeter(20, 10_000);
    for (let i = 0; i < 20; i++) expect(meter.hit(i * 100)).toBe(false);
    expect(meter.hit(2100)).toBe(true);
    const slow = new FloodMeter(20, 10_000);
    for (let i = 0; i < 40; i++) expect(slow.hit(i * 1000)).toBe(false);
  });
});
