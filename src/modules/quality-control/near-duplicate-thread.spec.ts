import { hashGrams } from './domain/gram-hashes';
import { shinglesOf } from './domain/text-normalization';
import { NearDuplicateThread } from './near-duplicate-thread';

const change = (ideaId: string, text: string, version: number) => ({ ideaId, version, active: true, hashes: hashGrams(shinglesOf(text)) });
const ORIGINAL = 'Kemasan kopi bubuk dengan zipper, agar tetap segar!';
const NEAR_COPY = 'Kemasan kopi bubuk dengan zipper, agar tetap segar dan wangi!';

describe('NearDuplicateThread', () => {
  let lost = 0;
  const thread = new NearDuplicateThread(() => lost++);
  afterAll(() => thread.close());

  const nearCopy = { hashes: hashGrams(shinglesOf(NEAR_COPY)), similarThreshold: 0.4, ignoreId: null };

  it('answers in the order it is asked, so a proposal sees the changes sent before it', async () => {
    const [size, proposal] = await Promise.all([thread.apply('c1', [change('a', ORIGINAL, 1)]), thread.propose('c1', [], nearCopy)]);
    expect(size).toBe(1);
    expect(proposal).toMatchObject({ finalists: ['a'], ideas: 1 });
  });

  it('applies the changes a proposal carries before proposing', async () => {
    expect(await thread.propose('c2', [change('b', ORIGINAL, 1)], nearCopy)).toMatchObject({ finalists: ['b'], ideas: 1 });
    expect(await thread.propose('c2', [{ ...change('b', ORIGINAL, 2), active: false }], nearCopy)).toMatchObject({ finalists: [], ideas: 0 });
  });

  it('enters a new idea with its proposal, compares it while in flight, names it once written, and releases one never written', async () => {
    const original = { hashes: hashGrams(shinglesOf(ORIGINAL)), similarThreshold: 0.4, ignoreId: null };
    const first = await thread.propose('c3', [], { ...original, reserveAs: 'kept' });
    expect(first).toMatchObject({ finalists: [], ideas: 0, reservation: { number: 1 }, coverage: { from: 1, to: 0 } });
    expect(first.reservation!.epoch).toBe(first.coverage!.epoch);
    expect(await thread.propose('c3', [], { ...original, reserveAs: 'refused' })).toMatchObject({ finalists: ['kept'], reservation: { epoch: first.coverage!.epoch, number: 2 }, coverage: { epoch: first.coverage!.epoch, to: 1 } });
    expect(await thread.release('c3', 'refused')).toBeNull();
    expect(await thread.propose('c3', [change('kept', ORIGINAL, 1)], nearCopy)).toMatchObject({ finalists: ['kept'], ideas: 1, reservation: null });
  });

  it('fails the requests of a thread that stopped, says its indexes are gone, and starts anew', async () => {
    const worker = (thread as unknown as { worker: { terminate(): Promise<number> } }).worker;
    // Long enough to be cut short: thousands of ideas to index.
    const many = Array.from({ length: 5000 }, (_, i) => change(`f${i}`, `usulan nomor ${i} ${(i * 7919).toString(36)} tanpa kemiripan`, 2 + i));
    const pending = thread.apply('c1', many);
    await worker.terminate();
    await expect(pending).rejects.toThrow();
    expect(lost).toBe(1);
    expect(await thread.propose('c1', [], nearCopy)).toMatchObject({ finalists: [], ideas: 0 });
    expect(await thread.apply('c1', [change('a', ORIGINAL, 1)])).toBe(1);
  });
});
