import { canMovePhase } from './phases';

describe('canMovePhase', () => {
  it.each([
    ['discussion', 'theory', true],
    ['discussion', 'evaluation', true],
    ['practice', 'evaluation', true],
    ['theory', 'theory', false],
    ['evaluation', 'practice', false],
    ['theory', 'discussion', false],
  ] as const)('%s → %s: %s', (from, to, allowed) => {
    expect(canMovePhase(from, to)).toBe(allowed);
  });
});
