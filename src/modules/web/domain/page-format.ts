import { interpolate, Locale } from '../../../common/i18n/locale';
import type { WebTexts } from './web-texts';

export interface TallyView {
  up: number;
  down: number;
  ratings: number;
  mean: number | null;
  voters: number;
}

export type VoteMode = 'up' | 'updown' | 'rating';

export const LANGUAGE_TAG: Record<Locale, string> = { id: 'id-ID', en: 'en-GB' };

/**
 * Deadlines in Western Indonesian Time, labelled: the service keeps no time zone per business, and
 * most UMKM (and the example community) are in WIB.
 */
export function formatDeadline(iso: string, locale: Locale, texts: WebTexts): string {
  const formatted = new Intl.DateTimeFormat(LANGUAGE_TAG[locale], { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Jakarta' }).format(new Date(iso));
  return `${formatted} ${texts.timeZone}`;
}

/** Rupiah as Indonesians write it whatever the page language: Rp 1.500.000. */
export function formatRupiah(amount: number): string {
  return `Rp ${new Intl.NumberFormat('id-ID', { maximumFractionDigits: 0 }).format(amount)}`;
}

/** What a tally means to a customer in the campaign's vote mode, e.g. "12 dukungan" or "★ 4,2 (9 penilaian)". */
export function describeTally(tally: TallyView, mode: VoteMode, locale: Locale, texts: Pick<WebTexts, 'tally'>): string {
  const mean = tally.mean === null ? '–' : new Intl.NumberFormat(LANGUAGE_TAG[locale], { maximumFractionDigits: 1 }).format(tally.mean);
  return interpolate(texts.tally[mode], { ...tally, mean });
}

/** A preview text for link cards and meta descriptions: whole words, at most `max` characters. */
export function excerpt(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  // By code points, so an emoji is never cut in half.
  const characters = Array.from(flat);
  if (characters.length <= max) return flat;
  const cut = characters.slice(0, max - 1).join('');
  const lastSpace = cut.lastIndexOf(' ');
  return `${(lastSpace > max / 2 ? cut.slice(0, lastSpace) : cut).trimEnd()}…`;
}
