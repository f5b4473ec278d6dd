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
  const needed = Math.ceil((threshold * (a.length + b.length)) / (1 + threshold) - 1e-9);
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
