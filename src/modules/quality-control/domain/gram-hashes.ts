import { fnv1a32 } from './minhash-index';
import { Grams, isGramList } from './text-normalization';
import { resized } from './typed-arrays';

/**
 * A gram set as the sorted, distinct FNV-1a hashes of its grams: about 1 KB per idea instead of a Set
 * of strings (about 12 KB), so a campaign's whole index fits in memory, and the Jaccard similarity of
 * two ideas is one linear merge. Two different grams share a 32-bit hash with probability ~2⁻³²; a
 * collision moves a similarity by about 1/|A∪B|, which is why finalists are re-verified on the grams.
 */
export function hashGrams(grams: Grams): Uint32Array {
  // Filled by a plain loop: Uint32Array.from with a mapping function over an iterable takes V8's slow generic path.
  const hashes = new Uint32Array(isGramList(grams) ? grams.length : grams.size);
  let at = 0;
  for (const gram of grams) hashes[at++] = fnv1a32(gram);
  hashes.sort();
  let distinct = 0;
  for (let i = 0; i < hashes.length; i++) {
    if (i === 0 || hashes[i] !== hashes[distinct - 1]) hashes[distinct++] = hashes[i]!;
  }
  return hashes.slice(0, distinct);
}

/** Whether this platform lays a Uint32Array out little-endian, the byte order hashes are stored in. */
const LITTLE_ENDIAN = new Uint8Array(Uint32Array.of(1).buffer)[0] === 1;

/**
 * The stored form of a gram set's hashes: 4 bytes each, little-endian, as base64 text (a text column
 * reads the same on SQLite and PostgreSQL). Reading it back is one decode where the grams themselves
 * need a JSON parse and a hash of every gram.
 */
export function packHashes(hashes: Uint32Array): string {
  const bytes = Buffer.from(hashes.buffer, hashes.byteOffset, hashes.byteLength);
  return (LITTLE_ENDIAN ? bytes : Buffer.from(bytes).swap32()).toString('base64');
}

/** The hashes `packHashes` stored; a text that is not a whole number of them is refused. */
export function unpackHashes(packed: string): Uint32Array {
  const length = Buffer.byteLength(packed, 'base64');
  if (length % 4 !== 0) throw new RangeError(`stored gram hashes are ${length} bytes, not a multiple of 4`);
  const hashes = new Uint32Array(length / 4);
  const bytes = Buffer.from(hashes.buffer);
  bytes.write(packed, 'base64');
  if (!LITTLE_ENDIAN) bytes.swap32();
  return hashes;
}

/**
 * How far a hashed similarity may fall below the exact one: a collision moves it by about 1/|A∪B|,
 * so a filter on hashes that keeps this margin never drops a true match.
 */
export const HASH_COLLISION_MARGIN = 0.02;

/**
 * |A∩B| / |A∪B| of two sorted distinct hash arrays when it reaches `threshold`, else null (two empty
 * arrays score 0, as two empty gram sets do). J ≥ t needs |A| ≥ t·|B| (and the reverse) and
 * |A∩B| ≥ t·(|A| + |B|)/(1 + t), so the merge stops as soon as the intersection can no longer get
 * there: most LSH candidates are far below the similar band, and checking them is where the time goes.
 */
export function hashedJaccardAtLeast(a: Uint32Array, b: Uint32Array, threshold: number): number | null {
  return jaccardOfRangesAtLeast(a, 0, a.length, b, 0, b.length, threshold);
}

