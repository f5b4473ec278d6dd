/** Per-campaign rules and incentives with the defaults of PRODUCT.md and ALGORITHMS.md §2–4. */
export const CAMPAIGN_KINDS = ['product', 'needs', 'feedback'] as const;
export type CampaignKind = (typeof CAMPAIGN_KINDS)[number];
export const VOTE_MODES = ['up', 'updown', 'rating'] as const;
export type VoteMode = (typeof VOTE_MODES)[number];
export const MODERATION_MODES = ['pre', 'post'] as const;
export type ModerationMode = (typeof MODERATION_MODES)[number];

export interface Criterion {
  key: string;
  weight: number;
}

export interface CampaignRules {
  moderation: ModerationMode;
  maxIdeasPerContributor: number;
  voteMode: VoteMode;
  crowdWeight: number;
  juryWeight: number;
  criteria: Criterion[];
  titleLength: { min: number; max: number };
  descriptionLength: { min: number; max: number };
  maxLinks: number;
  blockedTerms: string[];
  duplicateThreshold: number;
  similarThreshold: number;
  flagHideThreshold: number;
}

export interface Prize {
  rank: number;
  amount: number;
}

export interface CampaignIncentives {
  currency: 'IDR';
  prizes: Prize[];
  points: { published: number; shortlisted: number; winner: number };
}

export const DEFAULT_RULES: CampaignRules = {
  moderation: 'post',
  maxIdeasPerContributor: 3,
  voteMode: 'up',
  crowdWeight: 1,
  juryWeight: 0,
  criteria: [],
  titleLength: { min: 10, max: 120 },
  descriptionLength: { min: 30, max: 4000 },
  maxLinks: 2,
  blockedTerms: [],
  duplicateThreshold: 0.7,
  similarThreshold: 0.4,
  flagHideThreshold: 3,
};

export const DEFAULT_INCENTIVES: CampaignIncentives = {
  currency: 'IDR',
  prizes: [],
  points: { published: 10, shortlisted: 20, winner: 50 },
};

/** With jury criteria but no weights given, ALGORITHMS.md §3's 0.4 crowd / 0.6 jury applies. */
export function resolveRules(input: Partial<CampaignRules> = {}): CampaignRules {
  const rules = { ...DEFAULT_RULES, ...input };
  const hasJury = rules.criteria.length > 0;
  if (hasJury && input.crowdWeight === undefined && input.juryWeight === undefined) {
    return { ...rules, crowdWeight: 0.4, juryWeight: 0.6 };
  }
  return rules;
}

export type IncentivesInput = Partial<Omit<CampaignIncentives, 'points'>> & { points?: Partial<CampaignIncentives['points']> };

export function resolveIncentives(input: IncentivesInput = {}): CampaignIncentives {
  return {
    ...DEFAULT_INCENTIVES,
    ...input,
    points: { ...DEFAULT_INCENTIVES.points, ...(input.points ?? {}) },
    prizes: [...(input.prizes ?? [])].sort((a, b) => a.rank - b.rank),
  };
}

export type RulesProblem = 'weights-sum' | 'criteria-weights-sum' | 'duplicate-criteria' | 'duplicate-prize-rank' | 'thresholds-order' | 'length-order';

/** Checks that only make sense across fields; single-field ranges are checked by the DTO. */
export function findRulesProblems(rules: CampaignRules, incentives: CampaignIncentives): RulesProblem[] {
  const problems: RulesProblem[] = [];
  if (Math.abs(rules.crowdWeight + rules.juryWeight - 1) > 1e-9) problems.push('weights-sum');
  if (rules.criteria.length > 0 && Math.abs(rules.criteria.reduce((s, c) => s + c.weight, 0) - 1) > 1e-6) {
    problems.push('criteria-weights-sum');
  }
  if (new Set(rules.criteria.map((c) => c.key)).size !== rules.criteria.length) problems.push('duplicate-criteria');
  if (new Set(incentives.prizes.map((p) => p.rank)).size !== incentives.prizes.length) problems.push('duplicate-prize-rank');
  if (rules.similarThreshold > rules.duplicateThreshold) problems.push('thresholds-order');
  if (rules.titleLength.min > rules.titleLength.max || rules.descriptionLength.min > rules.descriptionLength.max) {
    problems.push('length-order');
  }
  return problems;
}

/** Fields that shape the outcome; they freeze once voting starts. */
export const OUTCOME_RULE_FIELDS: ReadonlyArray<keyof CampaignRules> = ['voteMode', 'crowdWeight', 'juryWeight', 'criteria'];
