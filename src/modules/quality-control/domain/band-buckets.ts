/** A place's two integers: the bucket key and the slot, side by side in one cache line. */
const STRIDE = 2;
const EMPTY = -1;
/** A deleted entry: look-ups go on past it, an add may take its place. */
const DELETED = -2;
/** At most this share of places in use, deleted ones included: a search that finds nothing then reads about two. */
const MAX_LOAD = 0.5;

/**
 * The LSH buckets of every band in one hash table over one Int32Array: bucket key → slots, each
 * (key, slot) pair an entry, found by linear probing from the key's home place. The band is mixed
 * into the key, so one table holds every band. An index of 20,000 ideas in 256 bands holds five
 * million entries: as a Map of arrays per band that was five million small arrays for the collector
 * to trace and a heap number for most keys; as chains it was two trips to memory per band, where a
 * check's look-ups are what its time goes to. Here a look-up reads one place and, rarely, its
 * neighbours, in one cache line.
 */
export class BandBuckets {
  private table = new Int32Array(1024 * STRIDE).fill(EMPTY);
  private capacity = 1024;
  private live = 0;
  private deleted = 0;

  get size(): number {
    return this.live;
  }

  add(key: number, slot: number): void {
    if (this.live + this.deleted + 1 > this.capacity * MAX_LOAD) this.rebuild();
    const table = this.table;
    const mask = this.capacity - 1;
    let place = key & mask;
    while (table[place * STRIDE + 1]! >= 0) place = (place + 1) & mask;
    if (table[place * STRIDE + 1] === DELETED) this.deleted--;
    table[place * STRIDE] = key;
    table[place * STRIDE + 1] = slot;
    this.live++;
  }

  /** Removes one entry of `slot` from the bucket; false when it holds none. */
  delete(key: number, slot: number): boolean {
    for (let entry = this.first(key); entry >= 0; entry = this.following(entry, key)) {
      if (this.table[entry * STRIDE + 1] !== slot) continue;
      this.table[entry * STRIDE + 1] = DELETED;
      this.live--;
      this.deleted++;
      return true;
    }
    return false;
  }

  /**
   * The bucket's first entry, or −1 when it is empty; `following` gives the next one and `slotAt`
   * each entry's slot. A loop over them, where a callback per entry would cost a call per visit:
   * `for (let e = b.first(key); e >= 0; e = b.following(e, key)) … b.slotAt(e)`.
   */
  first(key: number): number {
    return this.matchFrom(key & (this.capacity - 1), key | 0);
  }

  following(entry: number, key: number): number {
    return this.matchFrom((entry + 1) & (this.capacity - 1), key | 0);
  }

  /**
   * The first entry of many buckets at once, `keys[i]`'s into `out[i]` (−1 where empty). The searches
   * do not depend on each other, so the processor overlaps their trips to memory.
   */
  firstOfEach(keys: Uint32Array, out: Int32Array): Int32Array {
    const mask = this.capacity - 1;
    for (let i = 0; i < keys.length; i++) out[i] = this.matchFrom(keys[i]! & mask, keys[i]! | 0);
    return out;
  }

  slotAt(entry: number): number {
    return this.table[entry * STRIDE + 1]!;
  }

  /** From `place` on, the first live entry with the key, or −1 at the first empty place. */
  private matchFrom(place: number, key: number): number {
    const table = this.table;
    const mask = this.capacity - 1;
    for (;;) {
      const slot = table[place * STRIDE + 1]!;
      if (slot === EMPTY) return -1;
      if (slot >= 0 && table[place * STRIDE] === key) return place;
      place = (place + 1) & mask;
    }
  }

  /** Into a table twice the size when the live entries alone need it, else the same size without the deleted ones. */
  private rebuild(): void {
    const old = this.table;
    const oldCapacity = this.capacity;
    if ((this.live + 1) * 2 > this.capacity * MAX_LOAD) this.capacity *= 2;
    this.table = new Int32Array(this.capacity * STRIDE).fill(EMPTY);
    this.live = 0;
    this.deleted = 0;
    for (let place = 0; place < oldCapacity; place++) {
      const slot = old[place * STRIDE + 1]!;
      if (slot >= 0) this.add(old[place * STRIDE]!, slot);
    }
  }
}
