import { formatDecimal, formatPercent, formatPValue, formatSignedPercent, MISSING_VALUE } from './number-format';

describe('number formatting', () => {
  it.each([
    [0.1714, 2, 'id', '0,17'],
    [0.1714, 2, 'en', '0.17'],
    [1234567.891, 1, 'id', '1.234.567,9'],
    [1234567.891, 1, 'en', '1,234,567.9'],
    [-12.7, 1, 'id', '-12,7'],
    [-0.001, 2, 'id', '0,00'],
    [53, 0, 'id', '53'],
    [999.96, 1, 'en', '1,000.0'],
  ] as const)('formats %d with %i decimals in %s as %s', (value, digits, locale, text) => {
    expect(formatDecimal(value, digits, locale)).toBe(text);
  });

  it.each([null, undefined, Number.NaN, Number.POSITIVE_INFINITY])('prints %s as a dash', (value) => {
    expect(formatDecimal(value, 2)).toBe(MISSING_VALUE);
    expect(formatPercent(value, 1)).toBe(MISSING_VALUE);
    expect(formatSignedPercent(value, 1)).toBe(MISSING_VALUE);
    expect(formatPValue(value)).toBe(MISSING_VALUE);
  });

  it.each([
    [22.44898, 'id', '+22,4%'],
    [-25, 'en', '-25.0%'],
    [0, 'en', '0.0%'],
  ] as const)('signs the change %d in %s as %s', (value, locale, text) => {
    expect(formatSignedPercent(value, 1, locale)).toBe(text);
  });

  it.each([
    [0.00105898, 'id', '0,001'],
    [0.0007, 'id', '< 0,001'],
    [0.053004, 'en', '0.053'],
  ] as const)('formats p %d in %s as %s', (p, locale, text) => {
    expect(formatPValue(p, locale)).toBe(text);
  });

  it('defaults to Indonesian', () => {
    expect(formatPercent(62.7, 1)).toBe('62,7%');
  });
});
