import { duplicateRegion, matchRegion } from './region-match';

describe('matchRegion', () => {
  it.each([
    ['Bantul', 'Bantul'],
    ['  bantul ', 'Bantul'],
    ['KASIHAN', 'Kasihan'],
    ['Sewon  Timur', 'Sewon Timur'],
    ['Sleman', null],
  ])('%j → %j', (region, expected) => {
    expect(matchRegion(region, ['Bantul', 'Kasihan', 'Sewon Timur'])).toBe(expected);
  });
});

describe('duplicateRegion', () => {
  it('finds a region listed twice in another spelling', () => {
    expect(duplicateRegion(['Bantul', 'Sewon', 'bantul'])).toBe('bantul');
    expect(duplicateRegion(['Bantul', 'Sewon'])).toBeNull();
  });
});
