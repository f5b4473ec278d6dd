/**
 * Indonesian numbers are written 0812…, +62 812… or 62812…; all become 62812… so one person cannot
 * register twice by writing their number differently. Null when it is not a plausible number.
 */
export function normalizePhone(raw: string): string | null {
  const digits = raw.replace(/[\s\-().]/g, '');
  if (!/^\+?\d+$/.test(digits)) return null;
  let normalized = digits.replace(/^\+/, '');
  if (normalized.startsWith('0')) normalized = `62${normalized.slice(1)}`;
  return normalized.length >= 9 && normalized.length <= 15 ? normalized : null;
}
