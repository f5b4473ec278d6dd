import { fnv1a32 } from './minhash-index';

/**
 * A gram set as the sorted, distinct FNV-1a hashes of its grams: about 1 KB per idea instead of a Set
 * of strings (about 12 KB), so a campaign's whole index fits in memory, and the Jaccard similarity of
 * two ideas is one linear merge. Two different grams share a 32-bit hash with probability ~2⁻³²; a
 * collision moves a similarity by about 1/|A∪B|, which is why finalists are re-verified on the grams.
 */
export function hashGrams(grams: Iterable<string>): Uint32Array {
  const hashes = Uint32Array.from(grams, (gram) => fnv1a32(gram)).sort();
  let distinct = 0;
  for (let i = 0; i < hashes.length; i++) {
    if (i === 0 || hashes[i] !== hashes[distinct - 1]) hashes[distinct++] = hashes[i]!;
  }
  return hashes.slice(0, distinct);
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
  const small = Math.min(a.length, b.length);
  const large = Math.max(a.length, b.length);
  if (large === 0) return threshold <= 0 ? 0 : null;
  if (small < threshold * large) return null;
  const needed = sharedNeeded(a.length, b.length, threshold);
  let i = 0;
  let j = 0;
  let shared = 0;
  while (i < a.length && j < b.length) {
    if (shared + Math.min(a.length - i, b.length - j) < needed) return null;
    const x = a[i]!;
    const y = b[j]!;
    if (x === y) {
      shared++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  const similarity = shared / (a.length + b.length - shared);
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
 * `hashedJaccardAtLeast`.
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
    const needed = sharedNeeded(this.hashes.length, candidate.length, threshold);
    if (needed > 0 && !this.mayShare(candidate, needed)) return null;
    return hashedJaccardAtLeast(this.hashes, candidate, threshold);
  }

  /** Whether at least `needed` of the candidate's hashes land on marked bits. */
  private mayShare(candidate: Uint32Array, needed: number): boolean {
    const table = this.table;
    const length = candidate.length;
    let hits = 0;
    let i = 0;
    while (i < length) {
      const end = i + LOOKUPS_PER_CHECK < length ? i + LOOKUPS_PER_CHECK : length;
      for (; i < end; i++) {
        const bit = candidate[i]! & TABLE_MASK;
        hits += (table[bit >>> 5]! >>> (bit & 31)) & 1;
      }
      if (hits >= needed) return true;
      if (hits + (length - i) < needed) return false;
    }
    return false;
  }
}
