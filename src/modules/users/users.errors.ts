import { defineErrors } from '../../common/errors/domain-error';

export const UserErrors = defineErrors({
  USER_NOT_FOUND: { id: 'Pengguna tidak ditemukan.', en: 'User not found.' },
  USER_EMAIL_CONFLICT: { id: 'Email ini sudah terdaftar.', en: 'This email is already registered.' },
  USER_PHONE_CONFLICT: { id: 'Nomor telepon ini sudah terdaftar.', en: 'This phone number is already registered.' },
  USER_CONTACT_INVALID: { id: 'Isi email atau nomor telepon (salah satu wajib).', en: 'Give an email or a phone number (one is required).' },
  USER_PHONE_INVALID: { id: 'Nomor telepon tidak valid; contoh: 081234567890.', en: 'Invalid phone number; for example 081234567890.' },
});