/** `hashedJaccardAtLeast` of a[aStart, aEnd) and b[bStart, bEnd): ideas stored side by side are compared in place. */
function jaccardOfRangesAtLeast(a: Uint32Array, aStart: number, aEnd: number, b: Uint32Array, bStart: number, bEnd: number, threshold: number): number | null {
  const sizeA = aEnd - aStart;
  const sizeB = bEnd - bStart;
  const small = Math.min(sizeA, sizeB);
  const large = Math.max(sizeA, sizeB);
  if (large === 0) return threshold <= 0 ? 0 : null;
  if (small < threshold * large) return null;
  const needed = sharedNeeded(sizeA, sizeB, threshold);
  let i = aStart;
  let j = bStart;
  let shared = 0;
  while (i < aEnd && j < bEnd) {
    if (shared + Math.min(aEnd - i, bEnd - j) < needed) return null;
    const x = a[i]!;
    const y = b[j]!;
    if (x === y) {
      shared++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  const similarity = shared / (sizeA + sizeB - shared);
  return similarity >= threshold ? similarity : null;
}

/** The least |A∩B| for which |A∩B| / (|A| + |B| − |A∩B|) reaches `threshold`. */
function sharedNeeded(sizeA: number, sizeB: number, threshold: number): number {
  return Math.ceil((threshold * (sizeA + sizeB)) / (1 + threshold) - 1e-9);
}

/** 2^16 bits (8 KB, in the CPU's first cache): a 200-gram query marks about 0.3 % of them. */
const TABLE_BITS = 16;
const TABLE_MASK = (1 << TABLE_BITS) - 1;
/** Candidate hashes looked up between two checks of whether the bound can still be reached. */
const LOOKUPS_PER_CHECK = 16;

/**
 * One query's hashes checked against many candidates. The query marks a bit per hash in a small table;
 * counting a candidate's hashes that land on marked bits bounds |A∩B| from above (a shared hash always
 * lands on its bit, an unshared one only when its low bits collide). One pass of table look-ups, which
 * stops once the bound can no longer reach the threshold, drops nearly every candidate far below the
 * band for less than the merge costs; the few left are merged exactly, so results equal
 * `hashedJaccardAtLeast`. A `HashArena` keeps the low 16 bits the look-ups need beside the hashes:
 * the pass then reads half the memory, and under load, with the processor's caches taken by other
 * threads between two checks, reading a hundred candidates from memory is most of what it costs.
 */
export class HashedJaccardQuery {
  private readonly table = new Int32Array(1 << (TABLE_BITS - 5));

  constructor(private readonly hashes: Uint32Array) {
    for (let i = 0; i < hashes.length; i++) {
      const bit = hashes[i]! & TABLE_MASK;
      this.table[bit >>> 5]! |= 1 << (bit & 31);
    }
  }

  /** Exactly `hashedJaccardAtLeast(query, candidate, threshold)`. */
  similarityAtLeast(candidate: Uint32Array, threshold: number): number | null {
    return this.compare(candidate, candidate, 0, candidate.length, threshold);
  }

  /** The same for the candidate a `HashArena` holds in `slot`, looked at first through its low bits. */
  similarityInArenaAtLeast(arena: HashArena, slot: number, threshold: number): number | null {
    return this.compare(arena.lowValues, arena.values, arena.start(slot), arena.end(slot), threshold);
  }

  /** The table pass over `lookedUp[start, end)` (the hashes, or their low bits), then the exact merge over `hashes[start, end)`. */
  private compare(lookedUp: Uint32Array | Uint16Array, hashes: Uint32Array, start: number, end: number, threshold: number): number | null {
    const needed = sharedNeeded(this.hashes.length, end - start, threshold);
    if (needed > 0 && !this.mayShare(lookedUp, start, end, needed)) return null;
    return jaccardOfRangesAtLeast(this.hashes, 0, this.hashes.length, hashes, start, end, threshold);
  }

  /** Whether at least `needed` of the candidate's hashes (or their low 16 bits) land on marked bits. */
  private mayShare(data: Uint32Array | Uint16Array, start: number, end: number, needed: number): boolean {
    const table = this.table;
    let hits = 0;
    let i = start;
    while (i < end) {
      const stop = i + LOOKUPS_PER_CHECK < end ? i + LOOKUPS_PER_CHECK : end;
      for (; i < stop; i++) {
        const bit = data[i]! & TABLE_MASK;
        hits += (table[bit >>> 5]! >>> (bit & 31)) & 1;
      }
      if (hits >= needed) return true;
      if (hits + (end - i) < needed) return false;
    }
    return false;
  }
}

/**
 * The hashes of many ideas side by side in one array, each under a slot number: checking hundreds of
 * candidates reads one array in place instead of following a map and an object to each idea's own
 * array. Beside it, at the same places, the low 16 bits of each hash: all a first look needs
 * (`HashedJaccardQuery`). A rewritten or removed slot leaves its old range behind; the arrays are
 * compacted once that waste outgrows what is live.
 */
export class HashArena {
  private data = new Uint32Array(1 << 12);
  private low = new Uint16Array(1 << 12);
  private used = 0;
  private live = 0;
  private starts = new Int32Array(64);
  private ends = new Int32Array(64);

  /** The whole array; a slot's hashes are `values[start(slot), end(slot))`. Valid until the next `put`. */
  get values(): Uint32Array {
    return this.data;
  }

  /** `values` cut to their low 16 bits, at the same places. Valid until the next `put`. */
  get lowValues(): Uint16Array {
    return this.low;
  }

  start(slot: number): number {
    return this.starts[slot]!;
  }

  end(slot: number): number {
    return this.ends[slot]!;
  }

  put(slot: number, hashes: Uint32Array): void {
    this.clear(slot);
    if (slot >= this.starts.length) this.growSlots(slot + 1);
    if (this.used + hashes.length > this.data.length) this.makeRoom(hashes.length);
    this.data.set(hashes, this.used);
    // A Uint16Array keeps the low 16 bits of each value set into it.
    this.low.set(hashes, this.used);
    this.starts[slot] = this.used;
    this.ends[slot] = this.used + hashes.length;
    this.used += hashes.length;
    this.live += hashes.length;
  }

  clear(slot: number): void {
    if (slot >= this.starts.length) return;
    this.live -= this.ends[slot]! - this.starts[slot]!;
    this.starts[slot] = 0;
    this.ends[slot] = 0;
  }

  /** Copies the live ranges into an array twice their size (with the new one), leaving the waste behind. */
  private makeRoom(extra: number): void {
    const size = Math.max(1 << 12, 2 * (this.live + extra));
    const data = new Uint32Array(size);
    const low = new Uint16Array(size);
    let at = 0;
    for (let slot = 0; slot < this.starts.length; slot++) {
      const start = this.starts[slot]!;
      const end = this.ends[slot]!;
      data.set(this.data.subarray(start, end), at);
      low.set(this.low.subarray(start, end), at);
      this.starts[slot] = at;
      this.ends[slot] = at + (end - start);
      at += end - start;
    }
    this.data = data;
    this.low = low;
    this.used = at;
  }

  private growSlots(needed: number): void {
    const size = Math.max(needed, this.starts.length * 2);
    this.starts = resized(this.starts, size);
    this.ends = resized(this.ends, size);
  }
}
