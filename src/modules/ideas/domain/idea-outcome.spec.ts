import { CAMPAIGN_STATUSES } from '../../campaigns/domain/lifecycle';
import { FINAL_STATUSES, IdeaStatusAtEnd, ideaOutcomeOf, OutcomeFacts } from './idea-outcome';

const IDEA_STATUSES: IdeaStatusAtEnd[] = ['pending', 'published', 'rejected', 'duplicate', 'hidden', 'shortlisted', 'winner'];
const ORIGINAL = '00000000-0000-4000-8000-000000000001';

function facts(overrides: Partial<OutcomeFacts>): OutcomeFacts {
  return { ideaStatus: 'published', campaignStatus: 'closed', statusReason: null, duplicateOfId: null, standing: null, award: null, ...overrides };
}

describe('ideaOutcomeOf', () => {
  it.each([
    ['winner', { rank: 1, of: 12 }, { amount: 500000, currency: 'IDR' }, null, null, { finalStatus: 'winner', rank: 1, of: 12, reason: null, duplicateOf: null, award: { amount: 500000, currency: 'IDR' } }],
    ['shortlisted', { rank: 3, of: 12 }, null, null, null, { finalStatus: 'shortlisted', rank: 3, of: 12, reason: null, duplicateOf: null, award: null }],
    ['published', { rank: 7, of: 12 }, null, null, null, { finalStatus: 'not-selected', rank: 7, of: 12, reason: null, duplicateOf: null, award: null }],
    ['rejected', null, null, 'Iklan, bukan ide.', null, { finalStatus: 'rejected', rank: null, of: null, reason: 'Iklan, bukan ide.', duplicateOf: null, award: null }],
    ['hidden', null, null, 'Ditandai banyak pengguna.', null, { finalStatus: 'hidden', rank: null, of: null, reason: 'Ditandai banyak pengguna.', duplicateOf: null, award: null }],
    ['duplicate', null, null, 'Sama dengan ide sebelumnya.', ORIGINAL, { finalStatus: 'duplicate', rank: null, of: null, reason: 'Sama dengan ide sebelumnya.', duplicateOf: ORIGINAL, award: null }],
    ['pending', null, null, null, null, { finalStatus: 'not-reviewed', rank: null, of: null, reason: null, duplicateOf: null, award: null }],
  ] as const)('a %s idea of a closed campaign', (ideaStatus, standing, award, statusReason, duplicateOfId, expected) => {
    expect(ideaOutcomeOf(facts({ ideaStatus, standing, award, statusReason, duplicateOfId }))).toEqual(expected);
  });

  it.each(IDEA_STATUSES)('a %s idea of a cancelled campaign is cancelled, with nothing else to say', (ideaStatus) => {
    const outcome = ideaOutcomeOf(facts({ ideaStatus, campaignStatus: 'cancelled', statusReason: 'alasan lama', duplicateOfId: ORIGINAL, standing: { rank: 1, of: 2 } }));
    expect(outcome).toEqual({ finalStatus: 'cancelled', rank: null, of: null, reason: null, duplicateOf: null, award: null });
  });

  it.each(['draft', 'open', 'voting', 'judging'] as const)('says nothing while the campaign is %s', (campaignStatus) => {
    for (const ideaStatus of IDEA_STATUSES) expect(ideaOutcomeOf(facts({ ideaStatus, campaignStatus, standing: { rank: 1, of: 1 } }))).toBeNull();
  });

  it('does not show a reason a published idea no longer has, nor an award to an idea that did not win', () => {
    expect(ideaOutcomeOf(facts({ ideaStatus: 'published', statusReason: 'dulu ditolak', award: { amount: 1, currency: 'IDR' } }))).toMatchObject({ reason: null, award: null });
  });

  it('gives every idea of an ended campaign exactly one known final status, and none before the end', () => {
    for (const campaignStatus of CAMPAIGN_STATUSES) {
      for (const ideaStatus of IDEA_STATUSES) {
        const outcome = ideaOutcomeOf(facts({ ideaStatus, campaignStatus }));
        const ended = campaignStatus === 'closed' || campaignStatus === 'cancelled';
        expect(outcome === null).toBe(!ended);
        if (outcome) expect(FINAL_STATUSES).toContain(outcome.finalStatus);
      }
    }
  });
});
