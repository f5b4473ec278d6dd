import { defineErrors } from '../../common/errors/domain-error';

export const VoteErrors = defineErrors({
  VOTE_VALUE_INVALID: { status: 400, id: 'Nilai suara untuk mode "{mode}" harus {allowed}.', en: 'A vote in "{mode}" mode must be {allowed}.' },
  VOTE_SELF_FORBIDDEN: { id: 'Anda tidak bisa memberi suara pada ide sendiri.', en: 'You cannot vote on your own idea.' },
  VOTE_OWN_CAMPAIGN_FORBIDDEN: { id: 'Pemilik usaha tidak bisa memberi suara di sayembaranya sendiri.', en: 'Owners cannot vote in their own campaign.' },
  VOTE_CLOSED_CONFLICT: { id: 'Pemungutan suara sedang tidak dibuka (status: {status}).', en: 'Voting is not open (status: {status}).' },
  VOTE_IDEA_STATUS_CONFLICT: { id: 'Ide ini tidak bisa dipilih (status: {status}).', en: 'This idea cannot be voted on (status: {status}).' },
});
