import { BandBuckets } from './band-buckets';
import { resized, sameValues } from './typed-arrays';

/**
 * MinHash signatures with banded LSH (Broder 1997; Leskovec, Rajaraman & Ullman, Mining of Massive
 * Datasets ch. 3): proposes the ideas likely to be similar to a text without comparing it to every
 * idea. Candidates are proposals only; ALGORITHMS.md §1 re-verifies each with exact Jaccard.
 */

/**
 * With b bands of r rows a pair of Jaccard similarity s shares a band with probability 1 − (1 − s^r)^b;
 * it shares at least m of them with the binomial tail P(X ≥ m), X ~ B(b, s^r).
 */
export function lshCandidateProbability(similarity: number, bands: number, rows: number, minSharedBands = 1): number {
  const p = Math.pow(similarity, rows);
  if (minSharedBands === 1) return 1 - Math.pow(1 - p, bands);
  let below = 0;
  let choose = 1;
  for (let k = 0; k < minSharedBands; k++) {
    below += choose * Math.pow(p, k) * Math.pow(1 - p, bands - k);
    choose = (choose * (bands - k)) / (k + 1);
  }
  return Math.max(0, 1 - below);
}

/** The similarity where the S-curve rises steepest, ≈ (1/b)^(1/r); there a pair is a candidate with P ≈ 1 − 1/e. */
export function lshThreshold(bands: number, rows: number): number {
  return Math.pow(1 / bands, 1 / rows);
}

/**
 * A module-level alias: inside Jest's vm context every lookup of the global `Math` costs ~100 ns,
 * which made the hot loops below fifty times slower under test than in production.
 */
const imul = Math.imul;

/** FNV-1a, 32 bits, over UTF-16 code units: a fast, well-spread non-cryptographic string hash. */
export function fnv1a32(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

export interface MinHashOptions {
  bands: number;
  rows: number;
  /** How many bands a candidate must share with the query (1 is the classic banded LSH). */
  minSharedBands: number;
  /** Seeds the hash family; fixed, so signatures are reproducible across processes and restarts. */
  seed: number;
}

/**
 * 256 bands × 4 rows, a candidate sharing at least 2 bands: P(0.4) = 0.990, P(0.5) = 0.99998, while a
 * pair at 0.25 is proposed with P = 0.26, at 0.2 with P = 0.064 and at 0.15 with P = 0.008. Ideas of one
 * campaign share a vocabulary, so most pairs sit at 0.1–0.25, and every proposal is checked on its
 * hashes: 96 × 3 with 2 shared bands caught the similar band as well (P(0.4) = 0.987) but proposed
 * three times as many ideas at 0.2 and walked two and a half times as many bucket entries. Sketching
 * makes 1,024 values cheaper than 288 independent hash functions were. The 32 × 4 of the example
 * (threshold 0.42) proposes only 57 % of the pairs at J = 0.40 and 87 % at 0.50, too few for the
 * similar band; see the spec's recall check.
 */
export const DEFAULT_MINHASH_OPTIONS: MinHashOptions = { bands: 256, rows: 4, minSharedBands: 2, seed: 0x5a7e_b0ba };

/** Signatures of at most this many values leave a value 21 bits of hash beside its round number. */
const MAX_HASH_COUNT = 1024;

/** splitmix32 (Steele, Lea & Flood 2014): a small deterministic generator for the hash coefficients. */
function splitmix32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x9e3779b9) >>> 0;
    let z = state;
    z = imul(z ^ (z >>> 16), 0x85ebca6b);
    z = imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/** Mixes a band's number and row values into one 32-bit bucket key (FNV-1a over them, murmur finaliser): one table holds every band. */
function bandKey(signature: Uint32Array, band: number, rows: number): number {
  const start = band * rows;
  let hash = imul(0x811c9dc5 ^ band, 0x01000193);
  for (let i = start; i < start + rows; i++) hash = imul(hash ^ (signature[i] ?? 0), 0x01000193);
  hash = imul(hash ^ (hash >>> 16), 0x85ebca6b);
  hash = imul(hash ^ (hash >>> 13), 0xc2b2ae35);
  return (hash ^ (hash >>> 16)) >>> 0;
}

