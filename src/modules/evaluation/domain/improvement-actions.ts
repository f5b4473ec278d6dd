import { clampUnit } from './descriptive-statistics';
import type {
  BehaviourItemInput,
  FeedbackIdeaInput,
  ImprovementAction,
  ImprovementActionKind,
  ImprovementInput,
  ImprovementThresholds,
  ItemQualityInput,
  KpiResultInput,
  SurveyItemInput,
  TopicGainInput,
} from './improvement-actions.types';
import { medianChangeInGoodDirection } from './kpi-change';

export type {
  BehaviourItemInput,
  FeedbackIdeaInput,
  ImprovementAction,
  ImprovementActionKind,
  ImprovementInput,
  ImprovementThresholds,
  ItemQualityInput,
  KpiResultInput,
  SurveyItemInput,
  TopicGainInput,
} from './improvement-actions.types';

export const DEFAULT_IMPROVEMENT_THRESHOLDS: ImprovementThresholds = {
  reteachBelowGain: 0.3,
  reteachBelowPostMean: 70,
  compressFromGain: 0.7,
  compressFromPreMean: 80,
  reviseBelowDiscrimination: 0.2,
  replaceAboveDifficulty: 0.9,
  fixDeliveryBelowTopTwoBox: 60,
  coachBelowShareApplying: 50,
  investigateAboveAttrition: 0.2,
  transferFromGain: 0.3,
  maxComments: 5,
};

/**
 * Priorities (0–1). Re-teaching is 1 − ⟨g⟩ (ALGORITHMS.md); the others are ours, placed against
 * that scale by how much of the next cohort's outcome they put at risk:
 * - investigate-access 0.4 + attrition (≥ 0.6): heavy drop-out biases every paired statistic;
 * - support-transfer 0.7: learning happened but the business did not move, as urgent as a topic at ⟨g⟩ 0.3;
 * - follow-up-coaching 0.4–0.9 and fix-delivery 0.3–0.8, rising linearly as the share falls to 0;
 * - revise-item 0.3–0.6 by how far D or the item–rest r is below its bar;
 * - feedback-idea 0.5 for the top idea, 0.05 less per rank, at least 0.25;
 * - replace-item 0.1–0.3 and compress-topic 0.2: they save time, they do not fix learning.
 */
const PRIORITY = {
  compressTopic: 0.2,
  supportTransfer: 0.7,
  accessBase: 0.4,
  coachingBase: 0.4,
  coachingSpan: 0.5,
  deliveryBase: 0.3,
  deliverySpan: 0.5,
  reviseBase: 0.3,
  reviseSpan: 0.3,
  replaceBase: 0.1,
  replaceSpan: 0.2,
  topIdea: 0.5,
  ideaStep: 0.05,
  lowestIdea: 0.25,
};

/** Order of kinds when priorities tie, so the list is deterministic. */
const KIND_ORDER: readonly ImprovementActionKind[] = [
  're-teach-topic',
  'investigate-access',
  'support-transfer',
  'follow-up-coaching',
  'fix-delivery',
  'revise-item',
  'feedback-idea',
  'replace-item',
  'compress-topic',
];

function fixed(value: number, digits: number): string {
  return value.toFixed(digits);
}

/** Priorities are rounded to 4 decimals so that JSON reads 0.84, not 0.8400000000000001. */
function roundPriority(value: number): number {
  return Math.round(clampUnit(value) * 1e4) / 1e4;
}

function topicReteachAction(topic: TopicGainInput, t: ImprovementThresholds): ImprovementAction | null {
  const lowGain = topic.normalizedGain !== null && topic.normalizedGain < t.reteachBelowGain;
  const lowPost = topic.postMean !== null && topic.postMean < t.reteachBelowPostMean;
  if (!lowGain && !lowPost) return null;
  const reasons: string[] = [];
  const values: Record<string, number> = {};
  if (topic.preMean !== null) values.preMean = topic.preMean;
  if (topic.postMean !== null) values.postMean = topic.postMean;
  if (topic.normalizedGain !== null) values.normalizedGain = topic.normalizedGain;
  if (lowGain) {
    reasons.push(`normalized gain ${fixed(topic.normalizedGain as number, 4)} below ${t.reteachBelowGain}`);
    values.gainThreshold = t.reteachBelowGain;
  }
  if (lowPost) {
    reasons.push(`post mean ${fixed(topic.postMean as number, 1)} below ${t.reteachBelowPostMean}`);
    values.postMeanThreshold = t.reteachBelowPostMean;
  }
  // Without ⟨g⟩ (class at 100 % before) a post mean under the bar is a collapse: top priority.
  const priority = topic.normalizedGain === null ? 1 : 1 - topic.normalizedGain;
  return { kind: 're-teach-topic', target: topic.key, priority: roundPriority(priority), reason: reasons.join('; '), label: topic.title, values };
}

