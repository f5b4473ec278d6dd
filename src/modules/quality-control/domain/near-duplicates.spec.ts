import { classifySimilarity, ExistingIdeaGrams, findNearDuplicates } from './near-duplicates';
import { shinglesOf } from './text-normalization';

/** Twenty synthetic grams; `variant` replaces some of them with grams of its own. */
const candidate = new Set(Array.from({ length: 20 }, (_, i) => `gram${i}`));

function idea(id: string, grams: Set<string>, submittedAt: number): ExistingIdeaGrams {
  return { id, grams, submittedAt };
}

/** The candidate's grams with `drop` of them replaced: J = (20 − drop)/(20 + drop). */
function variant(drop: number, tag: string): Set<string> {
  const grams = new Set([...candidate].slice(drop));
  for (let i = 0; i < drop; i++) grams.add(`${tag}-${i}`);
  return grams;
}

describe('classifySimilarity', () => {
  it.each([
    [1, 'duplicate'],
    [0.7, 'duplicate'],
    [0.699999, 'similar'],
    [0.421875, 'similar'],
    [0.4, 'similar'],
    [0.399999, 'none'],
    [0, 'none'],
  ] as const)('%f is %s with the default bands', (similarity, band) => {
    expect(classifySimilarity(similarity)).toBe(band);
  });

  it('takes the thresholds as parameters', () => {
    expect(classifySimilarity(0.65, { duplicateThreshold: 0.6, similarThreshold: 0.3 })).toBe('duplicate');
    expect(classifySimilarity(0.35, { duplicateThreshold: 0.6, similarThreshold: 0.3 })).toBe('similar');
  });
});

describe('findNearDuplicates', () => {
  it('scores an idea whose grams are a stored list exactly as one whose grams are a set', () => {
    const sets = [idea('a', variant(2, 'a'), 1), idea('b', variant(7, 'b'), 2), idea('empty', new Set(), 3)];
    const lists = sets.map((one) => ({ ...one, grams: [...one.grams] }));
    expect(findNearDuplicates(candidate, lists)).toEqual(findNearDuplicates(candidate, sets));
    expect(findNearDuplicates(candidate, lists).duplicateOf).toEqual({ ideaId: 'a', similarity: 18 / 22 });
    expect(findNearDuplicates(new Set(), [{ id: 'none', grams: [], submittedAt: 1 }], { similarThreshold: 0 }).similar).toEqual([{ ideaId: 'none', similarity: 0 }]);
  });

  it('reports the ALGORITHMS.md §1 pair (J = 0.421875) as similar, not duplicate', () => {
    const existing = [idea('kopi', shinglesOf('Kemasan kopi bubuk dengan zipper, agar tetap segar!'), 1)];
    const report = findNearDuplicates(shinglesOf('kemasan kopi bubuk pakai zipper supaya tetap segar'), existing);
    expect(report.duplicateOf).toBeNull();
    expect(report.similar).toHaveLength(1);
    expect(report.similar[0]!.ideaId).toBe('kopi');
    expect(report.similar[0]!.similarity).toBeCloseTo(0.421875, 6);
  });

  it.each([
    [0, 1, 'duplicate'],
    [2, 18 / 22, 'duplicate'],
    [3, 17 / 23, 'duplicate'],
    [4, 16 / 24, 'similar'],
    [8, 12 / 28, 'similar'],
    [9, 11 / 29, 'none'],
  ] as const)('a variant with %i grams replaced (J = %f) is %s', (drop, similarity, band) => {
    const report = findNearDuplicates(candidate, [idea('x', variant(drop, 'v'), 1)]);
    if (band === 'duplicate') expect(report.duplicateOf).toEqual({ ideaId: 'x', similarity: expect.closeTo(similarity, 9) });
    else expect(report.duplicateOf).toBeNull();
    expect(report.similar.map((s) => s.ideaId)).toEqual(band === 'similar' ? ['x'] : []);
  });

  it('names the most similar idea as the original and still lists a second near-duplicate', () => {
    const existing = [idea('older-weaker', variant(3, 'a'), 1), idea('closest', variant(1, 'b'), 5), idea('far', variant(12, 'c'), 0)];
    const report = findNearDuplicates(candidate, existing);
    expect(report.duplicateOf?.ideaId).toBe('closest');
    expect(report.similar.map((s) => s.ideaId)).toEqual(['older-weaker']);
  });

  it('at equal similarity names the earlier idea, whatever the input order', () => {
    const grams = variant(2, 'x');
    for (const existing of [
      [idea('late', grams, 20), idea('early', grams, 10)],
      [idea('early', grams, 10), idea('late', grams, 20)],
    ]) {
      const report = findNearDuplicates(candidate, existing);
      expect(report.duplicateOf?.ideaId).toBe('early');
      expect(report.similar.map((s) => s.ideaId)).toEqual(['late']);
    }
  });

  it('lists the top 3 similar ideas, most similar first', () => {
    const existing = [4, 5, 6, 7, 8].map((drop) => idea(`d${drop}`, variant(drop, `t${drop}`), drop));
    const report = findNearDuplicates(candidate, existing);
    expect(report.duplicateOf).toBeNull();
    expect(report.similar.map((s) => s.ideaId)).toEqual(['d4', 'd5', 'd6']);
    expect(findNearDuplicates(candidate, existing, { maxSimilar: 1 }).similar).toHaveLength(1);
  });

  it('never names a later idea as the original of a revised candidate', () => {
    const existing = [idea('later', variant(1, 'l'), 50)];
    const report = findNearDuplicates(candidate, existing, { candidateSubmittedAt: 10 });
    expect(report.duplicateOf).toBeNull();
    expect(report.similar.map((s) => s.ideaId)).toEqual(['later']);
    expect(findNearDuplicates(candidate, existing, { candidateSubmittedAt: 100 }).duplicateOf?.ideaId).toBe('later');
  });

  it('uses thresholds given as options', () => {
    const existing = [idea('x', variant(4, 'v'), 1)];
    expect(findNearDuplicates(candidate, existing, { duplicateThreshold: 0.6 }).duplicateOf?.ideaId).toBe('x');
    expect(findNearDuplicates(candidate, [idea('y', variant(9, 'v'), 1)], { similarThreshold: 0.3 }).similar).toHaveLength(1);
  });

  it('reports nothing for no existing ideas or an empty candidate', () => {
    expect(findNearDuplicates(candidate, [])).toEqual({ duplicateOf: null, similar: [] });
    expect(findNearDuplicates(new Set(), [idea('x', new Set(), 1), idea('y', candidate, 2)])).toEqual({ duplicateOf: null, similar: [] });
  });

  it('only ever names existing ideas, once each, with similarities in the bands', () => {
    const existing = Array.from({ length: 15 }, (_, i) => idea(`i${i}`, variant(i, `g${i}`), i));
    const report = findNearDuplicates(candidate, existing);
    const named = [report.duplicateOf, ...report.similar].filter((m) => m !== null);
    expect(new Set(named.map((m) => m.ideaId)).size).toBe(named.length);
    for (const m of named) {
      expect(existing.map((e) => e.id)).toContain(m.ideaId);
      expect(m.similarity).toBeGreaterThanOrEqual(0.4);
      expect(m.similarity).toBeLessThanOrEqual(1);
    }
    expect(report.duplicateOf?.similarity).toBe(1);
  });
});
