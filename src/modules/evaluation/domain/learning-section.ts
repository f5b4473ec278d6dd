import { mean } from './descriptive-statistics';
import type { LearningSection, ProgramTopic, TestInstrumentInput, TestItemSummary, TopicSummary } from './evaluation-report.types';
import { binGains } from './gain-histogram';
import { analyseItems, type ItemAnalysis } from './item-analysis';
import { analysePairedScores, classifyNormalizedGain, computeNormalizedGain } from './paired-analysis';
import type { ScoredTest } from './test-scoring';

/** Pre and post scores of the enrolled participants, and who has both (in enrolment order). */
export interface ScoredCohort {
  pre: ReadonlyMap<string, ScoredTest>;
  post: ReadonlyMap<string, ScoredTest>;
  pairedIds: readonly string[];
}

/** Participants with a pre and a post percentage: the complete cases every paired statistic uses. */
export function findPairedParticipants(
  enrolledIds: readonly string[],
  pre: ReadonlyMap<string, ScoredTest>,
  post: ReadonlyMap<string, ScoredTest>,
): string[] {
  return enrolledIds.filter((id) => (pre.get(id)?.percent ?? null) !== null && (post.get(id)?.percent ?? null) !== null);
}

/** Individual gains on one topic, over paired participants with that topic in both tests. */
export function topicScorePairs(cohort: ScoredCohort, topicKey: string): { pre: number[]; post: number[] } {
  const pairs = { pre: [] as number[], post: [] as number[] };
  for (const id of cohort.pairedIds) {
    const pre = cohort.pre.get(id)?.topicPercents[topicKey] ?? null;
    const post = cohort.post.get(id)?.topicPercents[topicKey] ?? null;
    if (pre === null || post === null) continue;
    pairs.pre.push(pre);
    pairs.post.push(post);
  }
  return pairs;
}

function summarizeTopic(cohort: ScoredCohort, topic: ProgramTopic): TopicSummary {
  const { pre, post } = topicScorePairs(cohort, topic.key);
  const preMean = mean(pre);
  const postMean = mean(post);
  return {
    key: topic.key,
    title: topic.title,
    n: pre.length,
    preMean,
    postMean,
    meanGain: preMean === null || postMean === null ? null : postMean - preMean,
    normalizedGain: computeNormalizedGain(preMean, postMean),
  };
}

function analyseTestItems(test: TestInstrumentInput | null, scores: ReadonlyMap<string, ScoredTest>): ItemAnalysis {
  return analyseItems([...scores.values()].map((score) => score.correctness), test?.items.length ?? 0);
}

/** Items by key across both tests (a post-test pairs with its pre-test by item keys): pre-test order, then post-only items. */
function summarizeItems(
  pretest: TestInstrumentInput | null,
  posttest: TestInstrumentInput | null,
  preAnalysis: ItemAnalysis,
  postAnalysis: ItemAnalysis,
): TestItemSummary[] {
  const preIndex = new Map((pretest?.items ?? []).map((item, index) => [item.key, index]));
  const postIndex = new Map((posttest?.items ?? []).map((item, index) => [item.key, index]));
  const definitions = [...(pretest?.items ?? []), ...(posttest?.items ?? []).filter((item) => !preIndex.has(item.key))];
  return definitions.map((item) => {
    const preStats = preAnalysis.items[preIndex.get(item.key) ?? -1];
    const postStats = postAnalysis.items[postIndex.get(item.key) ?? -1];
    return {
      key: item.key,
      topic: item.topic,
      difficultyPre: preStats?.difficulty ?? null,
      difficultyPost: postStats?.difficulty ?? null,
      discrimination: postStats?.discrimination ?? null,
      itemRest: postStats?.itemRest ?? null,
    };
  });
}

/**
 * Kirkpatrick level 2. Paired statistics and topic means use the paired participants; item
 * analysis and KR-20 describe each instrument, so they use everyone who took it. Item quality is
 * judged on the post-test, where a good item separates those who learned from those who did not.
 */
export function buildLearningSection(
  topics: readonly ProgramTopic[],
  pretest: TestInstrumentInput | null,
  posttest: TestInstrumentInput | null,
  cohort: ScoredCohort,
): LearningSection {
  const pre = cohort.pairedIds.map((id) => cohort.pre.get(id)?.percent as number);
  const post = cohort.pairedIds.map((id) => cohort.post.get(id)?.percent as number);
  // n is reported once, as participation.nPaired.
  const { n: _nPaired, ...paired } = analysePairedScores(pre, post);
  const preAnalysis = analyseTestItems(pretest, cohort.pre);
  const postAnalysis = analyseTestItems(posttest, cohort.post);
  return {
    ...paired,
    normalizedGainClass: classifyNormalizedGain(paired.normalizedGain),
    kr20: postAnalysis.kr20,
    kr20Pre: preAnalysis.kr20,
    topics: topics.map((topic) => summarizeTopic(cohort, topic)),
    items: summarizeItems(pretest, posttest, preAnalysis, postAnalysis),
    gainDistribution: binGains(post.map((y, index) => y - (pre[index] as number))),
  };
}
