import { resized, sameValues } from './typed-arrays';

describe('resized', () => {
  it('copies into a longer array of the same kind, zeros after the old values', () => {
    const grown = resized(Uint16Array.of(1, 2, 65535), 5);
    expect(grown).toBeInstanceOf(Uint16Array);
    expect(Array.from(grown)).toEqual([1, 2, 65535, 0, 0]);
    expect(Array.from(resized(Int32Array.of(-1), 2))).toEqual([-1, 0]);
  });

  it('keeps the first values when the new array is shorter, and never shares the old one', () => {
    const old = Uint32Array.of(7, 8, 9);
    const shorter = resized(old, 2);
    shorter[0] = 1;
    expect(Array.from(shorter)).toEqual([1, 8]);
    expect(Array.from(old)).toEqual([7, 8, 9]);
  });
});

describe('sameValues', () => {
  it('is true only for the same values in the same order', () => {
    expect(sameValues(Uint32Array.of(1, 2, 3), Uint32Array.of(1, 2, 3))).toBe(true);
    expect(sameValues(new Uint32Array(0), new Uint32Array(0))).toBe(true);
    expect(sameValues(Uint32Array.of(1, 2, 3), Uint32Array.of(1, 3, 2))).toBe(false);
    expect(sameValues(Uint32Array.of(1, 2), Uint32Array.of(1, 2, 3))).toBe(false);
  });
});