/** Already known before training (pre ≥ 80 %) and mastered after (⟨g⟩ ≥ 0.7, or no room to gain). */
function topicCompressAction(topic: TopicGainInput, t: ImprovementThresholds): ImprovementAction | null {
  if (topic.preMean === null || topic.postMean === null || topic.preMean < t.compressFromPreMean) return null;
  if (topic.postMean < t.reteachBelowPostMean) return null;
  const mastered = topic.normalizedGain === null || topic.normalizedGain >= t.compressFromGain;
  if (!mastered) return null;
  const values: Record<string, number> = { preMean: topic.preMean, postMean: topic.postMean };
  if (topic.normalizedGain !== null) values.normalizedGain = topic.normalizedGain;
  const gainText =
    topic.normalizedGain === null ? 'no room to gain' : `normalized gain ${fixed(topic.normalizedGain, 4)} at least ${t.compressFromGain}`;
  const reason = `pre mean ${fixed(topic.preMean, 1)} at least ${t.compressFromPreMean}; ${gainText}`;
  return { kind: 'compress-topic', target: topic.key, priority: PRIORITY.compressTopic, reason, label: topic.title, values };
}

export function deriveTopicActions(topics: readonly TopicGainInput[], t: ImprovementThresholds): ImprovementAction[] {
  return topics.flatMap((topic) => [topicReteachAction(topic, t), topicCompressAction(topic, t)]).filter((a): a is ImprovementAction => a !== null);
}

function reviseItemAction(item: ItemQualityInput, t: ImprovementThresholds): ImprovementAction | null {
  const mastered = item.difficultyPost === 1;
  const lowD = !mastered && item.discrimination !== null && item.discrimination < t.reviseBelowDiscrimination;
  const negativeR = item.itemRest !== null && item.itemRest < 0;
  if (!lowD && !negativeR) return null;
  const values: Record<string, number> = {};
  const reasons: string[] = [];
  if (item.discrimination !== null) values.discrimination = item.discrimination;
  if (item.itemRest !== null) values.itemRest = item.itemRest;
  if (lowD) {
    reasons.push(`discrimination ${fixed(item.discrimination as number, 3)} below ${t.reviseBelowDiscrimination}`);
    values.discriminationThreshold = t.reviseBelowDiscrimination;
  }
  if (negativeR) reasons.push(`item-rest correlation ${fixed(item.itemRest as number, 3)} below 0`);
  // D spans [−1, 1], so its shortfall below the bar is at most 1 + bar; r's shortfall below 0 at most 1.
  const dShortfall = lowD ? (t.reviseBelowDiscrimination - (item.discrimination as number)) / (1 + t.reviseBelowDiscrimination) : 0;
  const severity = clampUnit(Math.max(dShortfall, negativeR ? -(item.itemRest as number) : 0));
  const priority = roundPriority(PRIORITY.reviseBase + PRIORITY.reviseSpan * severity);
  return { kind: 'revise-item', target: item.key, priority, reason: reasons.join('; '), label: item.label ?? item.key, values };
}

function replaceItemAction(item: ItemQualityInput, t: ImprovementThresholds): ImprovementAction | null {
  if (item.difficultyPre === null || item.difficultyPre <= t.replaceAboveDifficulty) return null;
  const excess = (item.difficultyPre - t.replaceAboveDifficulty) / (1 - t.replaceAboveDifficulty);
  return {
    kind: 'replace-item',
    target: item.key,
    priority: roundPriority(PRIORITY.replaceBase + PRIORITY.replaceSpan * clampUnit(excess)),
    reason: `pre-test difficulty ${fixed(item.difficultyPre, 3)} above ${t.replaceAboveDifficulty}`,
    label: item.label ?? item.key,
    values: { difficultyPre: item.difficultyPre, difficultyThreshold: t.replaceAboveDifficulty },
  };
}

export function deriveItemActions(items: readonly ItemQualityInput[], t: ImprovementThresholds): ImprovementAction[] {
  return items.flatMap((item) => [reviseItemAction(item, t), replaceItemAction(item, t)]).filter((a): a is ImprovementAction => a !== null);
}

/** Share-below-bar rules: priority rises linearly from base at the bar to base + span at 0 %. */
function shortfallPriority(share: number, bar: number, base: number, span: number): number {
  return roundPriority(base + span * clampUnit((bar - share) / bar));
}

