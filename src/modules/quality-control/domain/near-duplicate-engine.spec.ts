import { hashGrams } from './gram-hashes';
import { NearDuplicateEngine } from './near-duplicate-engine';
import { shinglesOf } from './text-normalization';

const ORIGINAL = 'Kemasan kopi bubuk dengan zipper, agar tetap segar!';
const NEAR_COPY = 'Kemasan kopi bubuk dengan zipper, agar tetap segar dan wangi!';
const SIMILAR = 'kemasan kopi bubuk pakai zipper supaya tetap segar';
const UNRELATED = 'Paket hampers kantor lebaran berisi keripik singkong dan teh melati';

const hashes = (text: string) => hashGrams(shinglesOf(text));
const change = (ideaId: string, text: string, version: number, active = true) => ({ ideaId, version, active, hashes: hashes(text) });
const query = (text: string, ignoreId: string | null = null) => ({ hashes: hashes(text), similarThreshold: 0.4, ignoreId });

/** Filler ideas far apart from each other and from the kopi texts, to push a campaign past the full-scan size. */
function filler(count: number, from: number): Array<ReturnType<typeof change>> {
  return Array.from({ length: count }, (_, i) => change(`f${i}`, `usulan nomor ${i} ${(i * 7919).toString(36)} ${(i * 104_729).toString(36)} tanpa kemiripan`, from + i));
}

describe('NearDuplicateEngine', () => {
  it('proposes the ideas in the similar band, strongest first, and not the unrelated ones', () => {
    const engine = new NearDuplicateEngine();
    expect(engine.apply('c1', [change('a', ORIGINAL, 1), change('b', SIMILAR, 2), change('u', UNRELATED, 3)])).toBe(3);
    expect(engine.propose('c1', query(ORIGINAL))).toEqual(['a', 'b']);
    expect(engine.propose('c1', query(NEAR_COPY))).toEqual(['a']);
    expect(engine.propose('c1', query(UNRELATED))).toEqual(['u']);
  });

  it('keeps campaigns apart, and knows nothing of a campaign it was never sent', () => {
    const engine = new NearDuplicateEngine();
    engine.apply('c1', [change('a', ORIGINAL, 1)]);
    expect(engine.propose('c2', query(NEAR_COPY))).toEqual([]);
  });

  it('never proposes the idea being revised', () => {
    const engine = new NearDuplicateEngine();
    engine.apply('c1', [change('a', ORIGINAL, 1), change('b', NEAR_COPY, 2)]);
    expect(engine.propose('c1', query(NEAR_COPY, 'b'))).toEqual(['a']);
  });

  it('follows revisions and deactivations, ignoring a change older than the one held', () => {
    const engine = new NearDuplicateEngine();
    engine.apply('c1', [change('a', ORIGINAL, 1), change('b', UNRELATED, 2)]);
    expect(engine.apply('c1', [change('b', NEAR_COPY, 4), change('b', UNRELATED, 3)])).toBe(2);
    expect(engine.propose('c1', query(ORIGINAL))).toEqual(['a', 'b']);
    expect(engine.apply('c1', [change('a', ORIGINAL, 5, false)])).toBe(1);
    expect(engine.propose('c1', query(ORIGINAL))).toEqual(['b']);
  });

  it('finds the near-copy through LSH once the campaign is past the full-scan size', () => {
    const engine = new NearDuplicateEngine();
    expect(engine.apply('c1', [...filler(2500, 1), change('a', ORIGINAL, 2501)])).toBe(2501);
    expect(engine.propose('c1', query(NEAR_COPY))).toEqual(['a']);
  });

  it('forgets a dropped campaign', () => {
    const engine = new NearDuplicateEngine();
    engine.apply('c1', [change('a', ORIGINAL, 1)]);
    engine.drop('c1');
    expect(engine.propose('c1', query(NEAR_COPY))).toEqual([]);
  });
});
