import { resized } from './typed-arrays';

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
