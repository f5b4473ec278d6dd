import { ValidationError } from 'class-validator';
import { DomainError } from '../errors/domain-error';
import { interpolate, Locale } from '../i18n/locale';

export interface FieldViolation {
  field: string;
  rule: string;
  message: string;
}

/** Messages per class-validator constraint; `{field}` is the dotted path of the field. */
const RULE_MESSAGES: Record<string, Record<Locale, string>> = {
  whitelistValidation: { id: 'Kolom "{field}" tidak dikenal.', en: 'Unknown field "{field}".' },
  isDefined: { id: 'Kolom "{field}" wajib diisi.', en: 'Field "{field}" is required.' },
  isNotEmpty: { id: 'Kolom "{field}" wajib diisi.', en: 'Field "{field}" is required.' },
  isString: { id: 'Kolom "{field}" harus berupa teks.', en: 'Field "{field}" must be text.' },
  isInt: { id: 'Kolom "{field}" harus bilangan bulat.', en: 'Field "{field}" must be a whole number.' },
  isNumber: { id: 'Kolom "{field}" harus berupa angka.', en: 'Field "{field}" must be a number.' },
  isBoolean: { id: 'Kolom "{field}" harus true atau false.', en: 'Field "{field}" must be true or false.' },
  isIn: { id: 'Kolom "{field}" harus salah satu dari: {allowed}.', en: 'Field "{field}" must be one of: {allowed}.' },
  isEnum: { id: 'Kolom "{field}" harus salah satu dari: {allowed}.', en: 'Field "{field}" must be one of: {allowed}.' },
  min: { id: 'Kolom "{field}" minimal {min}.', en: 'Field "{field}" must be at least {min}.' },
  max: { id: 'Kolom "{field}" maksimal {max}.', en: 'Field "{field}" must be at most {max}.' },
  isEmail: { id: 'Kolom "{field}" harus alamat email yang valid.', en: 'Field "{field}" must be a valid email address.' },
  isUuid: { id: 'Kolom "{field}" harus pengenal (UUID) yang valid.', en: 'Field "{field}" must be a valid identifier (UUID).' },
  isArray: { id: 'Kolom "{field}" harus berupa daftar.', en: 'Field "{field}" must be a list.' },
  arrayMinSize: { id: 'Kolom "{field}" minimal berisi {min} butir.', en: 'Field "{field}" needs at least {min} entries.' },
  arrayMaxSize: { id: 'Kolom "{field}" paling banyak berisi {max} butir.', en: 'Field "{field}" allows at most {max} entries.' },
  arrayUnique: { id: 'Kolom "{field}" tidak boleh berisi duplikat.', en: 'Field "{field}" must not contain duplicates.' },
  isObject: { id: 'Kolom "{field}" harus berupa objek.', en: 'Field "{field}" must be an object.' },
  nestedValidation: { id: 'Kolom "{field}" harus berupa objek yang valid.', en: 'Field "{field}" must be a valid object.' },
  isDateString: { id: 'Kolom "{field}" harus tanggal ISO 8601.', en: 'Field "{field}" must be an ISO 8601 date.' },
  isISO8601: { id: 'Kolom "{field}" harus tanggal ISO 8601.', en: 'Field "{field}" must be an ISO 8601 date.' },
  matches: { id: 'Format kolom "{field}" tidak valid.', en: 'Field "{field}" has an invalid format.' },
  textLength: {
    id: 'Kolom "{field}" harus {min}–{max} karakter.',
    en: 'Field "{field}" must be {min}–{max} characters long.',
  },
  plainText: {
    id: 'Kolom "{field}" berisi karakter kendali yang tidak diizinkan.',
    en: 'Field "{field}" contains control characters that are not allowed.',
  },
  isPhoneNumber: { id: 'Kolom "{field}" harus nomor telepon yang valid.', en: 'Field "{field}" must be a valid phone number.' },
};

const FALLBACK = { id: 'Kolom "{field}" tidak valid ({rule}).', en: 'Field "{field}" is invalid ({rule}).' };

/** Flattens class-validator's tree into one violation per field and rule. */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): Array<Omit<FieldViolation, 'message'> & { params: Record<string, unknown> }> {
  const out: Array<Omit<FieldViolation, 'message'> & { params: Record<string, unknown> }> = [];
  for (const error of errors) {
    const field = parent ? `${parent}.${error.property}` : error.property;
    for (const rule of Object.keys(error.constraints ?? {})) {
      const params = (error.contexts?.[rule] as Record<string, unknown> | undefined) ?? {};
      out.push({ field, rule, params });
    }
    if (error.children?.length) out.push(...flattenValidationErrors(error.children, field));
  }
  return out;
}

export function localizeViolations(
  raw: ReturnType<typeof flattenValidationErrors>,
  locale: Locale,
): FieldViolation[] {
  return raw.map(({ field, rule, params }) => ({
    field,
    rule,
    message: interpolate((RULE_MESSAGES[rule] ?? FALLBACK)[locale], { field, rule, ...params }),
  }));
}

export function validationExceptionFactory(errors: ValidationError[]): DomainError {
  return new DomainError('VALIDATION_INVALID', {}, flattenValidationErrors(errors));
}
