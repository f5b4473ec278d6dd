import { LRUCache } from 'lru-cache';
import { jaccard, normalizeText, shinglesOf } from './text-normalization';

/** Content rules of ALGORITHMS.md §2; each is a small pure check, run together by `checkContent`. */
export type ContentRule = 'title-length' | 'description-length' | 'too-many-links' | 'blocked-term' | 'restates-problem-statement';

/** `message` is English for logs and clients without a locale; the i18n layer localises by `rule` and `params`. */
export interface ContentViolation {
  rule: ContentRule;
  message: string;
  params: Record<string, string | number>;
}

export interface ContentInput {
  title: string;
  description: string;
  /** The campaign's own problem statement, which a description must not merely repeat. */
  problemStatement?: string;
}

export interface LengthRange {
  min: number;
  max: number;
}

/** Field names match the campaign rules, so a campaign's rules can be passed as they are. */
export interface ContentLimits {
  titleLength: LengthRange;
  descriptionLength: LengthRange;
  maxLinks: number;
  blockedTerms: readonly string[];
  problemStatementThreshold: number;
}

export const DEFAULT_CONTENT_LIMITS: ContentLimits = {
  titleLength: { min: 10, max: 120 },
  descriptionLength: { min: 30, max: 4000 },
  maxLinks: 2,
  blockedTerms: [],
  problemStatementThreshold: 0.6,
};

/** Code points, as PostgreSQL counts characters (an emoji is one, not two UTF-16 units). */
function codePoints(text: string): number {
  return [...text.trim()].length;
}

function checkLength(rule: 'title-length' | 'description-length', field: string, text: string, range: LengthRange): ContentViolation[] {
  const length = codePoints(text);
  if (length >= range.min && length <= range.max) return [];
  return [{ rule, message: `${field} must be ${range.min}-${range.max} characters, got ${length}`, params: { field, min: range.min, max: range.max, length } }];
}

export function checkTitleLength(title: string, range: LengthRange = DEFAULT_CONTENT_LIMITS.titleLength): ContentViolation[] {
  return checkLength('title-length', 'title', title, range);
}

export function checkDescriptionLength(description: string, range: LengthRange = DEFAULT_CONTENT_LIMITS.descriptionLength): ContentViolation[] {
  return checkLength('description-length', 'description', description, range);
}

const EXPLICIT_LINK = /\b(?:https?:\/\/|www\.)[^\s<>"]+/giu;
/**
 * A bare domain (bit.ly/x, s.id/promo, wa.me/62812…, toko.co.id) ends in a TLD that link spam uses;
 * a closed list keeps Indonesian abbreviations such as "dll.", "no.hp" or "Rp50.000" from counting.
 */
const LINK_TLDS = 'com|net|org|id|co|ly|me|io|gl|gd|gg|cc|to|tv|link|info|biz|xyz|app|site|online|store|shop|top|click|page|my|sg';
const BARE_DOMAIN = new RegExp(`(?<![\\p{L}\\p{N}@._-])(?:[\\p{L}\\p{N}-]+\\.)+(?:${LINK_TLDS})(?![\\p{L}\\p{N}-])(?:\\/[^\\s<>"]*)?`, 'giu');
/**
 * What every link contains: "http", "www." or a dot before a listed TLD. Looking for those alone is a
 * quick scan, where the bare-domain pattern tries every word of the text as a domain's first label.
 */
const LINK_MARK = new RegExp(`http|www\\.|\\.(?:${LINK_TLDS})(?![\\p{L}\\p{N}-])`, 'u');

/** Explicit links first, then bare domains in what is left, so "https://bit.ly/x" counts once. */
export function countLinks(text: string): number {
  const lowered = text.normalize('NFKC').toLowerCase();
  if (!LINK_MARK.test(lowered)) return 0;
  const explicit = lowered.match(EXPLICIT_LINK) ?? [];
  const rest = lowered.replace(EXPLICIT_LINK, ' ');
  return explicit.length + (rest.match(BARE_DOMAIN) ?? []).length;
}

export function checkLinkCount(text: string, maxLinks: number = DEFAULT_CONTENT_LIMITS.maxLinks): ContentViolation[] {
  const links = countLinks(text);
  if (links <= maxLinks) return [];
  return [{ rule: 'too-many-links', message: `at most ${maxLinks} links are allowed, got ${links}`, params: { max: maxLinks, links } }];
}

/** Whole words after normalisation on both sides, so "JUDI-online!" matches the term "judi online" but "judikatif" does not. */
export function findBlockedTerms(text: string, blockedTerms: readonly string[]): string[] {
  const padded = ` ${normalizeText(text)} `;
  const found = new Set<string>();
  for (const term of blockedTerms) {
    const normalized = normalizeText(term);
    if (normalized.length > 0 && padded.includes(` ${normalized} `)) found.add(normalized);
  }
  return [...found];
}

export function checkBlockedTerms(text: string, blockedTerms: readonly string[] = DEFAULT_CONTENT_LIMITS.blockedTerms): ContentViolation[] {
  return findBlockedTerms(text, blockedTerms).map((term) => ({ rule: 'blocked-term', message: `contains the blocked term "${term}"`, params: { term } }));
}

/** The grams of the problem statements checked lately: every idea of a campaign is compared with the same one. */
const statementGrams = new LRUCache<string, Set<string>>({ max: 64 });

function gramsOfStatement(problemStatement: string): Set<string> {
  let grams = statementGrams.get(problemStatement);
  if (!grams) statementGrams.set(problemStatement, (grams = shinglesOf(problemStatement)));
  return grams;
}

/** ALGORITHMS.md §2: a description that is mostly the campaign's own problem statement is no idea. */
export function checkRestatesProblemStatement(
  description: string,
  problemStatement: string | undefined,
  threshold: number = DEFAULT_CONTENT_LIMITS.problemStatementThreshold,
): ContentViolation[] {
  if (problemStatement === undefined) return [];
  const similarity = jaccard(shinglesOf(description), gramsOfStatement(problemStatement));
  if (similarity < threshold) return [];
  return [
    {
      rule: 'restates-problem-statement',
      message: `description repeats the campaign's problem statement (similarity ${similarity.toFixed(2)} >= ${threshold})`,
      params: { similarity, threshold },
    },
  ];
}

export type ContentRuleCheck = (input: ContentInput, limits: ContentLimits) => ContentViolation[];

/** Every rule, in the order violations are reported. */
export const CONTENT_RULES: readonly ContentRuleCheck[] = [
  (input, limits) => checkTitleLength(input.title, limits.titleLength),
  (input, limits) => checkDescriptionLength(input.description, limits.descriptionLength),
  (input, limits) => checkLinkCount(`${input.title}\n${input.description}`, limits.maxLinks),
  (input, limits) => checkBlockedTerms(`${input.title}\n${input.description}`, limits.blockedTerms),
  (input, limits) => checkRestatesProblemStatement(input.description, input.problemStatement, limits.problemStatementThreshold),
];

/** Runs every rule and returns every violation, so a contributor can fix them all at once. */
export function checkContent(input: ContentInput, limits: Partial<ContentLimits> = {}, rules: readonly ContentRuleCheck[] = CONTENT_RULES): ContentViolation[] {
  const settings: ContentLimits = { ...DEFAULT_CONTENT_LIMITS, ...limits };
  return rules.flatMap((rule) => rule(input, settings));
}
