import { defineErrors } from '../../common/errors/domain-error';

export const IdeaErrors = defineErrors({
  IDEA_NOT_FOUND: { id: 'Ide tidak ditemukan.', en: 'Idea not found.' },
  IDEA_FORBIDDEN: { id: 'Anda tidak berhak mengubah ide ini.', en: 'You may not change this idea.' },
  IDEA_FEEDBACK_FORBIDDEN: { id: 'Hanya pemilik usaha yang boleh memberi umpan balik.', en: 'Only an owner of the business may give feedback.' },
  IDEA_SUBMISSIONS_CLOSED_CONFLICT: { id: 'Sayembara ini sedang tidak menerima ide (status: {status}).', en: 'This campaign is not accepting ideas (status: {status}).' },
  IDEA_REVISION_CLOSED_CONFLICT: { id: 'Ide hanya bisa direvisi selama sayembara dibuka.', en: 'Ideas can only be revised while the campaign is open.' },
  IDEA_LIMIT_CONFLICT: { id: 'Anda sudah mengirim {max} ide di sayembara ini (batas).', en: 'You have already submitted {max} ideas to this campaign (the limit).' },
  IDEA_EXACT_DUPLICATE_CONFLICT: { id: 'Ide yang sama persis sudah ada di sayembara ini.', en: 'An identical idea already exists in this campaign.' },
  IDEA_OWN_CAMPAIGN_FORBIDDEN: { id: 'Pemilik usaha tidak bisa mengirim ide ke sayembaranya sendiri.', en: 'Owners cannot submit ideas to their own campaign.' },
  IDEA_CONTENT_INVALID: { status: 400, id: 'Ide tidak memenuhi aturan isi: {rules}.', en: 'The idea breaks content rules: {rules}.' },
  IDEA_STATUS_CONFLICT: { id: 'Ide berstatus "{status}" tidak bisa diubah.', en: 'An idea with status "{status}" cannot be changed.' },
});
