import { binGains } from './gain-histogram';

describe('binGains', () => {
  it('bins the ALGORITHMS.md gains into 10-point bins', () => {
    expect(binGains([20, 15, 15, 15, 5, 20, 5, 15, -5, 22])).toEqual([
      { from: -10, to: 0, count: 1 },
      { from: 0, to: 10, count: 2 },
      { from: 10, to: 20, count: 4 },
      { from: 20, to: 30, count: 3 },
    ]);
  });

  it('keeps empty bins between gains', () => {
    expect(binGains([0, 35], 10).map((bin) => bin.count)).toEqual([1, 0, 0, 1]);
  });

  it('counts every gain exactly once', () => {
    const gains = [-100, -33.3, 0, 12.5, 99.9, 100];
    expect(binGains(gains).reduce((total, bin) => total + bin.count, 0)).toBe(gains.length);
  });

  it('returns no bins for no gains', () => {
    expect(binGains([])).toEqual([]);
  });
});
