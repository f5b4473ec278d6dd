import { buildIntegrityReport, DEFAULT_INTEGRITY_OPTIONS, logGamma, poissonUpperTail, trailingExpectedRate, VoteEvent } from './vote-integrity';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const T = Date.UTC(2026, 0, 15, 12, 0, 0);

let nextVote = 0;
/** A vote by an account created `accountAgeMs` before it votes. */
function vote(ideaId: string, at: number, voterId: string, accountAgeMs = 30 * DAY, extra: Partial<VoteEvent> = {}): VoteEvent {
  nextVote++;
  return { voteId: `v${String(nextVote).padStart(5, '0')}`, ideaId, voterId, at, voterCreatedAt: at - accountAgeMs, ...extra };
}

/** 288 old-account votes spread over [T − 24 h, T − 32 min]: λ = 288/144 = 2 for a window at T. */
function steadyDay(ideaId: string): VoteEvent[] {
  return Array.from({ length: 288 }, (_, i) => vote(ideaId, T - DAY + i * 4.9 * MINUTE, `${ideaId}-regular-${i}`));
}

/** `count` votes within 110 s from T, the first `fresh` of them by accounts an hour old. */
function burst(ideaId: string, count: number, fresh: number, start = T): VoteEvent[] {
  return Array.from({ length: count }, (_, i) => vote(ideaId, start + i * 10_000, `${ideaId}-burst-${start}-${i}`, i < fresh ? HOUR : 30 * DAY));
}

describe('poissonUpperTail', () => {
  it.each([
    [12, 2, 1.3646151596151931e-6, 1e-10],
    [6, 2, 0.01656360848061443, 1e-6],
    [1, 0.5, 0.3934693402873665, 1e-12],
    [6, 0.5, 1.4164937322342495e-5, 1e-12],
    [5, 0.5, 1.7211562995584072e-4, 1e-12],
    [0, 2, 1, 0],
    [1, 2, 0.8646647167633873, 1e-12],
    [2, 2, 0.5939941502901616, 1e-12],
    [100, 50, 3.2000653245851495e-10, 1e-15],
    [30, 50, 0.999083171138544, 1e-12],
  ])('P(X ≥ %i | λ = %f) = %f (SciPy)', (k, lambda, expected, tolerance) => {
    expect(Math.abs(poissonUpperTail(k, lambda) - expected)).toBeLessThanOrEqual(tolerance);
  });

  it('keeps relative precision deep in the tail where 1 − CDF would cancel to 0', () => {
    expect(poissonUpperTail(100, 50) / 3.2000653245851495e-10).toBeCloseTo(1, 9);
    expect(poissonUpperTail(60, 2)).toBeGreaterThan(0);
    expect(poissonUpperTail(60, 2)).toBeLessThan(1e-50);
  });

  it('is 0 for λ = 0 and k ≥ 1, and decreases in k within [0, 1] (invariant)', () => {
    expect(poissonUpperTail(1, 0)).toBe(0);
    for (const lambda of [0.5, 2, 7.3, 40]) {
      let previous = 1;
      for (let k = 0; k <= 80; k++) {
        const p = poissonUpperTail(k, lambda);
        expect(p).toBeGreaterThanOrEqual(0);
        expect(p).toBeLessThanOrEqual(previous + 1e-15);
        previous = p;
      }
    }
  });
});

describe('logGamma', () => {
  it.each([
    [1, 0],
    [2, 0],
    [5, Math.log(24)],
    [0.5, Math.log(Math.sqrt(Math.PI))],
    [101, 363.73937555556347],
  ])('ln Γ(%f) = %f', (x, expected) => {
    expect(logGamma(x)).toBeCloseTo(expected, 9);
  });
});

describe('trailingExpectedRate: votes in the preceding 24 h / 144, floored at 0.5', () => {
  it.each([
    [0, 0.5],
    [50, 0.5],
    [72, 0.5],
    [144, 1],
    [288, 2],
    [1440, 10],
  ])('%i trailing votes → λ = %f', (votes, expected) => {
    expect(trailingExpectedRate(votes)).toBeCloseTo(expected, 12);
  });
});

