import { defineErrors } from './domain-error';

export const CommonErrors = defineErrors({
  VALIDATION_INVALID: { status: 400, id: 'Data yang dikirim tidak valid.', en: 'The request data is invalid.' },
  MALFORMED_JSON_INVALID: { status: 400, id: 'Badan permintaan bukan JSON yang valid.', en: 'The request body is not valid JSON.' },
  JSON_TOO_DEEP_INVALID: {
    status: 400,
    id: 'JSON bersarang terlalu dalam (paling banyak {max} tingkat).',
    en: 'The JSON is nested too deeply (at most {max} levels).',
  },
  PAYLOAD_TOO_LARGE: { status: 413, id: 'Badan permintaan terlalu besar (maksimal {limit} byte).', en: 'The request body is too large (at most {limit} bytes).' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, id: 'Jenis konten tidak didukung; kirim application/json.', en: 'Unsupported content type; send application/json.' },
  AUTH_UNAUTHORIZED: { status: 401, id: 'Perlu masuk (token tidak ada atau tidak valid).', en: 'Authentication required (missing or invalid token).' },
  ROUTE_NOT_FOUND: { status: 404, id: 'Alamat tidak ditemukan.', en: 'Route not found.' },
  RATE_LIMITED: { status: 429, id: 'Terlalu banyak permintaan; coba lagi dalam {retryAfter} detik.', en: 'Too many requests; try again in {retryAfter} seconds.' },
  INTERNAL_ERROR: { status: 500, id: 'Terjadi kesalahan pada server.', en: 'Something went wrong on the server.' },
  SERVICE_UNAVAILABLE: { status: 503, id: 'Layanan sedang sibuk; coba lagi.', en: 'The service is busy; try again.' },
  ACCESS_FORBIDDEN: { status: 403, id: 'Anda tidak berhak melakukan ini.', en: 'You are not allowed to do this.' },
  ID_INVALID: { status: 400, id: 'Pengenal "{field}" tidak valid.', en: 'The identifier "{field}" is invalid.' },
});

/** Raised with a Retry-After header by the HTTP layer. */
export class RateLimitedError extends Error {
  constructor(readonly retryAfterSeconds: number, readonly code = 'RATE_LIMITED') {
    super(code);
  }
}