/**
 * In-memory LSH index of gram sets by id; pure and deterministic, rebuilt from stored ideas on start.
 * Each idea holds a dense slot: buckets list slots, each slot's band keys sit side by side in one typed
 * array (a removal finds its buckets again from them), and a query marks the slots it has seen with its
 * own number. A check visits hundreds of bucket entries on a campaign whose ideas share a vocabulary;
 * numbers and typed arrays keep each visit to a few nanoseconds where a Set of string ids cost ten times
 * that.
 */
export class MinHashIndex {
  private readonly bands: number;
  private readonly rows: number;
  private readonly minSharedBands: number;
  /** The coefficients of each sketching round's hash: 2 × hashCount rounds at most. */
  private readonly multipliers: Uint32Array;
  private readonly offsets: Uint32Array;
  /** A value is its round in the high bits and a hash in the `valueShift` low bits, so earlier rounds rank first. */
  private readonly valueShift: number;
  private readonly filledScratch: Uint8Array;
  private readonly buckets = new BandBuckets();
  /** A query's band keys and the first entries of their buckets, reused from query to query. */
  private readonly queryKeys: Uint32Array;
  private readonly queryFirsts: Int32Array;
  private readonly slotOf = new Map<string, number>();
  private readonly idAt: Array<string | undefined> = [];
  private readonly freeSlots: number[] = [];
  private capacity = 0;
  /** `bands` keys per slot; a slot whose text had no grams has no signature and no bucket entries. */
  private bandKeys = new Uint32Array(0);
  private signed = new Uint8Array(0);
  /** The number of the last query that reached each slot: candidates are distinct without a Set. */
  private seenBy = new Uint32Array(0);
  /** The bands the current query shares with each slot it reached. */
  private sharedBands = new Uint16Array(0);
  private queries = 0;
  /** A submitted idea is first a query, then added when its fingerprint is written: its signature is made once. */
  private readonly recent = new RecentSignatures();

  constructor(options: Partial<MinHashOptions> = {}) {
    const { bands, rows, minSharedBands, seed } = { ...DEFAULT_MINHASH_OPTIONS, ...options };
    if (!Number.isInteger(bands) || bands < 1 || !Number.isInteger(rows) || rows < 1) {
      throw new RangeError(`bands and rows must be positive integers, got ${bands} × ${rows}`);
    }
    if (!Number.isInteger(minSharedBands) || minSharedBands < 1 || minSharedBands > bands) {
      throw new RangeError(`minSharedBands must be an integer from 1 to the number of bands, got ${minSharedBands}`);
    }
    this.bands = bands;
    this.rows = rows;
    this.minSharedBands = minSharedBands;
    if (bands * rows > MAX_HASH_COUNT) {
      throw new RangeError(`bands × rows may be at most ${MAX_HASH_COUNT}, got ${bands * rows}`);
    }
    const next = splitmix32(seed);
    const rounds = 2 * bands * rows;
    // Odd multipliers make each a·x + b mod 2^32 a permutation of the 32-bit values.
    this.multipliers = Uint32Array.from({ length: rounds }, () => next() | 1);
    this.offsets = Uint32Array.from({ length: rounds }, () => next());
    this.valueShift = 32 - Math.ceil(Math.log2(rounds));
    this.filledScratch = new Uint8Array(bands * rows);
    this.queryKeys = new Uint32Array(bands);
    this.queryFirsts = new Int32Array(bands);
  }

  get size(): number {
    return this.slotOf.size;
  }

  get hashCount(): number {
    return this.bands * this.rows;
  }

  has(id: string): boolean {
    return this.slotOf.has(id);
  }

  /** The dense slot an indexed idea holds (reused after a removal), for keeping more about it side by side. */
  slotFor(id: string): number | undefined {
    return this.slotOf.get(id);
  }

  /** The idea in a slot, or undefined when the slot is free. */
  idIn(slot: number): string | undefined {
    return this.idAt[slot];
  }

