import type { CampaignRules } from '../campaigns/domain/campaign-rules';
import type { ContentViolation } from './domain/content-rules';
import type { Coverage, ReservationNumber } from './domain/near-duplicate-engine';
import type { SimilarIdea } from './domain/near-duplicates';

/** Why an idea waits for a moderator instead of being published at once. */
export type HoldReason = 'pre-moderation' | 'duplicate' | 'low-reputation';

/** PRODUCT.md's idea shape: what each rule found, stored with the idea and shown to its author and owners. */
export interface QualityReport {
  duplicateOf: SimilarIdea | null;
  similar: SimilarIdea[];
  violations: Array<{ rule: string; message: string }>;
  holdReasons: HoldReason[];
}

/** The statuses quality control decides between; the rest belong to moderation and judging. */
export type AssessedStatus = 'published' | 'pending' | 'hidden';

export type QualityRules = Pick<
  CampaignRules,
  'moderation' | 'titleLength' | 'descriptionLength' | 'maxLinks' | 'blockedTerms' | 'duplicateThreshold' | 'similarThreshold'
>;

export interface SubmissionInput {
  rules: QualityRules;
  problemStatement: string;
  campaignId: string;
  authorId: string;
  title: string;
  description: string;
}

/** A new idea, under the id it will be written with: the near-duplicate index enters it as it checks it. */
export interface NewIdeaInput extends SubmissionInput {
  ideaId: string;
}

export interface RevisionInput extends SubmissionInput {
  ideaIdToIgnore: string;
  /** Only ideas submitted before the revised one can be its original (ALGORITHMS.md §1). */
  submittedAt: Date;
  currentStatus: string;
}

/** A content violation as an error detail: the field it concerns, so a form can point at it. */
export interface ViolationDetail extends ContentViolation {
  field: 'title' | 'description';
}

/** The outcome of assessing a text, carried into the idea's transaction to be settled and recorded there. */
export interface Assessment {
  campaignId: string;
  authorId: string;
  status: AssessedStatus;
  report: QualityReport;
  /** The previous status of a revised idea; null for a new one. */
  fromStatus: string | null;
  /** @internal what settling in the transaction needs. */
  basis: AssessmentBasis;
}

export interface AssessmentBasis {
  /**
   * The grams as the JSON text their fingerprint stores: one string crosses to the SQLite write thread
   * as one copy, and is written as it is; the re-check parses it only when an idea written meanwhile
   * comes near.
   */
  gramsJson: string;
  /** The grams' sorted distinct hashes (`hashGrams`): what the index and the re-check filter compare. */
  hashes: Uint32Array;
  /**
   * The ideas the index proposed, strongest first. They are compared exactly on their stored grams in
   * the idea's transaction, where the SQLite writer reads them from a warm cache.
   */
  finalists: string[];
  seenVersion: number;
  /**
   * The new ideas, not yet written, that the index compared with this one too: written meanwhile, they
   * need no second look in the transaction (`covers`).
   */
  coverage: Coverage | null;
  /** This idea's own place among them, for the transactions that follow it. */
  reservation: ReservationNumber | null;
  ignoreId: string | null;
  submittedAt: number | null;
  thresholds: Pick<QualityRules, 'duplicateThreshold' | 'similarThreshold' | 'moderation'>;
  lowReputation: boolean;
  /** The fingerprint version the transaction took; set by `settle`. */
  version: number | null;
}
