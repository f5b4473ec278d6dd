import { createHash } from 'node:crypto';

/** The n-gram length ALGORITHMS.md §1 compares ideas with. */
export const SHINGLE_LENGTH = 5;

/**
 * ALGORITHMS.md §1: NFKC, lower case, every non-letter/digit/space becomes a space, spaces collapsed.
 * NFKC folds full-width and ligature forms so that visually equal texts compare equal.
 */
export function normalizeText(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s]/gu, ' ')
    .replace(/\s+/gu, ' ')
    .trim();
}

/** Exact-duplicate key, unique per campaign: SHA-256 (hex) of the normalised `title + " " + description`. */
export function contentHash(title: string, description: string): string {
  return createHash('sha256').update(normalizeText(`${title} ${description}`)).digest('hex');
}

/** Half of a code point outside the BMP: a text without one can be cut into grams by code units. */
const SURROGATE = /[\uD800-\uDFFF]/;

/**
 * Character n-grams of an already normalised text, spaces kept, counted in code points so that a
 * letter outside the BMP is never split. A text shorter than n is its own single gram (a short
 * title still has something to compare); the empty text has none.
 */
export function characterNGrams(normalized: string, n: number): Set<string> {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`n-gram length must be a positive integer, got ${n}`);
  if (normalized.length === 0) return new Set();
  const grams = new Set<string>();
  if (!SURROGATE.test(normalized)) {
    // Every character one code unit, as in nearly every text: substrings are the grams.
    if (normalized.length <= n) return new Set([normalized]);
    for (let i = 0; i + n <= normalized.length; i++) grams.add(normalized.substring(i, i + n));
    return grams;
  }
  const chars = Array.from(normalized);
  if (chars.length <= n) return new Set([normalized]);
  for (let i = 0; i + n <= chars.length; i++) grams.add(chars.slice(i, i + n).join(''));
  return grams;
}

/** Grams are a set when just made and a list when read back from storage (distinct, as written from a set). */
export type Grams = ReadonlySet<string> | readonly string[];

export function isGramList(grams: Grams): grams is readonly string[] {
  return Array.isArray(grams);
}

/** Word unigrams of an already normalised text. */
export function wordSet(normalized: string): Set<string> {
  return new Set(normalized.split(' ').filter((word) => word.length > 0));
}

/** The 5-gram set of raw text, normalised first: what near-duplicate detection compares. */
export function shinglesOf(text: string, n: number = SHINGLE_LENGTH): Set<string> {
  return characterNGrams(normalizeText(text), n);
}

/**
 * Jaccard similarity |A∩B| / |A∪B|. Two empty sets score 0, not 1: a text with no letters or digits
 * has no content that another idea could duplicate.
 */
export function jaccard<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  if (large.size === 0) return 0;
  let shared = 0;
  for (const item of small) if (large.has(item)) shared++;
  return shared / (a.size + b.size - shared);
}
