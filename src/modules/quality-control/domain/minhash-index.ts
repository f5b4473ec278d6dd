/**
 * MinHash signatures with banded LSH (Broder 1997; Leskovec, Rajaraman & Ullman, Mining of Massive
 * Datasets ch. 3): proposes the ideas likely to be similar to a text without comparing it to every
 * idea. Candidates are proposals only; ALGORITHMS.md §1 re-verifies each with exact Jaccard.
 */

/** With b bands of r rows a pair of Jaccard similarity s shares a band with probability 1 − (1 − s^r)^b. */
export function lshCandidateProbability(similarity: number, bands: number, rows: number): number {
  return 1 - Math.pow(1 - Math.pow(similarity, rows), bands);
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
  /** Seeds the hash family; fixed, so signatures are reproducible across processes and restarts. */
  seed: number;
}

/**
 * 64 bands × 3 rows (192 hashes): P(0.4) = 0.985, P(0.5) = 0.9998, P(0.7) ≈ 1, while a pair at
 * 0.1 is proposed with P = 0.062. The 32 × 4 of the example (threshold 0.42) proposes only 57 % of
 * the pairs at J = 0.40 and 87 % at 0.50, too few for the similar band; see the spec's recall check.
 */
export const DEFAULT_MINHASH_OPTIONS: MinHashOptions = { bands: 64, rows: 3, seed: 0x5a7e_b0ba };

/** The Mersenne prime 2^31 − 1: the universal hash family works modulo it. */
const PRIME = 2147483647;
const TWO_POW_31 = 2147483648;
const TWO_POW_16 = 65536;
const EMPTY_SLOT = PRIME;

/** y mod (2^31 − 1) for 0 ≤ y < 2^53, using 2^31 ≡ 1: exact in doubles, no division by the prime. */
function modPrime(y: number): number {
  const high = (y / TWO_POW_31) >>> 0;
  const folded = y - high * TWO_POW_31 + high;
  return folded >= PRIME ? folded - PRIME : folded;
}

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

/** Mixes a band's row values into one 32-bit bucket key (FNV-1a over the values, murmur finaliser). */
function bandKey(signature: Uint32Array, start: number, rows: number): number {
  let hash = 0x811c9dc5;
  for (let i = start; i < start + rows; i++) hash = imul(hash ^ (signature[i] ?? 0), 0x01000193);
  hash = imul(hash ^ (hash >>> 16), 0x85ebca6b);
  hash = imul(hash ^ (hash >>> 13), 0xc2b2ae35);
  return (hash ^ (hash >>> 16)) >>> 0;
}

/** In-memory LSH index of gram sets by id; pure and deterministic, rebuilt from stored ideas on start. */
export class MinHashIndex {
  private readonly bands: number;
  private readonly rows: number;
  private readonly multipliers: Float64Array;
  private readonly offsets: Float64Array;
  private readonly buckets: Array<Map<number, Set<string>>>;
  private readonly signatures = new Map<string, Uint32Array | null>();

  constructor(options: Partial<MinHashOptions> = {}) {
    const { bands, rows, seed } = { ...DEFAULT_MINHASH_OPTIONS, ...options };
    if (!Number.isInteger(bands) || bands < 1 || !Number.isInteger(rows) || rows < 1) {
      throw new RangeError(`bands and rows must be positive integers, got ${bands} × ${rows}`);
    }
    this.bands = bands;
    this.rows = rows;
    const next = splitmix32(seed);
    this.multipliers = Float64Array.from({ length: bands * rows }, () => 1 + (next() % (PRIME - 1)));
    this.offsets = Float64Array.from({ length: bands * rows }, () => next() % PRIME);
    this.buckets = Array.from({ length: bands }, () => new Map<number, Set<string>>());
  }

  get size(): number {
    return this.signatures.size;
  }

  get hashCount(): number {
    return this.bands * this.rows;
  }

  has(id: string): boolean {
    return this.signatures.has(id);
  }

