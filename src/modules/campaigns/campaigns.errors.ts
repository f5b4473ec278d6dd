import { defineErrors } from '../../common/errors/domain-error';

export const CampaignErrors = defineErrors({
  CAMPAIGN_NOT_FOUND: { id: 'Sayembara tidak ditemukan.', en: 'Campaign not found.' },
  CAMPAIGN_FORBIDDEN: { id: 'Hanya pemilik usaha penyelenggara yang boleh melakukannya.', en: 'Only an owner of the organising business may do this.' },
  CAMPAIGN_STATUS_CONFLICT: {
    id: 'Status tidak bisa berpindah dari "{from}" ke "{to}".',
    en: 'The status cannot move from "{from}" to "{to}".',
  },
  CAMPAIGN_RULES_FROZEN_CONFLICT: {
    id: 'Aturan yang menentukan hasil sudah dikunci sejak pemungutan suara dimulai ({fields}).',
    en: 'Rules that shape the outcome are frozen once voting starts ({fields}).',
  },
  CAMPAIGN_EDIT_CONFLICT: { id: 'Sayembara yang sudah selesai atau dibatalkan tidak bisa diubah.', en: 'A finished or cancelled campaign cannot be changed.' },
  CAMPAIGN_DEADLINES_INVALID: {
    status: 400,
    id: 'Tenggat harus berurutan: submissionClosesAt < votingClosesAt ≤ judgingClosesAt, dan di masa depan.',
    en: 'Deadlines must be in order, submissionClosesAt < votingClosesAt ≤ judgingClosesAt, and in the future.',
  },
  CAMPAIGN_RULES_INVALID: { status: 400, id: 'Aturan sayembara tidak konsisten: {problems}.', en: 'The campaign rules are inconsistent: {problems}.' },
  CAMPAIGN_OWNER_JURY_CONFLICT: {
    id: 'Pemilik usaha tidak bisa menjadi juri sayembaranya sendiri: juri menilai dari luar.',
    en: 'An owner of the business cannot sit on its own campaign’s jury: the jury judges from outside.',
  },
  CAMPAIGN_MEMBER_CONFLICT: { id: 'Pengguna ini sudah menjadi {role} di sayembara ini.', en: 'This user is already {role} of this campaign.' },
});
