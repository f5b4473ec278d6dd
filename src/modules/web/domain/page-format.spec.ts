import { describeTally, excerpt, formatDeadline, formatRupiah } from './page-format';
import { pageLocale, WEB_TEXTS } from './web-texts';

describe('formatRupiah', () => {
  it.each([
    [1500000, 'Rp 1.500.000'],
    [500, 'Rp 500'],
    [0, 'Rp 0'],
  ])('%d → %s', (amount, text) => expect(formatRupiah(amount)).toBe(text));
});

describe('formatDeadline', () => {
  it('shows the time in Western Indonesian Time, labelled', () => {
    // 17:00 UTC is midnight in Jakarta: the date moves to the next day.
    expect(formatDeadline('2026-03-07T17:00:00.000Z', 'id', WEB_TEXTS.id)).toMatch(/^8 Mar 2026.*00[.:]00 WIB$/);
    expect(formatDeadline('2026-03-07T17:00:00.000Z', 'en', WEB_TEXTS.en)).toMatch(/^8 Mar 2026.*00:00 WIB$/);
  });
});

describe('describeTally', () => {
  const tally = { up: 12, down: 3, ratings: 9, mean: 4.25, voters: 15 };
  it.each([
    ['up', 'id', '12 dukungan'],
    ['updown', 'id', '12 dukungan · 3 tidak setuju'],
    ['rating', 'id', '★ 4,3 (9 penilaian)'],
    ['rating', 'en', '★ 4.3 (9 ratings)'],
  ] as const)('%s in %s → %s', (mode, locale, text) => expect(describeTally(tally, mode, locale, WEB_TEXTS[locale])).toBe(text));

  it('shows a dash for a rating nobody gave yet', () => {
    expect(describeTally({ ...tally, ratings: 0, mean: null }, 'rating', 'id', WEB_TEXTS.id)).toBe('★ – (0 penilaian)');
  });
});

describe('excerpt', () => {
  it('keeps short text whole and flattens its whitespace', () => {
    expect(excerpt('  Kemasan\n\nbaru  ', 200)).toBe('Kemasan baru');
  });

  it('cuts long text at a word and marks the cut', () => {
    const text = 'kemasan zipper bening supaya keripik tetap renyah sampai di rumah pembeli';
    const cut = excerpt(text, 30);
    expect(Array.from(cut).length).toBeLessThanOrEqual(30);
    expect(cut).toBe('kemasan zipper bening supaya…');
  });

  it('never cuts an emoji in half', () => {
    const cut = excerpt('🍌'.repeat(50), 10);
    expect(cut).toBe(`${'🍌'.repeat(9)}…`);
    expect(cut).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });
});

describe('pageLocale', () => {
  it.each([
    ['en', 'id', 'en'],
    ['id', 'en', 'id'],
    [undefined, 'en', 'en'],
    ['fr', 'id', 'id'],
    [['en'], 'id', 'id'],
  ] as const)('lang %p with the browser at %s → %s', (lang, header, locale) => expect(pageLocale(lang, header)).toBe(locale));
});
