import { defineErrors } from '../../common/errors/domain-error';

export const AuthErrors = defineErrors({
  AUTH_CREDENTIALS_UNAUTHORIZED: { id: 'Email/telepon atau kata sandi salah.', en: 'Wrong email/phone or password.' },
  AUTH_REFRESH_UNAUTHORIZED: { id: 'Sesi tidak valid atau sudah berakhir; silakan masuk lagi.', en: 'The session is invalid or has ended; please sign in again.' },
  AUTH_LOGIN_RATE_LIMITED: {
    status: 429,
    id: 'Terlalu banyak percobaan masuk yang gagal; coba lagi dalam {retryAfter} detik.',
    en: 'Too many failed sign-in attempts; try again in {retryAfter} seconds.',
  },
});