  /**
   * The MinHash signature of a gram set given as its FNV-1a hashes (`hashGrams`), made by fast
   * similarity sketching (Dahlgaard, Knudsen & Thorup, FOCS 2017) rather than one hash function per
   * slot. In round i every gram is hashed once: the hash picks a slot and a value ranked by round
   * first, and each slot keeps the least value it received. Once every slot holds a value no later
   * round can lower one, so with t = 1,024 slots a 220-gram text stops after about t·ln t / 220 ≈ 32
   * rounds: some 7,000 hash evaluations where one function per slot would take 225,000 (and 288
   * functions took 63,000). If a slot is still empty after t rounds, round t + j sends every gram to
   * slot j. Two sets agree on a slot exactly when the least (round, value) pair of their union falls
   * in their intersection, so each slot agrees with probability J, as with independent hash
   * functions; the spec checks the estimates, their spread and the recall they give. Null for an
   * empty set.
   */
  signatureOf(hashes: Uint32Array): Uint32Array | null {
    if (hashes.length === 0) return null;
    return this.recent.signatureOf(hashes, () => this.sign(hashes));
  }

  private sign(hashes: Uint32Array): Uint32Array {
    const slots = this.hashCount;
    const signature = new Uint32Array(slots);
    const filled = this.filledScratch.fill(0);
    const valueShift = this.valueShift;
    let empty = slots;
    for (let round = 0; round < 2 * slots && empty > 0; round++) {
      const a = this.multipliers[round]!;
      const b = this.offsets[round]!;
      const rank = round << valueShift;
      const forcedSlot = round - slots;
      for (let g = 0; g < hashes.length; g++) {
        // h(x) = fmix32(a·x + b mod 2^32): each round's hash permutes the 32-bit values.
        let z = (imul(hashes[g]!, a) + b) | 0;
        z = imul(z ^ (z >>> 16), 0x85ebca6b);
        z = imul(z ^ (z >>> 13), 0xc2b2ae35);
        z ^= z >>> 16;
        const slot = forcedSlot >= 0 ? forcedSlot : (((z >>> 16) * slots) >>> 16);
        // The value's bits are mixed again, so they say nothing about the slot the hash chose.
        let v = imul(z ^ (z >>> 15), 0x2c1b3c6d);
        v = imul(v ^ (v >>> 12), 0x297a2d39);
        const value = (rank | ((v ^ (v >>> 15)) >>> (32 - valueShift))) >>> 0;
        if (filled[slot] === 0) {
          filled[slot] = 1;
          signature[slot] = value;
          empty--;
        } else if (value < signature[slot]!) signature[slot] = value;
      }
    }
    return signature;
  }

  /** Indexes (or re-indexes) an idea's gram hashes; returns the slot it now holds. */
  add(id: string, hashes: Uint32Array): number {
    this.remove(id);
    const slot = this.reserve(hashes);
    this.claim(slot, id);
    return slot;
  }

  /**
   * Enters gram hashes in the buckets under a slot no id names yet: look-ups pass the slot by (it has
   * no id) until `claim` names it, or `release` frees it. Reserved right after a query of the same
   * hashes, the buckets it enters are the ones the query just read, still in the processor's cache,
   * where an `add` later finds them back in memory: a quarter of a check's time went to that.
   */
  reserve(hashes: Uint32Array): number {
    const signature = this.signatureOf(hashes);
    const slot = this.takeSlot();
    if (signature === null) return slot;
    this.signed[slot] = 1;
    const keys = slot * this.bands;
    for (let band = 0; band < this.bands; band++) {
      const key = bandKey(signature, band, this.rows);
      this.bandKeys[keys + band] = key;
      this.buckets.add(key, slot);
    }
    return slot;
  }

  /** Names a reserved slot: from now on look-ups find the idea there. */
  claim(slot: number, id: string): void {
    if (this.idAt[slot] !== undefined || this.slotOf.has(id)) throw new Error(`slot ${slot} or idea ${id} is already taken`);
    this.slotOf.set(id, slot);
    this.idAt[slot] = id;
  }

  remove(id: string): boolean {
    const slot = this.slotOf.get(id);
    if (slot === undefined) return false;
    this.release(slot);
    return true;
  }

