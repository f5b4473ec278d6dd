import { defineErrors } from '../../common/errors/domain-error';

export const BusinessErrors = defineErrors({
  BUSINESS_NOT_FOUND: { id: 'Usaha tidak ditemukan.', en: 'Business not found.' },
  BUSINESS_FORBIDDEN: { id: 'Hanya pemilik usaha ini yang boleh melakukannya.', en: 'Only an owner of this business may do this.' },
  BUSINESS_OWNER_CONFLICT: { id: 'Pengguna ini sudah menjadi pemilik.', en: 'This user is already an owner.' },
});
