import { BandBuckets } from './band-buckets';

/** The slots of a bucket, read the way the index walks it. */
function slotsIn(buckets: BandBuckets, key: number): number[] {
  const slots: number[] = [];
  for (let entry = buckets.first(key); entry >= 0; entry = buckets.following(entry, key)) slots.push(buckets.slotAt(entry));
  return slots.sort((a, b) => a - b);
}

/** The same walk from the first entries of many buckets, looked up at once. */
function slotsFromFirsts(buckets: BandBuckets, keys: number[]): number[][] {
  const firsts = buckets.firstOfEach(Uint32Array.from(keys), new Int32Array(keys.length));
  return keys.map((key, i) => {
    const slots: number[] = [];
    for (let entry = firsts[i]!; entry >= 0; entry = buckets.following(entry, key)) slots.push(buckets.slotAt(entry));
    return slots.sort((a, b) => a - b);
  });
}

describe('BandBuckets', () => {
  it('holds several slots under one key, and keys that share a home place apart', () => {
    const buckets = new BandBuckets();
    buckets.add(42, 1);
    buckets.add(42 + 1024, 2);
    buckets.add(42, 3);
    buckets.add(0xffffffff, 4);
    expect(slotsIn(buckets, 42)).toEqual([1, 3]);
    expect(slotsIn(buckets, 42 + 1024)).toEqual([2]);
    expect(slotsIn(buckets, 43)).toEqual([]);
    expect(slotsIn(buckets, 0xffffffff)).toEqual([4]);
    expect(buckets.size).toBe(4);
  });

  it('deletes one entry of a slot, says whether there was one, and still finds what lies beyond it', () => {
    const buckets = new BandBuckets();
    buckets.add(7, 10);
    buckets.add(7, 11);
    buckets.add(7 + 1024, 12);
    expect(buckets.delete(7, 10)).toBe(true);
    expect(buckets.delete(7, 10)).toBe(false);
    expect(buckets.delete(8, 11)).toBe(false);
    expect(slotsIn(buckets, 7)).toEqual([11]);
    expect(slotsIn(buckets, 7 + 1024)).toEqual([12]);
    expect(buckets.size).toBe(2);
  });

  it('through 60,000 random adds and deletes, growth and clean-ups, holds what a map of lists holds', () => {
    let state = 12345;
    const random = (n: number) => {
      state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
      return state % n;
    };
    const buckets = new BandBuckets();
    const reference = new Map<number, number[]>();
    const live: Array<[number, number]> = [];
    // Few keys, so buckets hold many slots and probe runs grow long; keys above 2^31 too, as the index's are unsigned.
    const keyOf = () => (random(2000) * 0x9e3779b1) >>> 0;
    for (let step = 0; step < 60_000; step++) {
      // Deletes as often as adds in a stretch: the table fills with deleted places and must clean them up.
      const deleting = live.length > 0 && random(step % 20_000 < 10_000 ? 3 : 2) === 0;
      if (deleting) {
        const [key, slot] = live.splice(random(live.length), 1)[0]!;
        expect(buckets.delete(key, slot)).toBe(true);
        const list = reference.get(key)!;
        list.splice(list.indexOf(slot), 1);
      } else {
        const entry: [number, number] = [keyOf(), random(5000)];
        buckets.add(...entry);
        live.push(entry);
        reference.set(entry[0], [...(reference.get(entry[0]) ?? []), entry[1]]);
      }
    }
    expect(buckets.size).toBe(live.length);
    for (const [key, slots] of reference) expect(slotsIn(buckets, key)).toEqual([...slots].sort((a, b) => a - b));
    const keys = Array.from({ length: 64 }, keyOf);
    expect(slotsFromFirsts(buckets, keys)).toEqual(keys.map((key) => [...(reference.get(key) ?? [])].sort((a, b) => a - b)));
  });
});
