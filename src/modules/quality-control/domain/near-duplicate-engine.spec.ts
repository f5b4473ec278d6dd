import { hashGrams } from './gram-hashes';
import { MinHashIndex } from './minhash-index';
import { covers, NearDuplicateEngine } from './near-duplicate-engine';
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
    expect(engine.propose('c1', query(ORIGINAL)).finalists).toEqual(['a', 'b']);
    expect(engine.propose('c1', query(NEAR_COPY)).finalists).toEqual(['a']);
    expect(engine.propose('c1', query(UNRELATED)).finalists).toEqual(['u']);
  });

  it('keeps campaigns apart, and knows nothing of a campaign it was never sent', () => {
    const engine = new NearDuplicateEngine();
    engine.apply('c1', [change('a', ORIGINAL, 1)]);
    expect(engine.propose('c2', query(NEAR_COPY)).finalists).toEqual([]);
  });

  it('never proposes the idea being revised', () => {
    const engine = new NearDuplicateEngine();
    engine.apply('c1', [change('a', ORIGINAL, 1), change('b', NEAR_COPY, 2)]);
    expect(engine.propose('c1', query(NEAR_COPY, 'b')).finalists).toEqual(['a']);
  });

  it('follows revisions and deactivations, ignoring a change older than the one held', () => {
    const engine = new NearDuplicateEngine();
    engine.apply('c1', [change('a', ORIGINAL, 1), change('b', UNRELATED, 2)]);
    expect(engine.apply('c1', [change('b', NEAR_COPY, 4), change('b', UNRELATED, 3)])).toBe(2);
    expect(engine.propose('c1', query(ORIGINAL)).finalists).toEqual(['a', 'b']);
    expect(engine.apply('c1', [change('a', ORIGINAL, 5, false)])).toBe(1);
    expect(engine.propose('c1', query(ORIGINAL)).finalists).toEqual(['b']);
  });

  it('finds the near-copy through LSH once the campaign is past the full-scan size', () => {
    const engine = new NearDuplicateEngine();
    expect(engine.apply('c1', [...filler(2500, 1), change('a', ORIGINAL, 2501)])).toBe(2501);
    expect(engine.propose('c1', query(NEAR_COPY)).finalists).toEqual(['a']);
  });

  describe('a new idea entered with its proposal (reserveAs)', () => {
    const reserving = (text: string, id: string) => ({ ...query(text), reserveAs: id });
    afterEach(() => jest.restoreAllMocks());

    it.each([
      ['a small campaign, compared in full', 0],
      ['a campaign past the full-scan size, through LSH', 2500],
    ])('in %s: is compared while its transaction is under way, then named by its fingerprint without being entered again', (_, fillers) => {
      const engine = new NearDuplicateEngine();
      engine.apply('c1', [...filler(fillers, 1), change('a', UNRELATED, fillers + 1)]);
      expect(engine.propose('c1', reserving(ORIGINAL, 'n')).finalists).toEqual([]);
      // Not written yet: later proposals compare it, and the campaign's size leaves it out.
      expect(engine.propose('c1', query(NEAR_COPY)).finalists).toEqual(['n']);
      expect(engine.apply('c1', [])).toBe(fillers + 1);
      const entered = jest.spyOn(MinHashIndex.prototype, 'add');
      expect(engine.apply('c1', [change('n', ORIGINAL, fillers + 2)])).toBe(fillers + 2);
      expect(entered).not.toHaveBeenCalled();
      expect(engine.propose('c1', query(NEAR_COPY)).finalists).toEqual(['n']);
    });

    it('is entered anew when its fingerprint holds other hashes, and nothing of the reservation stays', () => {
      const engine = new NearDuplicateEngine();
      engine.apply('c1', filler(2500, 1));
      engine.propose('c1', reserving(ORIGINAL, 'n'));
      const entered = jest.spyOn(MinHashIndex.prototype, 'add');
      engine.apply('c1', [change('n', UNRELATED, 2501)]);
      expect(entered).toHaveBeenCalledTimes(1);
      expect(engine.propose('c1', query(NEAR_COPY)).finalists).toEqual([]);
      expect(engine.propose('c1', query(UNRELATED)).finalists).toEqual(['n']);
      // Deactivated before it was ever named: the reservation goes and the idea is not indexed.
      engine.propose('c1', reserving(SIMILAR, 'm'));
      expect(engine.apply('c1', [{ ...change('m', SIMILAR, 2502), active: false }])).toBe(2501);
      expect(engine.propose('c1', query(SIMILAR)).finalists).toEqual([]);
    });

    it('leaves the index when released, and a fingerprint that comes after all is entered afresh', () => {
      const engine = new NearDuplicateEngine();
      engine.apply('c1', filler(2500, 1));
      engine.propose('c1', reserving(ORIGINAL, 'n'));
      engine.release('c1', 'n');
      engine.release('c1', 'never-reserved');
      engine.release('c9', 'n');
      expect(engine.propose('c1', query(NEAR_COPY)).finalists).toEqual([]);
      const entered = jest.spyOn(MinHashIndex.prototype, 'add');
      engine.apply('c1', [change('n', ORIGINAL, 2501)]);
      expect(entered).toHaveBeenCalledTimes(1);
      expect(engine.propose('c1', query(NEAR_COPY)).finalists).toEqual(['n']);
    });

    it('numbers reservations per campaign index, and says which ones each proposal compared', () => {
      const engine = new NearDuplicateEngine('e/');
      engine.apply('c1', [change('a', UNRELATED, 1)]);
      expect(engine.propose('c1', reserving(ORIGINAL, 'n1'))).toEqual({ finalists: [], coverage: { epoch: 'e/1', from: 1, to: 0 }, reservation: { epoch: 'e/1', number: 1 } });
      expect(engine.propose('c1', reserving(NEAR_COPY, 'n2'))).toEqual({ finalists: ['n1'], coverage: { epoch: 'e/1', from: 1, to: 1 }, reservation: { epoch: 'e/1', number: 2 } });
      // A revision reserves nothing, and compares every reservation made before it.
      expect(engine.propose('c1', { ...query(SIMILAR), ignoreId: 'a' })).toMatchObject({ coverage: { epoch: 'e/1', from: 1, to: 2 }, reservation: null });
      // Written or released, numbers are not reused.
      engine.apply('c1', [change('n1', ORIGINAL, 2)]);
      engine.release('c1', 'n2');
      expect(engine.propose('c1', reserving(UNRELATED, 'n3'))).toMatchObject({ coverage: { epoch: 'e/1', from: 1, to: 2 }, reservation: { epoch: 'e/1', number: 3 } });
      // A campaign rebuilt after a drop is another epoch; one never indexed here has no coverage.
      engine.drop('c1');
      engine.apply('c1', []);
      expect(engine.propose('c1', reserving(ORIGINAL, 'n4'))).toMatchObject({ coverage: { epoch: 'e/2', from: 1, to: 0 }, reservation: { epoch: 'e/2', number: 1 } });
      expect(engine.propose('c2', reserving(ORIGINAL, 'n5'))).toEqual({ finalists: [], coverage: null, reservation: null });
    });

    it('keeps at most 1,024 reservations per campaign, releasing the oldest first, which no later proposal covers', () => {
      const engine = new NearDuplicateEngine();
      engine.apply('c1', []);
      const released = jest.spyOn(MinHashIndex.prototype, 'release');
      for (let i = 0; i < 1025; i++) engine.propose('c1', reserving(`${ORIGINAL} ${i}`, `r${i}`));
      expect(released).toHaveBeenCalledTimes(1);
      expect(engine.propose('c1', query(UNRELATED)).coverage).toMatchObject({ from: 2, to: 1025 });
      const entered = jest.spyOn(MinHashIndex.prototype, 'add');
      engine.apply('c1', [change('r0', `${ORIGINAL} 0`, 1), change('r1', `${ORIGINAL} 1`, 2)]);
      expect(entered.mock.calls.map(([id]) => id)).toEqual(['r0']);
    });

    it('never reserves an idea the index already holds', () => {
      const engine = new NearDuplicateEngine();
      engine.apply('c1', [change('a', ORIGINAL, 1)]);
      const reserved = jest.spyOn(MinHashIndex.prototype, 'reserve');
      expect(engine.propose('c1', reserving(NEAR_COPY, 'a'))).toMatchObject({ finalists: [], reservation: null });
      expect(reserved).not.toHaveBeenCalled();
    });
  });

  describe('covers', () => {
    const coverage = { epoch: 'e/1', from: 3, to: 7 };
    it.each([
      [{ epoch: 'e/1', number: 3 }, true],
      [{ epoch: 'e/1', number: 7 }, true],
      [{ epoch: 'e/1', number: 2 }, false],
      [{ epoch: 'e/1', number: 8 }, false],
      [{ epoch: 'e/2', number: 5 }, false],
      [null, false],
    ])('a proposal that compared reservations 3–7 of e/1 covers %j: %p', (reservation, expected) => {
      expect(covers(coverage, reservation)).toBe(expected);
      expect(covers(null, reservation)).toBe(false);
    });
  });

  it('forgets a dropped campaign', () => {
    const engine = new NearDuplicateEngine();
    engine.apply('c1', [change('a', ORIGINAL, 1)]);
    engine.drop('c1');
    expect(engine.propose('c1', query(NEAR_COPY)).finalists).toEqual([]);
  });
});
