import { BandBuckets } from './band-buckets';

/** The slots of a bucket, read the way the index walks it. */
function slotsIn(buckets: BandBuckets, band: number, key: number): number[] {
  const slots: number[] = [];
  for (let entry = buckets.first(band, key); entry >= 0; entry = buckets.following(entry, band, key)) slots.push(buckets.slotAt(entry));
  return slots.sort((a, b) => a - b);
}

/** The same walk from the first entries of every band's bucket, looked up at once. */
function slotsFromFirsts(buckets: BandBuckets, keys: number[]): number[][] {
  const starts = buckets.firstOfEach(Uint32Array.from(keys), new Int32Array(keys.length));
  return keys.map((key, band) => {
    const slots: number[] = [];
    for (let entry = starts[band]!; entry >= 0; entry = buckets.following(entry, band, key)) slots.push(buckets.slotAt(entry));
    return slots.sort((a, b) => a - b);
  });
}

describe('BandBuckets', () => {
  it('keeps (band, key) buckets apart: the same key in another band is another bucket', () => {
    const buckets = new BandBuckets();
    buckets.add(0, 42, 1);
    buckets.add(1, 42, 2);
    buckets.add(0, 42, 3);
    buckets.add(0, 0xffffffff, 4);
    expect(slotsIn(buckets, 0, 42)).toEqual([1, 3]);
    expect(slotsIn(buckets, 1, 42)).toEqual([2]);
    expect(slotsIn(buckets, 2, 42)).toEqual([]);
    expect(slotsIn(buckets, 0, 0xffffffff)).toEqual([4]);
    expect(buckets.size).toBe(4);
  });

  it('deletes one entry of a slot, and says whether there was one', () => {
    const buckets = new BandBuckets();
    buckets.add(3, 7, 10);
    buckets.add(3, 7, 11);
    expect(buckets.delete(3, 7, 10)).toBe(true);
    expect(buckets.delete(3, 7, 10)).toBe(false);
    expect(buckets.delete(4, 7, 11)).toBe(false);
    expect(slotsIn(buckets, 3, 7)).toEqual([11]);
    expect(buckets.size).toBe(1);
  });

  it('through 60,000 random adds and deletes, rehashes and reuse of freed entries, holds what a map of lists holds', () => {
    let state = 12345;
    const random = (n: number) => {
      state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
      return state % n;
    };
    const buckets = new BandBuckets();
    const reference = new Map<string, number[]>();
    const live: Array<[number, number, number]> = [];
    for (let step = 0; step < 60_000; step++) {
      if (live.length > 0 && random(3) === 0) {
        const [band, key, slot] = live.splice(random(live.length), 1)[0]!;
        expect(buckets.delete(band, key, slot)).toBe(true);
        const list = reference.get(`${band}:${key}`)!;
        list.splice(list.indexOf(slot), 1);
      } else {
        // Few keys, so buckets hold many slots; keys above 2^31 too, as the index's keys are unsigned.
        const entry: [number, number, number] = [random(8), random(500) * 0x9e3779b1 >>> 0, random(5000)];
        buckets.add(...entry);
        live.push(entry);
        const name = `${entry[0]}:${entry[1]}`;
        reference.set(name, [...(reference.get(name) ?? []), entry[2]]);
      }
    }
    expect(buckets.size).toBe(live.length);
    for (const [name, slots] of reference) {
      const [band, key] = name.split(':').map(Number) as [number, number];
      expect(slotsIn(buckets, band, key)).toEqual([...slots].sort((a, b) => a - b));
    }
    const keys = Array.from({ length: 8 }, () => random(500) * 0x9e3779b1 >>> 0);
    expect(slotsFromFirsts(buckets, keys)).toEqual(keys.map((key, band) => [...(reference.get(`${band}:${key}`) ?? [])].sort((a, b) => a - b)));
  });
});
