import { HashArena, HashedJaccardQuery, hashedJaccardAtLeast, hashGrams, packHashes, unpackHashes } from './gram-hashes';

/** The full similarity: nothing is below a threshold of 0. */
const hashedJaccard = (a: Uint32Array, b: Uint32Array): number => hashedJaccardAtLeast(a, b, 0)!;
import { jaccard, shinglesOf } from './text-normalization';

const KOPI_A = 'Kemasan kopi bubuk dengan zipper, agar tetap segar!';
const KOPI_B = 'kemasan kopi bubuk pakai zipper supaya tetap segar';

describe('hashGrams', () => {
  it('keeps one sorted hash per distinct gram', () => {
    const hashes = hashGrams(['abcde', 'bcdef', 'abcde', 'zzzzz']);
    expect(hashes).toHaveLength(3);
    expect([...hashes]).toEqual([...hashes].sort((x, y) => x - y));
  });

  it('gives an empty array for no grams', () => {
    expect(hashGrams([])).toHaveLength(0);
  });
});

describe('packHashes and unpackHashes', () => {
  it('store each hash as 4 little-endian bytes in base64, whatever the platform', () => {
    expect(packHashes(Uint32Array.of(1, 0x01020304))).toBe(Buffer.from([1, 0, 0, 0, 4, 3, 2, 1]).toString('base64'));
  });

  it('give back the hashes of an idea exactly, in their own memory', () => {
    const hashes = hashGrams(shinglesOf(KOPI_A));
    const stored = packHashes(hashes);
    const read = unpackHashes(stored);
    expect(read).toEqual(hashes);
    expect(read.buffer).not.toBe(hashes.buffer);
    // A view into a larger array packs only its own part.
    expect(unpackHashes(packHashes(hashes.subarray(1, 3)))).toEqual(hashes.slice(1, 3));
  });

  it('store no grams as an empty text', () => {
    expect(packHashes(new Uint32Array(0))).toBe('');
    expect(unpackHashes('')).toHaveLength(0);
  });

  it('refuse a stored text that is not a whole number of hashes', () => {
    expect(() => unpackHashes(Buffer.from([1, 2, 3]).toString('base64'))).toThrow(RangeError);
  });
});

describe('hashedJaccardAtLeast at threshold 0', () => {
  it('reproduces the 5-gram test vector of ALGORITHMS.md §1 (27/64)', () => {
    expect(hashedJaccard(hashGrams(shinglesOf(KOPI_A)), hashGrams(shinglesOf(KOPI_B)))).toBeCloseTo(27 / 64, 12);
  });

  it.each([
    ['identical texts', KOPI_A, KOPI_A],
    ['the kopi bubuk pair', KOPI_A, KOPI_B],
    ['unrelated texts', KOPI_A, 'Sabun herbal dengan aroma sereh untuk oleh-oleh wisatawan'],
    ['one empty text', KOPI_A, ''],
    ['two empty texts', '', ''],
  ])('equals the exact Jaccard of the gram sets for %s', (_name, x, y) => {
    const [a, b] = [shinglesOf(x), shinglesOf(y)];
    expect(hashedJaccard(hashGrams(a), hashGrams(b))).toBeCloseTo(jaccard(a, b), 12);
  });

  it('is symmetric and lies in [0, 1]', () => {
    const texts = [KOPI_A, KOPI_B, 'Bundel keripik singkong dan sambal bawang untuk hampers kantor', 'kopi'];
    for (const x of texts) {
      for (const y of texts) {
        const [a, b] = [hashGrams(shinglesOf(x)), hashGrams(shinglesOf(y))];
        const similarity = hashedJaccard(a, b);
        expect(similarity).toBe(hashedJaccard(b, a));
        expect(similarity).toBeGreaterThanOrEqual(0);
        expect(similarity).toBeLessThanOrEqual(1);
      }
    }
  });
});

describe('hashedJaccardAtLeast', () => {
  const texts = [
    KOPI_A,
    KOPI_B,
    'Kemasan kopi bubuk dengan zipper, agar tetap segar dan wangi!',
    'Bundel keripik singkong dan sambal bawang untuk hampers kantor',
    'Kemasan kopi bubuk dengan zipper agar tetap segar, dijual lewat WhatsApp setiap pagi kepada pelanggan setia di kantor desa',
    'kopi',
    '',
  ];
  const pairs = texts.flatMap((x) => texts.map((y) => [x, y] as const));

  it.each([0.2, 0.4, 0.421875, 0.5, 0.7, 1])('returns the similarity exactly when it reaches %p, for every pair', (threshold) => {
    for (const [x, y] of pairs) {
      const [a, b] = [hashGrams(shinglesOf(x)), hashGrams(shinglesOf(y))];
      const exact = hashedJaccard(a, b);
      expect(hashedJaccardAtLeast(a, b, threshold)).toBe(exact >= threshold ? exact : null);
    }
  });
});