describe('buildIntegrityReport: bursts', () => {
  it('reports 12 votes in 10 minutes against λ = 2 with p = 1.3646e-6, suspicious when fresh accounts dominate', () => {
    const report = buildIntegrityReport([...steadyDay('kopi'), ...burst('kopi', 12, 6)]);
    expect(report.bursts).toHaveLength(1);
    const [found] = report.bursts;
    expect(found).toMatchObject({ ideaId: 'kopi', windowStart: T, windowEnd: T + 10 * MINUTE, votes: 12, freshShare: 0.5, suspicious: true });
    expect(found?.expected).toBeCloseTo(2, 12);
    expect(Math.abs((found?.p ?? 1) - 1.3646151596151931e-6)).toBeLessThan(1e-10);
    expect(found?.voteIds).toHaveLength(12);
    expect(report.clusters).toEqual([]);
  });

  it('lists a burst of old accounts as not suspicious', () => {
    const [found] = buildIntegrityReport([...steadyDay('kopi'), ...burst('kopi', 12, 5)]).bursts;
    expect(found?.freshShare).toBeCloseTo(5 / 12, 12);
    expect(found?.suspicious).toBe(false);
  });

  it('does not report 6 votes against λ = 2 (p = 0.016564)', () => {
    expect(buildIntegrityReport([...steadyDay('kopi'), ...burst('kopi', 6, 6)]).bursts).toEqual([]);
  });

  it('floors λ at 0.5 for a new idea: 6 quick votes are a burst (p = 1.4165e-5), 5 are not', () => {
    const six = buildIntegrityReport(burst('baru', 6, 0)).bursts;
    expect(six).toHaveLength(1);
    expect(six[0]?.expected).toBe(0.5);
    expect(six[0]?.p).toBeCloseTo(1.4164937322342495e-5, 12);
    expect(buildIntegrityReport(burst('baru', 5, 0)).bursts).toEqual([]);
  });

  it('finds nothing in a steady stream of one vote every 10 minutes for two days', () => {
    const events = Array.from({ length: 288 }, (_, i) => vote('tenang', T + i * 10 * MINUTE, `steady-${i}`));
    expect(buildIntegrityReport(events)).toEqual({ bursts: [], clusters: [] });
  });

  it('reports two separate bursts of one idea, and bursts of several ideas, in order', () => {
    const events = [...burst('b', 8, 8, T + 5 * HOUR), ...burst('b', 8, 0, T), ...burst('a', 7, 0, T + HOUR)];
    const report = buildIntegrityReport(events);
    expect(report.bursts.map((b) => [b.ideaId, b.windowStart, b.suspicious])).toEqual([
      ['a', T + HOUR, false],
      ['b', T, false],
      ['b', T + 5 * HOUR, true],
    ]);
  });

  it('takes the thresholds as options', () => {
    expect(buildIntegrityReport(burst('x', 5, 0), { burstPValue: 1e-3 }).bursts).toHaveLength(1);
    expect(buildIntegrityReport(burst('x', 6, 0), { rateFloor: 2 }).bursts).toEqual([]);
    expect(buildIntegrityReport(burst('x', 6, 2), { freshShare: 0.3 }).bursts[0]?.suspicious).toBe(true);
  });
});

describe('buildIntegrityReport: clusters', () => {
  const onDevice = (ideaId: string, accounts: number, hash: string, spacing = HOUR) =>
    Array.from({ length: accounts }, (_, i) => vote(ideaId, T + i * spacing, `${hash}-account-${i}`, 30 * DAY, { deviceHash: hash }));
  const onNetwork = (ideaId: string, accounts: number, hash: string) =>
    Array.from({ length: accounts }, (_, i) => vote(ideaId, T + i * HOUR, `${hash}-account-${i}`, 30 * DAY, { networkHash: hash }));

  it.each([
    [4, true],
    [3, false],
  ])('%i accounts on one device within 24 h: cluster %s', (accounts, expected) => {
    const clusters = buildIntegrityReport(onDevice('kopi', accounts, 'dev-1')).clusters;
    expect(clusters).toEqual(expected ? [{ ideaId: 'kopi', kind: 'device', hash: 'dev-1', accounts, voteIds: expect.any(Array) }] : []);
  });

  it.each([
    [8, true],
    [7, false],
  ])('%i accounts on one network within 24 h: cluster %s', (accounts, expected) => {
    expect(buildIntegrityReport(onNetwork('kopi', accounts, 'net-1')).clusters).toHaveLength(expected ? 1 : 0);
  });

  it('does not count accounts more than 24 h apart together', () => {
    expect(buildIntegrityReport(onDevice('kopi', 4, 'dev-1', 9 * HOUR)).clusters).toEqual([]);
  });

  it('counts accounts, not votes, and keeps ideas and hashes apart', () => {
    const sameAccount = Array.from({ length: 6 }, (_, i) => vote('kopi', T + i * MINUTE, 'one-person', 30 * DAY, { deviceHash: 'dev-1' }));
    const split = [...onDevice('kopi', 2, 'dev-2'), ...onDevice('teh', 2, 'dev-2')];
    expect(buildIntegrityReport([...sameAccount, ...split]).clusters).toEqual([]);
  });

  it('names the votes of the densest 24 h', () => {
    const events = [...onDevice('kopi', 5, 'dev-1'), vote('kopi', T + 3 * DAY, 'late', 30 * DAY, { deviceHash: 'dev-1' })];
    const [cluster] = buildIntegrityReport(events).clusters;
    expect(cluster?.accounts).toBe(5);
    expect(cluster?.voteIds).toEqual(events.slice(0, 5).map((e) => e.voteId));
  });
});

