import { Grams, isGramList, jaccard } from './text-normalization';

/** ALGORITHMS.md §1 bands: ≥ duplicate goes to moderation, [similar, duplicate) is shown, below is silent. */
export type SimilarityBand = 'duplicate' | 'similar' | 'none';

export interface SimilarityThresholds {
  duplicateThreshold: number;
  similarThreshold: number;
}

export interface NearDuplicateOptions extends SimilarityThresholds {
  /** How many similar ideas the report names (ALGORITHMS.md §1: top 3). */
  maxSimilar: number;
  /**
   * When the candidate already exists (a revision), ideas submitted after it cannot be its original;
   * they are listed as similar instead. Omitted for a new submission: every existing idea is earlier.
   */
  candidateSubmittedAt?: number;
}

export const DEFAULT_NEAR_DUPLICATE_OPTIONS: NearDuplicateOptions = { duplicateThreshold: 0.7, similarThreshold: 0.4, maxSimilar: 3 };

export interface ExistingIdeaGrams {
  id: string;
  /** Its distinct grams: a set, or a stored list as it was read (distinct, as it was written from a set). */
  grams: Grams;
  /** The grams' sorted distinct hashes, when the reader has them: a cheap first look before the exact Jaccard. */
  hashes?: Uint32Array;
  /** Epoch milliseconds. */
  submittedAt: number;
}

export interface SimilarIdea {
  ideaId: string;
  similarity: number;
}

export interface NearDuplicateReport {
  duplicateOf: SimilarIdea | null;
  similar: SimilarIdea[];
}

export function classifySimilarity(similarity: number, thresholds: SimilarityThresholds = DEFAULT_NEAR_DUPLICATE_OPTIONS): SimilarityBand {
  if (similarity >= thresholds.duplicateThreshold) return 'duplicate';
  if (similarity >= thresholds.similarThreshold) return 'similar';
  return 'none';
}

interface Match extends SimilarIdea {
  submittedAt: number;
}

/** Most similar first; at equal similarity the earlier idea, which is the original; then by id. */
function byStrongestClaim(a: Match, b: Match): number {
  return b.similarity - a.similarity || a.submittedAt - b.submittedAt || (a.ideaId < b.ideaId ? -1 : a.ideaId > b.ideaId ? 1 : 0);
}

/**
 * ALGORITHMS.md §1: the most similar earlier idea at or above the duplicate threshold is named as
 * the original; the strongest remaining matches at or above the similar threshold (a second
 * near-duplicate included, so the moderator sees it) are listed, at most `maxSimilar`.
 */
export function findNearDuplicates(
  candidateGrams: ReadonlySet<string>,
  existing: readonly ExistingIdeaGrams[],
  options: Partial<NearDuplicateOptions> = {},
): NearDuplicateReport {
  const settings = { ...DEFAULT_NEAR_DUPLICATE_OPTIONS, ...options };
  const matches: Match[] = [];
  for (const idea of existing) {
    const similarity = jaccardWith(candidateGrams, idea.grams);
    if (classifySimilarity(similarity, settings) !== 'none') matches.push({ ideaId: idea.id, similarity, submittedAt: idea.submittedAt });
  }
  matches.sort(byStrongestClaim);
  const canBeOriginal = (m: Match) =>
    classifySimilarity(m.similarity, settings) === 'duplicate' &&
    (settings.candidateSubmittedAt === undefined || m.submittedAt < settings.candidateSubmittedAt);
  const original = matches.find(canBeOriginal) ?? null;
  const similar = matches.filter((m) => m !== original).slice(0, Math.max(0, settings.maxSimilar));
  return { duplicateOf: original && toSimilarIdea(original), similar: similar.map(toSimilarIdea) };
}

/** Jaccard of the candidate and an idea; a list is scanned against the candidate's set, which is cheaper than making a set of it. */
function jaccardWith(candidate: ReadonlySet<string>, grams: Grams): number {
  if (!isGramList(grams)) return jaccard(candidate, grams);
  let shared = 0;
  for (const gram of grams) if (candidate.has(gram)) shared++;
  const union = candidate.size + grams.length - shared;
  return union === 0 ? 0 : shared / union;
}

function toSimilarIdea(match: Match): SimilarIdea {
  return { ideaId: match.ideaId, similarity: match.similarity };
}