describe('HashedJaccardQuery', () => {
  const texts = [
    KOPI_A,
    KOPI_B,
    'Kemasan kopi bubuk dengan zipper, agar tetap segar dan wangi!',
    'Kemasan kopi bubuk dengan zipper agar tetap segar, dijual lewat WhatsApp setiap pagi kepada pelanggan setia di kantor desa',
    'kopi',
    '',
  ];

  it.each([0, 0.2, 0.36, 0.5, 0.7, 1])('answers exactly as hashedJaccardAtLeast at %p, for every pair', (threshold) => {
    for (const x of texts) {
      const query = new HashedJaccardQuery(hashGrams(shinglesOf(x)));
      for (const y of texts) {
        const [a, b] = [hashGrams(shinglesOf(x)), hashGrams(shinglesOf(y))];
        expect(query.similarityAtLeast(b, threshold)).toBe(hashedJaccardAtLeast(a, b, threshold));
      }
    }
  });

  it('never takes a collision in its table for a shared gram', () => {
    // Same low 16 bits, different hashes: the table cannot tell them apart, the merge must.
    const query = new HashedJaccardQuery(Uint32Array.from([0x0001_0001, 0x0001_0002]));
    expect(query.similarityAtLeast(Uint32Array.from([0x0002_0001, 0x0002_0002]), 0.1)).toBeNull();
    expect(query.similarityAtLeast(Uint32Array.from([0x0001_0001, 0x0002_0002]), 0.3)).toBeCloseTo(1 / 3);
  });

  it('drops a candidate that shares too little, however long', () => {
    const shared = Array.from({ length: 50 }, (_, i) => i * 7919 + 1);
    const query = new HashedJaccardQuery(Uint32Array.from([...shared, ...Array.from({ length: 150 }, (_, i) => 1_000_000 + i * 104_729)]));
    const candidate = Uint32Array.from([...shared, ...Array.from({ length: 150 }, (_, i) => 90_000_000 + i * 65_537 * 3)]).sort();
    // 50 shared of 350 in all: J = 1/7.
    expect(query.similarityAtLeast(candidate, 0.36)).toBeNull();
    expect(query.similarityAtLeast(candidate, 0.14)).toBeCloseTo(1 / 7);
  });
});

describe('HashArena', () => {
  const held = (arena: HashArena, slot: number) => [...arena.values.subarray(arena.start(slot), arena.end(slot))];
  const heldLowBits = (arena: HashArena, slot: number) => [...arena.lowValues.subarray(arena.start(slot), arena.end(slot))];

  it('keeps each slot\'s hashes through rewrites, removals and the compactions they cause', () => {
    const arena = new HashArena();
    const expected = new Map<number, number[]>();
    let seed = 1;
    const next = () => (seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0);
    for (let step = 0; step < 5000; step++) {
      const slot = next() % 300;
      if (next() % 4 === 0) {
        arena.clear(slot);
        expected.delete(slot);
      } else {
        const hashes = Uint32Array.from({ length: next() % 250 }, next).sort();
        arena.put(slot, hashes);
        expected.set(slot, [...hashes]);
      }
    }
    for (let slot = 0; slot < 300; slot++) {
      expect(held(arena, slot)).toEqual(expected.get(slot) ?? []);
      expect(heldLowBits(arena, slot)).toEqual((expected.get(slot) ?? []).map((hash) => hash & 0xffff));
    }
  });

  it('compares a query with a slot in place exactly as with the idea\'s own array', () => {
    const arena = new HashArena();
    const a = hashGrams(shinglesOf(KOPI_A));
    const b = hashGrams(shinglesOf(KOPI_B));
    arena.put(0, b);
    arena.put(1, a);
    const query = new HashedJaccardQuery(a);
    for (const threshold of [0, 0.2, 0.4, 0.6, 1]) {
      expect(query.similarityInArenaAtLeast(arena, 0, threshold)).toBe(hashedJaccardAtLeast(a, b, threshold));
      expect(query.similarityInArenaAtLeast(arena, 1, threshold)).toBe(1);
    }
  });

  it('looks at a slot through its low bits but never counts them as shared grams', () => {
    const arena = new HashArena();
    arena.put(0, Uint32Array.from([0x0002_0001, 0x0002_0002]));
    arena.put(1, Uint32Array.from([0x0001_0001, 0x0002_0002]));
    const query = new HashedJaccardQuery(Uint32Array.from([0x0001_0001, 0x0001_0002]));
    expect(query.similarityInArenaAtLeast(arena, 0, 0.1)).toBeNull();
    expect(query.similarityInArenaAtLeast(arena, 1, 0.3)).toBeCloseTo(1 / 3);
  });
});
