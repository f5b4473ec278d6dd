/**
 * Locale number formatting for reports, written out rather than taken from Intl so that output
 * does not depend on the ICU data the runtime was built with. Indonesian writes 1.234,5 and
 * English 1,234.5; a missing value prints as an en dash, never as NaN or undefined.
 */
export type ReportLocale = 'id' | 'en';

export const MISSING_VALUE = '–';

const SEPARATORS: Record<ReportLocale, { decimal: string; group: string }> = {
  id: { decimal: ',', group: '.' },
  en: { decimal: '.', group: ',' },
};

function groupThousands(digits: string, separator: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, separator);
}

export function formatDecimal(value: number | null | undefined, fractionDigits: number, locale: ReportLocale = 'id'): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return MISSING_VALUE;
  const { decimal, group } = SEPARATORS[locale];
  const fixed = Math.abs(value).toFixed(fractionDigits);
  const [integer = '0', fraction] = fixed.split('.');
  const isZero = Number(fixed) === 0;
  const sign = value < 0 && !isZero ? '-' : '';
  return sign + groupThousands(integer, group) + (fraction === undefined ? '' : decimal + fraction);
}

/** A 0–100 percentage, written with the sign directly after the number (PUEBI and English alike). */
export function formatPercent(value: number | null | undefined, fractionDigits: number, locale: ReportLocale = 'id'): string {
  const number = formatDecimal(value, fractionDigits, locale);
  return number === MISSING_VALUE ? number : `${number}%`;
}

/** A signed change such as "+22,4%", so readers see the direction at a glance. */
export function formatSignedPercent(value: number | null | undefined, fractionDigits: number, locale: ReportLocale = 'id'): string {
  const text = formatPercent(value, fractionDigits, locale);
  const isPositive = text !== MISSING_VALUE && !text.startsWith('-') && Number((value as number).toFixed(fractionDigits)) !== 0;
  return isPositive ? `+${text}` : text;
}

/** p-values to three decimals, with "< 0,001" below that (APA style). */
export function formatPValue(p: number | null | undefined, locale: ReportLocale = 'id'): string {
  if (p === null || p === undefined || !Number.isFinite(p)) return MISSING_VALUE;
  return p < 0.001 ? `< ${formatDecimal(0.001, 3, locale)}` : formatDecimal(p, 3, locale);
}
