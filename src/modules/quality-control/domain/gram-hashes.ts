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

/** |A∩B| / |A∪B| of two sorted distinct hash arrays; 0 when both are empty, as for gram sets. */
export function hashedJaccard(a: Uint32Array, b: Uint32Array): number {
  if (a.length === 0 && b.length === 0) return 0;
  let i = 0;
  let j = 0;
  let shared = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    if (x === y) {
      shared++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return shared / (a.length + b.length - shared);
}
