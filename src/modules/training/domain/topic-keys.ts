import type { ProgramTopic } from './training.types';

const MAX_KEY_LENGTH = 40;

/** A readable ASCII key from a title: "Pembukuan Sederhana!" → "pembukuan-sederhana". */
export function slugifyTopicTitle(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX_KEY_LENGTH)
    .replace(/-+$/g, '');
  return /^[a-z]/.test(slug) ? slug : `topik-${slug}`.slice(0, MAX_KEY_LENGTH).replace(/-+$/g, '');
}

/**
 * Topics from the needs campaign's ranked ideas, best first: each idea title becomes a topic whose
 * key is its slug, numbered when two titles slug alike so keys stay unique.
 */
export function topicsFromTitles(titles: readonly string[]): ProgramTopic[] {
  const taken = new Set<string>();
  return titles.map((raw) => {
    const title = raw.trim();
    const base = slugifyTopicTitle(title);
    let key = base;
    for (let n = 2; taken.has(key); n++) key = `${base.slice(0, MAX_KEY_LENGTH - String(n).length - 1)}-${n}`;
    taken.add(key);
    return { key, title };
  });
}
