import { defineErrors } from '../../common/errors/domain-error';

export const CommunityErrors = defineErrors({
  COMMUNITY_NOT_FOUND: { id: 'Komunitas tidak ditemukan.', en: 'Community not found.' },
  COMMUNITY_FORBIDDEN: { id: 'Hanya koordinator komunitas ini yang boleh melakukannya.', en: 'Only the coordinator of this community may do this.' },
  COMMUNITY_MEMBER_FORBIDDEN: {
    id: 'Hanya pemilik usaha atau koordinator komunitas yang boleh mengeluarkannya.',
    en: 'Only an owner of the business or the community coordinator may remove it.',
  },
  COMMUNITY_REGIONS_INVALID: { status: 400, id: 'Wilayah "{region}" disebut lebih dari sekali.', en: 'Region "{region}" is listed more than once.' },
  COMMUNITY_REGION_INVALID: {
    status: 400,
    id: 'Wilayah usaha "{region}" bukan wilayah komunitas ini ({regions}).',
    en: 'The business region "{region}" is not a region of this community ({regions}).',
  },
  COMMUNITY_MEMBERSHIP_CONFLICT: { id: 'Usaha ini sudah menjadi anggota komunitas lain.', en: 'This business already belongs to another community.' },
  COMMUNITY_NOT_MEMBER_CONFLICT: { id: 'Usaha ini bukan anggota komunitas ini.', en: 'This business is not a member of this community.' },
});