  /** Takes a slot's entries out of the buckets and frees it: a reserved slot never claimed, or an idea's. */
  release(slot: number): void {
    const id = this.idAt[slot];
    if (id !== undefined) this.slotOf.delete(id);
    this.idAt[slot] = undefined;
    if (this.signed[slot]) {
      const keys = slot * this.bands;
      for (let band = 0; band < this.bands; band++) this.buckets.delete(this.bandKeys[keys + band]!, slot);
      this.signed[slot] = 0;
    }
    this.freeSlots.push(slot);
  }

  /** Ids sharing at least `minSharedBands` bands with the gram hashes, in a deterministic order; to be verified exactly. */
  candidates(hashes: Uint32Array): string[] {
    return this.candidateSlots(hashes).flatMap((slot) => this.idAt[slot] ?? []);
  }

  /** The slots of `candidates`, in the same order, and reserved slots (which have no id) among them. */
  candidateSlots(hashes: Uint32Array): number[] {
    const signature = this.signatureOf(hashes);
    if (signature === null) return [];
    const query = this.nextQuery();
    const need = this.minSharedBands;
    const found: number[] = [];
    const buckets = this.buckets;
    const keys = this.queryKeys;
    for (let band = 0; band < this.bands; band++) keys[band] = bandKey(signature, band, this.rows);
    const firsts = buckets.firstOfEach(keys, this.queryFirsts);
    for (let band = 0; band < this.bands; band++) {
      const key = keys[band]!;
      for (let entry = firsts[band]!; entry >= 0; entry = buckets.following(entry, key)) {
        const slot = buckets.slotAt(entry);
        if (this.seenBy[slot] !== query) {
          this.seenBy[slot] = query;
          this.sharedBands[slot] = 0;
        }
        if (++this.sharedBands[slot]! === need) found.push(slot);
      }
    }
    return found;
  }

  /** The MinHash estimate of the Jaccard similarity of two gram sets given as their hashes: the share of equal signature values. */
  estimate(a: Uint32Array, b: Uint32Array): number | null {
    const first = this.signatureOf(a);
    const second = this.signatureOf(b);
    if (!first || !second) return null;
    let same = 0;
    for (let i = 0; i < first.length; i++) if (first[i] === second[i]) same++;
    return same / first.length;
  }

  private takeSlot(): number {
    const free = this.freeSlots.pop();
    if (free !== undefined) return free;
    const slot = this.idAt.length;
    if (slot >= this.capacity) this.grow(Math.max(64, this.capacity * 2));
    this.idAt.push(undefined);
    return slot;
  }

  private grow(capacity: number): void {
    this.bandKeys = resized(this.bandKeys, capacity * this.bands);
    this.signed = resized(this.signed, capacity);
    this.seenBy = resized(this.seenBy, capacity);
    this.sharedBands = resized(this.sharedBands, capacity);
    this.capacity = capacity;
  }

  private nextQuery(): number {
    if (this.queries === 0xffffffff) {
      this.seenBy.fill(0);
      this.queries = 0;
    }
    return ++this.queries;
  }
}

/** The signatures of the last few gram sets signed, found again by content; neither array may be modified after. */
class RecentSignatures {
  private static readonly SIZE = 64;
  private readonly entries: Array<{ digest: number; hashes: Uint32Array; signature: Uint32Array } | undefined> = [];
  private next = 0;

  /** The signature of `hashes` from memory, or made by `sign` and remembered. */
  signatureOf(hashes: Uint32Array, sign: () => Uint32Array): Uint32Array {
    const digest = digestOf(hashes);
    for (const entry of this.entries) {
      if (entry && entry.digest === digest && sameValues(entry.hashes, hashes)) return entry.signature;
    }
    const signature = sign();
    this.entries[this.next] = { digest, hashes, signature };
    this.next = (this.next + 1) % RecentSignatures.SIZE;
    return signature;
  }
}

function digestOf(hashes: Uint32Array): number {
  let digest = hashes.length;
  for (let i = 0; i < hashes.length; i++) digest = imul(digest ^ hashes[i]!, 0x01000193);
  return digest;
}

