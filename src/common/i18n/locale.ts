export type Locale = 'id' | 'en';

/** Bahasa Indonesia unless the client prefers English (PRODUCT.md: messages in the user's language). */
export function localeFromAcceptLanguage(header: string | string[] | undefined): Locale {
  const value = Array.isArray(header) ? header[0] : header;
  if (!value) return 'id';
  const preferred = value
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { tag: tag.toLowerCase(), q: q ? Number(q.slice(2)) : 1 };
    })
    .filter((entry) => entry.tag.startsWith('id') || entry.tag.startsWith('en') || entry.tag.startsWith('in'))
    .sort((a, b) => b.q - a.q)[0];
  return preferred?.tag.startsWith('en') ? 'en' : 'id';
}

export type Localized = Record<Locale, string>;

/** Fills `{name}` placeholders; missing values stay visible rather than vanish. */
export function interpolate(template: string, params: Record<string, unknown> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) =>
    key in params ? String(params[key]) : whole,
  );
}
