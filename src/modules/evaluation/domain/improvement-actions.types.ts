import type { KpiDirection } from './kpi-change';

export type ImprovementActionKind =
  | 're-teach-topic'
  | 'compress-topic'
  | 'revise-item'
  | 'replace-item'
  | 'fix-delivery'
  | 'follow-up-coaching'
  | 'investigate-access'
  | 'support-transfer'
  | 'feedback-idea';

export interface ImprovementAction {
  kind: ImprovementActionKind;
  /** A topic, test item, survey item or KPI key; a feedback idea's id; 'cohort' for attrition. */
  target: string;
  /** 0–1, highest first. */
  priority: number;
  /** Short English, machine-friendly, with the numbers that triggered the rule. */
  reason: string;
  /** What people call the target (topic title, item prompt, KPI label), for sentences. */
  label: string;
  /** The numbers behind the rule; a `…Threshold` entry names each condition that fired. */
  values: Record<string, number>;
  /** Open comments from the same survey, for delivery fixes. */
  comments?: string[];
}

export interface TopicGainInput {
  key: string;
  title: string;
  preMean: number | null;
  postMean: number | null;
  normalizedGain: number | null;
}

export interface ItemQualityInput {
  key: string;
  label?: string;
  difficultyPre: number | null;
  /** Share correct on the post-test; an item everyone answered correctly cannot discriminate, and that is no flaw. */
  difficultyPost?: number | null;
  discrimination: number | null;
  itemRest: number | null;
}

export interface SurveyItemInput {
  key: string;
  label?: string;
  topTwoBox: number | null;
  comments?: readonly string[];
}

export interface BehaviourItemInput {
  key: string;
  label?: string;
  shareApplying: number | null;
}

export interface KpiResultInput {
  key: string;
  label?: string;
  medianPctChange: number | null;
  direction?: KpiDirection;
}

/** Ideas from the cohort's feedback campaign, best first. */
export interface FeedbackIdeaInput {
  id: string;
  title: string;
  score?: number;
}

export interface ImprovementInput {
  topics: readonly TopicGainInput[];
  items: readonly ItemQualityInput[];
  surveyItems: readonly SurveyItemInput[];
  behaviourItems: readonly BehaviourItemInput[];
  /** 1 − n_paired/n_pre, as a fraction. */
  attrition: number | null;
  kpis: readonly KpiResultInput[];
  /** The cohort's class-average ⟨g⟩. */
  learningGain: number | null;
  feedbackIdeas?: readonly FeedbackIdeaInput[];
}

/** ALGORITHMS.md §5 "Improvement actions" defaults; percentages 0–100, gains and attrition 0–1. */
export interface ImprovementThresholds {
  reteachBelowGain: number;
  reteachBelowPostMean: number;
  compressFromGain: number;
  compressFromPreMean: number;
  reviseBelowDiscrimination: number;
  replaceAboveDifficulty: number;
  fixDeliveryBelowTopTwoBox: number;
  coachBelowShareApplying: number;
  investigateAboveAttrition: number;
  /** "High learning gain" for the transfer rule: ⟨g⟩ at least Hake's medium band. */
  transferFromGain: number;
  maxComments: number;
}
