import type { Assessment, AssessmentBasis } from '../quality-report';
import { decideAssessment, entersQueue, recheck, settledAt, unchangedFinalists } from './assessment';
import { hashGrams } from './gram-hashes';
import type { NearDuplicateReport } from './near-duplicates';
import { shinglesOf } from './text-normalization';

const ORIGINAL = 'Kemasan kopi bubuk dengan zipper, agar tetap segar!';
const NEAR_COPY = 'Kemasan kopi bubuk dengan zipper, agar tetap segar dan wangi!';
const SIMILAR = 'kemasan kopi bubuk pakai zipper supaya tetap segar';
const UNRELATED = 'Paket hampers kantor lebaran berisi keripik singkong dan teh melati';

function basis(text: string, overrides: Partial<AssessmentBasis> = {}): AssessmentBasis {
  return {
    gramsJson: JSON.stringify([...shinglesOf(text)]), hashes: hashGrams(shinglesOf(text)), finalists: [], seenVersion: 4, coverage: null, reservation: null, ignoreId: null, submittedAt: null, lowReputation: false, version: null,
    thresholds: { duplicateThreshold: 0.7, similarThreshold: 0.4, moderation: 'post' }, ...overrides,
  };
}

const who = { campaignId: 'c1', authorId: 'u1' };
const none: NearDuplicateReport = { duplicateOf: null, similar: [] };
const existing = (id: string, text: string, submittedAt = 0) => ({ id, grams: shinglesOf(text), submittedAt });
/** As the SQLite reader gives it: with the grams' hashes. */
const existingHashed = (id: string, text: string, submittedAt = 0) => ({ ...existing(id, text, submittedAt), hashes: hashGrams(shinglesOf(text)) });

describe('decideAssessment', () => {
  it('publishes when nothing holds the idea', () => {
    expect(decideAssessment(basis(UNRELATED), none, null, who)).toMatchObject({ status: 'published', report: { holdReasons: [], violations: [] } });
  });

  it('lists every reason to hold, in a fixed order', () => {
    const near = { duplicateOf: { ideaId: 'a', similarity: 0.8 }, similar: [] };
    const held = decideAssessment(basis(NEAR_COPY, { lowReputation: true, thresholds: { duplicateThreshold: 0.7, similarThreshold: 0.4, moderation: 'pre' } }), near, null, who);
    expect(held).toMatchObject({ status: 'pending', report: { duplicateOf: { ideaId: 'a' }, holdReasons: ['pre-moderation', 'duplicate', 'low-reputation'] } });
  });

  it('keeps a revised idea in the queue (pending or hidden) whatever the revision finds', () => {
    expect(decideAssessment(basis(UNRELATED), none, 'hidden', who).status).toBe('hidden');
    expect(decideAssessment(basis(UNRELATED), none, 'pending', who).status).toBe('pending');
    expect(decideAssessment(basis(UNRELATED), none, 'published', who).status).toBe('published');
  });
});

describe('settling in the idea’s transaction', () => {
  /** An assessment as made before the transaction: the index's finalists named, nothing compared yet. */
  const assessed = (text: string, finalists: string[] = []): Assessment => decideAssessment(basis(text, { finalists }), none, null, who);

  it('lets the assessment stand when the index proposed nothing and the transaction took the next version', () => {
    const assessment = assessed(NEAR_COPY);
    expect(settledAt(assessment, 5)).toEqual({ settled: { ...assessment, basis: { ...assessment.basis, version: 5 } }, stands: true, missedWrites: false });
    expect(settledAt(assessment, 7)).toMatchObject({ stands: false, missedWrites: true });
    expect(settledAt(assessed(NEAR_COPY, ['a']), 5)).toMatchObject({ stands: false, missedWrites: false });
  });

  it('compares the index\'s finalists exactly in the transaction, naming the original they hold', () => {
    const { settled } = settledAt(assessed(NEAR_COPY, ['a', 'b', 'u']), 5);
    const rechecked = recheck(settled, [], [existing('a', ORIGINAL, 1), existing('b', NEAR_COPY, 2), existing('u', UNRELATED, 3)]);
    expect(rechecked).toMatchObject({ status: 'pending', report: { duplicateOf: { ideaId: 'b', similarity: 1 }, holdReasons: ['duplicate'] }, basis: { version: 5 } });
    expect(rechecked.report.similar).toEqual([{ ideaId: 'a', similarity: expect.any(Number) }]);
  });

  it('reads only the finalists that were not rewritten since', () => {
    expect(unchangedFinalists(assessed(SIMILAR, ['a', 'b', 'c']), [existing('b', SIMILAR)])).toEqual(['a', 'c']);
  });

  it('holds an idea once a near-copy written meanwhile is found, naming it', () => {
    const { settled } = settledAt(assessed(NEAR_COPY), 6);
    const rechecked = recheck(settled, [existing('meanwhile', ORIGINAL, 1)], []);
    expect(rechecked).toMatchObject({ status: 'pending', report: { duplicateOf: { ideaId: 'meanwhile' }, holdReasons: ['duplicate'] }, basis: { version: 6 } });
  });

  it('never takes the revised idea itself for its original', () => {
    const assessment: Assessment = { ...assessed(NEAR_COPY), basis: basis(NEAR_COPY, { ignoreId: 'self', submittedAt: 10 }) };
    const { settled } = settledAt(assessment, 6);
    expect(recheck(settled, [existing('self', NEAR_COPY, 10)], []).status).toBe('published');
  });

  it('with the ideas\' hashes, rules far ones out first and still finds every match exactly', () => {
    const { settled } = settledAt(assessed(NEAR_COPY), 6);
    const written = [existingHashed('far', UNRELATED, 1), existingHashed('copy', ORIGINAL, 2), existingHashed('alike', SIMILAR, 3)];
    const rechecked = recheck(settled, written, []);
    expect(rechecked.report.duplicateOf).toEqual({ ideaId: 'copy', similarity: expect.any(Number) });
    expect(rechecked.report.similar.map((s) => s.ideaId)).toEqual(recheck(settled, written.map(({ hashes: _, ...idea }) => idea), []).report.similar.map((s) => s.ideaId));
    // The hashes are the first look: an idea whose hashes are far is not compared on its grams.
    const disguised = { ...existingHashed('disguised', ORIGINAL, 4), hashes: hashGrams(shinglesOf(UNRELATED)) };
    expect(recheck(settled, [disguised], []).report.duplicateOf).toBeNull();
  });

  it('publishes when the finalists are gone (rejected or merged) and nothing new matches', () => {
    const { settled } = settledAt(assessed(NEAR_COPY, ['a']), 6);
    expect(recheck(settled, [existing('other', UNRELATED)], []).report).toEqual({ duplicateOf: null, similar: [], violations: [], holdReasons: [] });
  });
});

describe('entersQueue', () => {
  it('is true for a new idea held, or a published one sent back; false for one already waiting', () => {
    const held = decideAssessment(basis(NEAR_COPY, { lowReputation: true }), none, null, who);
    expect(entersQueue(held)).toBe(true);
    expect(entersQueue({ ...held, fromStatus: 'published' })).toBe(true);
    expect(entersQueue({ ...held, fromStatus: 'pending' })).toBe(false);
    expect(entersQueue(decideAssessment(basis(UNRELATED), none, null, who))).toBe(false);
  });
});
