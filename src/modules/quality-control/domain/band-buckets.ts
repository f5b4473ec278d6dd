/** An entry's four integers, side by side so that reading one entry touches one cache line. */
const KEY = 0;
const BAND = 1;
const SLOT = 2;
const NEXT = 3;
const STRIDE = 4;

/**
 * The LSH buckets of every band in one chained hash table over typed arrays: (band, key) → slots.
 * An index of 20,000 ideas in 256 bands holds five million entries; as a Map of arrays per band that
 * was five million small arrays for the collector to trace and a heap number for most keys. Here an
 * entry is four integers in one flat array, and walking a bucket follows integers through it.
 */
export class BandBuckets {
  /** Per chain: the first entry, or −1. A power of two in length, at least the number of entries. */
  private heads = new Int32Array(1024).fill(-1);
  /** `STRIDE` integers per entry; a slot of −1 marks an entry on the free list. */
  private entries = new Int32Array(1024 * STRIDE);
  private free = -1;
  private used = 0;
  private live = 0;

  get size(): number {
    return this.live;
  }

  add(band: number, key: number, slot: number): void {
    if (this.live >= this.heads.length) this.rehash(this.heads.length * 2);
    let entry = this.free;
    if (entry >= 0) this.free = this.entries[entry * STRIDE + NEXT]!;
    else {
      if ((this.used + 1) * STRIDE > this.entries.length) this.growEntries();
      entry = this.used++;
    }
    const at = entry * STRIDE;
    const chain = key & (this.heads.length - 1);
    this.entries[at + KEY] = key;
    this.entries[at + BAND] = band;
    this.entries[at + SLOT] = slot;
    this.entries[at + NEXT] = this.heads[chain]!;
    this.heads[chain] = entry;
    this.live++;
  }

  /** Removes one entry of `slot` from the bucket; false when it holds none. */
  delete(band: number, key: number, slot: number): boolean {
    const entries = this.entries;
    const chain = key & (this.heads.length - 1);
    let previous = -1;
    for (let entry = this.heads[chain]!; entry >= 0; previous = entry, entry = entries[entry * STRIDE + NEXT]!) {
      const at = entry * STRIDE;
      if (entries[at + KEY] !== (key | 0) || entries[at + BAND] !== band || entries[at + SLOT] !== slot) continue;
      if (previous < 0) this.heads[chain] = entries[at + NEXT]!;
      else entries[previous * STRIDE + NEXT] = entries[at + NEXT]!;
      entries[at + SLOT] = -1;
      entries[at + NEXT] = this.free;
      this.free = entry;
      this.live--;
      return true;
    }
    return false;
  }

  /**
   * The bucket's first entry, or −1 when it is empty; `following` gives the next one and `slotAt`
   * each entry's slot. A loop over them, where a callback per entry would cost a call per visit:
   * `for (let e = b.first(band, key); e >= 0; e = b.following(e, band, key)) … b.slotAt(e)`.
   */
  first(band: number, key: number): number {
    return this.matchFrom(this.heads[key & (this.heads.length - 1)]!, band, key | 0);
  }

  /**
   * The first entry of every band's bucket at once, band i's for `keys[i]`, into `out` (−1 where empty).
   * The chains are all looked up before any is searched: the look-ups do not depend on each other, so
   * the processor overlaps their trips to memory instead of waiting out one per band.
   */
  firstOfEach(keys: Uint32Array, out: Int32Array): Int32Array {
    const heads = this.heads;
    const mask = heads.length - 1;
    for (let band = 0; band < keys.length; band++) out[band] = heads[keys[band]! & mask]!;
    for (let band = 0; band < keys.length; band++) out[band] = this.matchFrom(out[band]!, band, keys[band]! | 0);
    return out;
  }

  following(entry: number, band: number, key: number): number {
    return this.matchFrom(this.entries[entry * STRIDE + NEXT]!, band, key | 0);
  }

  slotAt(entry: number): number {
    return this.entries[entry * STRIDE + SLOT]!;
  }

  private matchFrom(entry: number, band: number, key: number): number {
    const entries = this.entries;
    while (entry >= 0 && (entries[entry * STRIDE + KEY] !== key || entries[entry * STRIDE + BAND] !== band)) entry = entries[entry * STRIDE + NEXT]!;
    return entry;
  }

  private rehash(chains: number): void {
    const heads = new Int32Array(chains).fill(-1);
    const mask = chains - 1;
    const entries = this.entries;
    for (let entry = 0; entry < this.used; entry++) {
      const at = entry * STRIDE;
      if (entries[at + SLOT]! < 0) continue;
      const chain = entries[at + KEY]! & mask;
      entries[at + NEXT] = heads[chain]!;
      heads[chain] = entry;
    }
    // Free entries keep their links: the free list survives the rehash as it was.
    this.heads = heads;
  }

  private growEntries(): void {
    const entries = new Int32Array(this.entries.length * 2);
    entries.set(this.entries);
    this.entries = entries;
  }
}
