import { createHash } from 'node:crypto';
import { characterNGrams, contentHash, jaccard, normalizeText, shinglesOf, wordSet } from './text-normalization';

const A = 'Kemasan kopi bubuk dengan zipper, agar tetap segar!';
const B = 'kemasan kopi bubuk pakai zipper supaya tetap segar';

describe('normalizeText', () => {
  it.each([
    [A, 'kemasan kopi bubuk dengan zipper agar tetap segar'],
    ['  Keripik   PEDAS\n\tlevel-5!!  ', 'keripik pedas level 5'],
    ['ＫＯＰＩ　Ｓｕｓｕ', 'kopi susu'],
    ['ﬁlter kopi', 'filter kopi'],
    ['Rp50.000,- saja', 'rp50 000 saja'],
    ['Kue ✨ lebaran 🎉', 'kue lebaran'],
    ['!!!', ''],
    ['', ''],
  ])('%j → %j', (input, expected) => {
    expect(normalizeText(input)).toBe(expected);
  });

  it('is idempotent', () => {
    for (const text of [A, B, 'ＡＢＣ – déjà vu', ' x  y ']) expect(normalizeText(normalizeText(text))).toBe(normalizeText(text));
  });
});

describe('contentHash', () => {
  it('is the SHA-256 hex of the normalised title and description', () => {
    const expected = createHash('sha256').update('kopi susu gula aren dijual dalam botol 250 ml').digest('hex');
    expect(contentHash('Kopi Susu', 'Gula aren, dijual dalam botol 250 ml.')).toBe(expected);
  });

  it('ignores case, punctuation and spacing but not words', () => {
    expect(contentHash('KOPI susu!', '  gula   aren ')).toBe(contentHash('kopi susu', 'gula aren'));
    expect(contentHash('kopi susu', 'gula aren')).not.toBe(contentHash('kopi susu', 'gula pasir'));
    expect(contentHash('x', 'y')).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('similarity of the ALGORITHMS.md §1 pair', () => {
  const a = normalizeText(A);
  const b = normalizeText(B);

  it('word unigrams 6/10', () => {
    expect(jaccard(wordSet(a), wordSet(b))).toBeCloseTo(0.6, 6);
  });

  it.each([
    [3, 33, 60, 0.55],
    [4, 30, 63, 0.47619],
    [5, 27, 64, 0.421875],
  ])('char %i-grams %i/%i = %f', (n, shared, union, expected) => {
    const ga = characterNGrams(a, n);
    const gb = characterNGrams(b, n);
    const intersection = [...ga].filter((g) => gb.has(g)).length;
    expect(intersection).toBe(shared);
    expect(ga.size + gb.size - intersection).toBe(union);
    expect(jaccard(ga, gb)).toBeCloseTo(expected, 6);
  });

  it('shinglesOf normalises and uses 5-grams', () => {
    expect(shinglesOf(A)).toEqual(characterNGrams(a, 5));
  });
});

describe('characterNGrams', () => {
  it('keeps spaces inside grams', () => {
    expect([...characterNGrams('ab cd', 3)]).toEqual(['ab ', 'b c', ' cd']);
  });

  it.each([
    ['kopi', 5, ['kopi']],
    ['kopis', 5, ['kopis']],
    ['a', 3, ['a']],
    ['', 5, []],
    // Three code points in six code units: still shorter than a gram.
    ['𝒳𝒳𝒳', 5, ['𝒳𝒳𝒳']],
  ])('%j with n=%i → %j (a short text is one gram)', (text, n, expected) => {
    expect([...characterNGrams(text, n)]).toEqual(expected);
  });

  it('counts code points, never splitting a surrogate pair', () => {
    const grams = [...characterNGrams('a𝒳b', 2)];
    expect(grams).toEqual(['a𝒳', '𝒳b']);
  });

  it('has length − n + 1 grams at most, each of n code points', () => {
    const text = normalizeText(A);
    const grams = characterNGrams(text, 5);
    expect(grams.size).toBeLessThanOrEqual(text.length - 4);
    for (const gram of grams) expect([...gram]).toHaveLength(5);
  });

  it.each([0, -1, 2.5])('refuses n = %p', (n) => {
    expect(() => characterNGrams('kopi', n)).toThrow(RangeError);
  });
});

describe('jaccard', () => {
  it.each([
    [[], [], 0],
    [['a'], [], 0],
    [['a', 'b'], ['a', 'b'], 1],
    [['a', 'b'], ['c'], 0],
    [['a', 'b', 'c'], ['b', 'c', 'd'], 0.5],
  ])('%j vs %j → %f', (a, b, expected) => {
    expect(jaccard(new Set(a), new Set(b))).toBeCloseTo(expected, 12);
  });

  it('is symmetric and lies in [0, 1]', () => {
    const texts = [A, B, 'kopi', 'keripik singkong pedas manis', 'kemasan keripik dengan zipper'];
    for (const x of texts) {
      for (const y of texts) {
        const j = jaccard(shinglesOf(x), shinglesOf(y));
        expect(j).toBe(jaccard(shinglesOf(y), shinglesOf(x)));
        expect(j).toBeGreaterThanOrEqual(0);
        expect(j).toBeLessThanOrEqual(1);
      }
    }
  });
});
