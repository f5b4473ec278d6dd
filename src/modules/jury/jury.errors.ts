import { defineErrors } from '../../common/errors/domain-error';

export const JuryErrors = defineErrors({
  REVIEW_FORBIDDEN: { id: 'Hanya juri sayembara ini yang boleh menilai.', en: 'Only this campaign’s jury may review.' },
  REVIEW_READ_FORBIDDEN: { id: 'Hanya pemilik dan juri yang boleh melihat penilaian.', en: 'Only owners and the jury may read reviews.' },
  REVIEW_CLOSED_CONFLICT: { id: 'Penilaian juri hanya dibuka saat status "judging" (sekarang: {status}).', en: 'Jury reviews are open only while judging (now: {status}).' },
  REVIEW_SCORES_INVALID: { status: 400, id: 'Nilai harus bilangan bulat 1–5 untuk setiap kriteria: {criteria}.', en: 'Scores must be whole numbers 1–5 for every criterion: {criteria}.' },
  REVIEW_NO_CRITERIA_CONFLICT: { id: 'Sayembara ini tidak memakai juri.', en: 'This campaign has no jury criteria.' },
  SHORTLIST_FORBIDDEN: { id: 'Hanya pemilik usaha yang boleh memilih ide unggulan.', en: 'Only an owner may shortlist ideas.' },
  SHORTLIST_CONFLICT: { id: 'Ide berstatus "{status}" tidak bisa diunggulkan saat sayembara berstatus "{campaignStatus}".', en: 'An idea with status "{status}" cannot be shortlisted while the campaign is "{campaignStatus}".' },
});