export function deriveSurveyActions(items: readonly SurveyItemInput[], t: ImprovementThresholds): ImprovementAction[] {
  return items
    .filter((item) => item.topTwoBox !== null && item.topTwoBox < t.fixDeliveryBelowTopTwoBox)
    .map((item) => {
      const share = item.topTwoBox as number;
      return {
        kind: 'fix-delivery' as const,
        target: item.key,
        priority: shortfallPriority(share, t.fixDeliveryBelowTopTwoBox, PRIORITY.deliveryBase, PRIORITY.deliverySpan),
        reason: `top-2-box ${fixed(share, 1)}% below ${t.fixDeliveryBelowTopTwoBox}%`,
        label: item.label ?? item.key,
        values: { topTwoBox: share, topTwoBoxThreshold: t.fixDeliveryBelowTopTwoBox },
        comments: (item.comments ?? []).slice(0, t.maxComments),
      };
    });
}

export function deriveBehaviourActions(items: readonly BehaviourItemInput[], t: ImprovementThresholds): ImprovementAction[] {
  return items
    .filter((item) => item.shareApplying !== null && item.shareApplying < t.coachBelowShareApplying)
    .map((item) => {
      const share = item.shareApplying as number;
      return {
        kind: 'follow-up-coaching' as const,
        target: item.key,
        priority: shortfallPriority(share, t.coachBelowShareApplying, PRIORITY.coachingBase, PRIORITY.coachingSpan),
        reason: `applied by ${fixed(share, 1)}% below ${t.coachBelowShareApplying}%`,
        label: item.label ?? item.key,
        values: { shareApplying: share, shareThreshold: t.coachBelowShareApplying },
      };
    });
}

export function deriveAttritionActions(attrition: number | null, t: ImprovementThresholds): ImprovementAction[] {
  if (attrition === null || attrition <= t.investigateAboveAttrition) return [];
  return [
    {
      kind: 'investigate-access',
      target: 'cohort',
      priority: roundPriority(PRIORITY.accessBase + attrition),
      reason: `attrition ${fixed(100 * attrition, 1)}% above ${fixed(100 * t.investigateAboveAttrition, 0)}%`,
      label: 'cohort',
      values: { attrition, attritionThreshold: t.investigateAboveAttrition },
    },
  ];
}

/** KPI did not improve (median change ≤ 0 in its good direction) although the cohort learned: support transfer. */
export function deriveTransferActions(kpis: readonly KpiResultInput[], learningGain: number | null, t: ImprovementThresholds): ImprovementAction[] {
  if (learningGain === null || learningGain < t.transferFromGain) return [];
  return kpis.flatMap((kpi) => {
    const goodChange = medianChangeInGoodDirection(kpi.medianPctChange, kpi.direction ?? 'higher-is-better');
    if (goodChange === null || goodChange > 0) return [];
    const median = kpi.medianPctChange as number;
    return [
      {
        kind: 'support-transfer' as const,
        target: kpi.key,
        priority: PRIORITY.supportTransfer,
        reason: `median change ${fixed(median, 1)}% not an improvement with normalized gain ${fixed(learningGain, 4)} at least ${t.transferFromGain}`,
        label: kpi.label ?? kpi.key,
        values: { medianPctChange: median, normalizedGain: learningGain, gainThreshold: t.transferFromGain },
      },
    ];
  });
}

export function deriveFeedbackIdeaActions(ideas: readonly FeedbackIdeaInput[]): ImprovementAction[] {
  return ideas.map((idea, index): ImprovementAction => ({
    kind: 'feedback-idea',
    target: idea.id,
    priority: roundPriority(Math.max(PRIORITY.lowestIdea, PRIORITY.topIdea - PRIORITY.ideaStep * index)),
    reason: idea.score === undefined ? `feedback campaign rank ${index + 1}` : `feedback campaign rank ${index + 1} score ${fixed(idea.score, 2)}`,
    label: idea.title,
    values: idea.score === undefined ? { rank: index + 1 } : { rank: index + 1, score: idea.score },
  }));
}

export function compareActions(a: ImprovementAction, b: ImprovementAction): number {
  if (a.priority !== b.priority) return b.priority - a.priority;
  const byKind = KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind);
  if (byKind !== 0) return byKind;
  return a.target < b.target ? -1 : a.target > b.target ? 1 : 0;
}

/** ALGORITHMS.md §5 "Improvement actions": every rule that fires, highest priority first. */
export function deriveImprovementActions(
  input: ImprovementInput,
  overrides: Partial<ImprovementThresholds> = {},
): ImprovementAction[] {
  const t = { ...DEFAULT_IMPROVEMENT_THRESHOLDS, ...overrides };
  return [
    ...deriveTopicActions(input.topics, t),
    ...deriveItemActions(input.items, t),
    ...deriveSurveyActions(input.surveyItems, t),
    ...deriveBehaviourActions(input.behaviourItems, t),
    ...deriveAttritionActions(input.attrition, t),
    ...deriveTransferActions(input.kpis, input.learningGain, t),
    ...deriveFeedbackIdeaActions(input.feedbackIdeas ?? []),
  ].sort(compareActions);
}