  /**
   * The MinHash signature: for each h(x) = (a·x + b) mod (2^31 − 1) over the grams' FNV-1a hashes,
   * the minimum. Null for an empty set, which has no content to match.
   */
  signatureOf(grams: Iterable<string>): Uint32Array | null {
    const { high, low } = splitGramHashes(grams);
    if (high.length === 0) return null;
    const signature = new Uint32Array(this.hashCount);
    for (let h = 0; h < signature.length; h++) {
      const a = this.multipliers[h] ?? 1;
      const b = this.offsets[h] ?? 0;
      let min = EMPTY_SLOT;
      for (let g = 0; g < high.length; g++) {
        // a·x = a·(high·2^16 + low); each product stays below 2^53, so doubles are exact.
        const value = modPrime(modPrime(a * (high[g] ?? 0)) * TWO_POW_16 + a * (low[g] ?? 0) + b);
        if (value < min) min = value;
      }
      signature[h] = min;
    }
    return signature;
  }

  /** Indexes (or re-indexes) an idea's grams. */
  add(id: string, grams: Iterable<string>): void {
    this.remove(id);
    const signature = this.signatureOf(grams);
    this.signatures.set(id, signature);
    if (signature === null) return;
    this.forEachBucketKey(signature, (band, key) => {
      const bucket = band.get(key);
      if (bucket) bucket.add(id);
      else band.set(key, new Set([id]));
    });
  }

  remove(id: string): boolean {
    const signature = this.signatures.get(id);
    if (signature === undefined) return false;
    this.signatures.delete(id);
    if (signature === null) return true;
    this.forEachBucketKey(signature, (band, key) => {
      const bucket = band.get(key);
      bucket?.delete(id);
      if (bucket?.size === 0) band.delete(key);
    });
    return true;
  }

  /**
   * Ids sharing at least one band with the grams, in a deterministic order; to be verified exactly.
   * With `minEstimate`, only those whose signatures agree on at least that share of hashes (the
   * MinHash estimate of their Jaccard similarity).
   */
  candidates(grams: Iterable<string>, minEstimate = 0): string[] {
    const signature = this.signatureOf(grams);
    if (signature === null) return [];
    const found = new Set<string>();
    this.forEachBucketKey(signature, (band, key) => {
      const bucket = band.get(key);
      if (bucket) for (const id of bucket) found.add(id);
    });
    if (minEstimate <= 0) return [...found];
    const needed = Math.ceil(minEstimate * signature.length - 1e-9);
    return [...found].filter((id) => agreeing(signature, this.signatures.get(id)!, needed));
  }

  /** The MinHash estimate of the Jaccard similarity of the grams and an indexed idea, or null when not indexed. */
  estimate(grams: Iterable<string>, id: string): number | null {
    const indexed = this.signatures.get(id);
    const signature = this.signatureOf(grams);
    if (!indexed || !signature) return null;
    let same = 0;
    for (let i = 0; i < signature.length; i++) if (signature[i] === indexed[i]) same++;
    return same / signature.length;
  }

  private forEachBucketKey(signature: Uint32Array, visit: (band: Map<number, Set<string>>, key: number) => void): void {
    this.buckets.forEach((band, index) => visit(band, bandKey(signature, index * this.rows, this.rows)));
  }
}

/** Whether two signatures agree on at least `needed` positions; stops once that can no longer happen. */
function agreeing(a: Uint32Array, b: Uint32Array, needed: number): boolean {
  let same = 0;
  for (let i = 0; i < a.length; i++) {
    if (a[i] === b[i]) same++;
    else if (same + (a.length - i - 1) < needed) return false;
  }
  return same >= needed;
}

/** Each gram's FNV-1a hash reduced below the prime and split into 15 high and 16 low bits. */
function splitGramHashes(grams: Iterable<string>): { high: Float64Array; low: Float64Array } {
  const hashes: number[] = [];
  for (const gram of grams) hashes.push(modPrime(fnv1a32(gram)));
  const high = new Float64Array(hashes.length);
  const low = new Float64Array(hashes.length);
  hashes.forEach((x, i) => {
    high[i] = x >>> 16;
    low[i] = x & 0xffff;
  });
  return { high, low };
}