describe('buildIntegrityReport: invariants', () => {
  let seed = 11;
  const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
  const events: VoteEvent[] = [];
  for (let i = 0; i < 3000; i++) {
    const ideaId = `idea-${Math.floor(random() * 5)}`;
    const quick = random() < 0.2;
    const at = T + Math.floor(random() * (quick ? 20 * MINUTE : 3 * DAY));
    events.push(vote(ideaId, at, `user-${Math.floor(random() * 400)}`, random() < 0.3 ? HOUR : 30 * DAY, { deviceHash: `d${Math.floor(random() * 300)}`, networkHash: `n${Math.floor(random() * 20)}` }));
  }
  const report = buildIntegrityReport(events);
  const byId = new Map(events.map((e) => [e.voteId, e]));

  it('gives bursts that hold their own idea’s votes inside their window, do not overlap, and have p, share in [0, 1]', () => {
    expect(report.bursts.length).toBeGreaterThan(0);
    for (const b of report.bursts) {
      expect(b.votes).toBe(b.voteIds.length);
      for (const id of b.voteIds) {
        const e = byId.get(id);
        expect(e?.ideaId).toBe(b.ideaId);
        expect(e!.at).toBeGreaterThanOrEqual(b.windowStart);
        expect(e!.at).toBeLessThan(b.windowEnd);
      }
      expect(b.p).toBeLessThan(DEFAULT_INTEGRITY_OPTIONS.burstPValue);
      expect(b.freshShare).toBeGreaterThanOrEqual(0);
      expect(b.freshShare).toBeLessThanOrEqual(1);
      expect(b.expected).toBeGreaterThanOrEqual(DEFAULT_INTEGRITY_OPTIONS.rateFloor);
    }
    const sameIdea = (i: number) => report.bursts[i]!.ideaId === report.bursts[i - 1]!.ideaId;
    for (let i = 1; i < report.bursts.length; i++) if (sameIdea(i)) expect(report.bursts[i]!.windowStart).toBeGreaterThanOrEqual(report.bursts[i - 1]!.windowEnd);
  });

  it('gives clusters whose votes share the idea and hash, span under 24 h and come from the stated accounts', () => {
    expect(report.clusters.length).toBeGreaterThan(0);
    for (const c of report.clusters) {
      const votes = c.voteIds.map((id) => byId.get(id)!);
      for (const v of votes) expect([v.ideaId, c.kind === 'device' ? v.deviceHash : v.networkHash]).toEqual([c.ideaId, c.hash]);
      expect(new Set(votes.map((v) => v.voterId)).size).toBe(c.accounts);
      expect(Math.max(...votes.map((v) => v.at)) - Math.min(...votes.map((v) => v.at))).toBeLessThan(DAY);
      expect(c.accounts).toBeGreaterThanOrEqual(c.kind === 'device' ? 4 : 8);
    }
  });

  it('does not depend on the order of its input', () => {
    expect(buildIntegrityReport([...events].reverse())).toEqual(report);
    expect(buildIntegrityReport([])).toEqual({ bursts: [], clusters: [] });
  });
});
