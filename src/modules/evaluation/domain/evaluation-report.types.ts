import type { FeedbackIdeaInput, ImprovementAction, ImprovementThresholds } from './improvement-actions.types';
import type { KpiDirection } from './kpi-change';
import type { LikertSummary } from './likert-analysis';
import type { HakeClass, PairedTTest } from './paired-analysis';
import type { WelchTTest } from './welch-comparison';
import type { WilcoxonMethod } from './wilcoxon-signed-rank';

/* ---------- Input: plain data the evaluation service loads for one cohort ---------- */

export type AnswerValue = string | number | null;

export interface Answer {
  itemKey: string;
  value: AnswerValue;
}

/** One participant's response to one instrument (PRODUCT.md response input). */
export interface ParticipantResponse {
  participantId: string;
  answers: readonly Answer[];
}

export interface TestItemDefinition {
  key: string;
  /** Key of a program topic. */
  topic: string;
  choices: readonly string[];
  /** One of `choices`. */
  correct: string;
  points: number;
}

export interface TestInstrumentInput {
  items: readonly TestItemDefinition[];
  responses: readonly ParticipantResponse[];
}

export interface ProgramTopic {
  key: string;
  title: string;
}

export type SurveyLevel = 'reaction' | 'behaviour';

export interface SurveyItemDefinition {
  key: string;
  type: 'likert' | 'text';
  level: SurveyLevel;
  prompt?: string;
}

export interface SurveyInstrumentInput {
  key: string;
  items: readonly SurveyItemDefinition[];
  responses: readonly ParticipantResponse[];
}

export interface KpiItemDefinition {
  key: string;
  label: string;
  unit: string;
  /** Default 'higher-is-better'; cost per lead or staff turnover are 'lower-is-better'. */
  direction?: KpiDirection;
}

export interface KpiInstrumentInput {
  items: readonly KpiItemDefinition[];
  responses: readonly ParticipantResponse[];
}

/** Previous cohort's individual topic gains (post − pre, percentage points) for the comparison. */
export interface PreviousCohortInput {
  cohortId: string;
  participants: readonly { participantId: string; topicGains: Readonly<Record<string, number | null>> }[];
}

export interface EvaluationInput {
  cohortId: string;
  /** Enrolled participants; responses from anyone else are ignored. */
  participantIds: readonly string[];
  topics: readonly ProgramTopic[];
  pretest: TestInstrumentInput | null;
  posttest: TestInstrumentInput | null;
  surveys?: readonly SurveyInstrumentInput[];
  kpi?: { baseline: KpiInstrumentInput; followup: KpiInstrumentInput } | null;
  previousCohort?: PreviousCohortInput | null;
  /** Top ideas of the cohort's feedback campaign, best first. */
  feedbackIdeas?: readonly FeedbackIdeaInput[];
  thresholds?: Partial<ImprovementThresholds>;
}

/* ---------- Output: the PRODUCT.md Evaluation shape, plus a few welcome extras ---------- */

export interface Participation {
  enrolled: number;
  nPre: number;
  nPost: number;
  nPaired: number;
  /** 1 − n_paired/n_pre as a fraction (0–1); null without pre-tests. */
  attrition: number | null;
}

export interface SurveyItemSummary extends LikertSummary {
  key: string;
  instrumentKey: string;
  prompt: string | null;
}

export interface BehaviourItemSummary extends SurveyItemSummary {
  /** Share answering 4 or 5 ("I apply this"), in percent. */
  shareApplying: number | null;
}

export interface SurveyComments {
  key: string;
  instrumentKey: string;
  prompt: string | null;
  texts: string[];
}

export interface TopicSummary {
  key: string;
  title: string;
  /** Paired participants with a score on this topic in both tests. */
  n: number;
  preMean: number | null;
  postMean: number | null;
  meanGain: number | null;
  normalizedGain: number | null;
}

export interface TestItemSummary {
  key: string;
  topic: string;
  /** Share correct on the pre-test (0–1), all pre-test takers. */
  difficultyPre: number | null;
  /** Share correct on the post-test (0–1), all post-test takers. */
  difficultyPost: number | null;
  /** Post-test D (upper − lower 27 %). */
  discrimination: number | null;
  /** Post-test item–rest correlation. */
  itemRest: number | null;
}

/** A histogram bin of individual gains in percentage points, [from, to). */
export interface GainBin {
  from: number;
  to: number;
  count: number;
}

export interface LearningSection {
  preMean: number | null;
  postMean: number | null;
  meanGain: number | null;
  medianGain: number | null;
  sdGain: number | null;
  /** Hake's class-average ⟨g⟩, from the class means. */
  normalizedGain: number | null;
  normalizedGainClass: HakeClass | null;
  /** g_ave, the mean of individual normalised gains (participants below 100 % pre). */
  averageIndividualGain: number | null;
  dz: number | null;
  dav: number | null;
  tTest: PairedTTest;
  wilcoxon: { wPlus: number | null; m: number; p: number | null; method: WilcoxonMethod | null };
  /** KR-20 of the post-test. */
  kr20: number | null;
  kr20Pre: number | null;
  topics: TopicSummary[];
  items: TestItemSummary[];
  gainDistribution: GainBin[];
}

export interface KpiSummary {
  key: string;
  label: string;
  unit: string;
  direction: KpiDirection;
  n: number;
  medianPctChange: number | null;
  improved: number;
  improvedShare: number | null;
  /** ΣA/ΣB − 1 in percent, dominated by the largest businesses. */
  aggregatePctChange: number | null;
  /** Businesses starting from 0, whose change is only reported as symmetric % change. */
  symmetricPctChanges: number[];
  baselineMean: number | null;
  followupMean: number | null;
}

export interface TopicComparison {
  key: string;
  title: string;
  nCurrent: number;
  nPrevious: number;
  currentMeanGain: number | null;
  previousMeanGain: number | null;
  /** Current minus previous mean individual gain, percentage points. */
  gainDelta: number | null;
  welch: WelchTTest;
  hedgesG: number | null;
  /** p < 0.05 and |g| ≥ 0.3 (ALGORITHMS.md §5). */
  countsAsReal: boolean;
}

export interface CohortComparison {
  previousCohortId: string;
  topics: TopicComparison[];
}

export interface EvaluationReport {
  cohortId: string;
  participation: Participation;
  reaction: { items: SurveyItemSummary[]; alpha: number | null; comments: SurveyComments[] };
  learning: LearningSection;
  behaviour: { items: BehaviourItemSummary[]; comments: SurveyComments[] };
  results: { kpis: KpiSummary[] };
  actions: ImprovementAction[];
  comparison: CohortComparison | null;
}

/** One line of the CSV export; scores in percent, null where the participant has no test. */
export interface ParticipantRow {
  participantId: string;
  pre: number | null;
  post: number | null;
  gain: number | null;
  topics: Record<string, { pre: number | null; post: number | null }>;
}
