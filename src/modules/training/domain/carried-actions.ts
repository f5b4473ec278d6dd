import type { CohortComparison } from '../../evaluation/domain/evaluation-report.types';
import type { ImprovementAction } from '../../evaluation/domain/improvement-actions.types';
import type { WelchTTest } from '../../evaluation/domain/welch-comparison';

export interface CarriedActionOutcome {
  /** The topic the action was about, directly or through the test item it named; null when it names none. */
  topic: string | null;
  /** Current minus previous mean individual topic gain, percentage points. */
  gainDelta: number | null;
  welch: WelchTTest | null;
  hedgesG: number | null;
  /** p < 0.05 and |g| ≥ 0.3 (ALGORITHMS.md §5 "Comparing cohorts"). */
  real: boolean;
  /** A real change in the good direction. */
  improved: boolean;
}

export type CarriedAction = ImprovementAction & { outcome: CarriedActionOutcome | null };

function targetTopic(action: ImprovementAction, itemTopics: ReadonlyMap<string, string>): string | null {
  switch (action.kind) {
    case 're-teach-topic':
    case 'compress-topic':
      return action.target;
    case 'revise-item':
    case 'replace-item':
      return itemTopics.get(action.target) ?? null;
    default:
      return null;
  }
}

/**
 * The actions this cohort was given, each with what the comparison with the previous cohort says
 * about the topic it targeted: the loop's answer to "did the change help?".
 */
export function assessCarriedActions(
  actions: readonly ImprovementAction[],
  comparison: CohortComparison | null,
  itemTopics: ReadonlyMap<string, string>,
): CarriedAction[] {
  return actions.map((action) => {
    const topic = targetTopic(action, itemTopics);
    const compared = topic === null ? undefined : comparison?.topics.find((entry) => entry.key === topic);
    if (!compared) return { ...action, outcome: topic === null ? null : { topic, gainDelta: null, welch: null, hedgesG: null, real: false, improved: false } };
    const real = compared.countsAsReal;
    return {
      ...action,
      outcome: {
        topic,
        gainDelta: compared.gainDelta,
        welch: compared.welch,
        hedgesG: compared.hedgesG,
        real,
        improved: real && compared.gainDelta !== null && compared.gainDelta > 0,
      },
    };
  });
}
