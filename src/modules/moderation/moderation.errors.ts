import { defineErrors } from '../../common/errors/domain-error';

export const ModerationErrors = defineErrors({
  MODERATION_FORBIDDEN: { id: 'Hanya pemilik usaha yang boleh memoderasi sayembara ini.', en: 'Only an owner of the business may moderate this campaign.' },
  MODERATION_STATUS_CONFLICT: {
    id: 'Keputusan "{decision}" tidak berlaku untuk ide berstatus "{status}".',
    en: 'The decision "{decision}" does not apply to an idea with status "{status}".',
  },
  MODERATION_REASON_INVALID: { status: 400, id: 'Penolakan wajib disertai alasan yang akan dibaca kontributor.', en: 'A rejection needs a reason, which the contributor will read.' },
  MODERATION_ORIGINAL_INVALID: {
    status: 400,
    id: 'duplicateOfId harus menunjuk ide lain yang lebih dulu dikirim di sayembara yang sama.',
    en: 'duplicateOfId must name another, earlier idea of the same campaign.',
  },
  MODERATION_ORIGINAL_CONFLICT: { id: 'Ide asli berstatus "{status}" tidak bisa menerima penggabungan.', en: 'The original has status "{status}" and cannot take a merge.' },
  MODERATION_MERGE_CLOSED_CONFLICT: { id: 'Suara tidak bisa dipindahkan setelah sayembara {status}.', en: 'Votes cannot be moved once the campaign is {status}.' },
  FLAG_OWN_IDEA_FORBIDDEN: { id: 'Anda tidak bisa melaporkan ide Anda sendiri.', en: 'You cannot flag your own idea.' },
  FLAG_CONFLICT: { id: 'Anda sudah melaporkan ide ini.', en: 'You have already flagged this idea.' },
  FLAG_STATUS_CONFLICT: { id: 'Ide berstatus "{status}" tidak bisa dilaporkan.', en: 'An idea with status "{status}" cannot be flagged.' },
});
