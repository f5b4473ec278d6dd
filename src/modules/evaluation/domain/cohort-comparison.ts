import { mean } from './descriptive-statistics';
import type { CohortComparison, PreviousCohortInput, ProgramTopic, TopicComparison } from './evaluation-report.types';
import { countsAsRealChange, hedgesG, welchTTest, type RealChangeThresholds, DEFAULT_REAL_CHANGE } from './welch-comparison';

function previousTopicGains(previous: PreviousCohortInput, topicKey: string): number[] {
  return previous.participants
    .map((participant) => participant.topicGains[topicKey])
    .filter((gain): gain is number => typeof gain === 'number' && Number.isFinite(gain));
}

function compareTopic(
  topic: ProgramTopic,
  current: readonly number[],
  previous: readonly number[],
  thresholds: RealChangeThresholds,
): TopicComparison {
  const currentMeanGain = mean(current);
  const previousMeanGain = mean(previous);
  const welch = welchTTest(current, previous);
  const g = hedgesG(current, previous);
  return {
    key: topic.key,
    title: topic.title,
    nCurrent: current.length,
    nPrevious: previous.length,
    currentMeanGain,
    previousMeanGain,
    gainDelta: currentMeanGain === null || previousMeanGain === null ? null : currentMeanGain - previousMeanGain,
    welch,
    hedgesG: g,
    countsAsReal: countsAsRealChange(welch.p, g, thresholds),
  };
}

/**
 * ALGORITHMS.md §5 "Comparing cohorts": per topic, Welch's t-test and Hedges' g on the individual
 * gains of this cohort against the previous one; null for a first cohort.
 */
export function compareWithPreviousCohort(
  topics: readonly ProgramTopic[],
  currentGains: ReadonlyMap<string, readonly number[]>,
  previous: PreviousCohortInput | null | undefined,
  thresholds: RealChangeThresholds = DEFAULT_REAL_CHANGE,
): CohortComparison | null {
  if (!previous) return null;
  return {
    previousCohortId: previous.cohortId,
    topics: topics.map((topic) => compareTopic(topic, currentGains.get(topic.key) ?? [], previousTopicGains(previous, topic.key), thresholds)),
  };
}
