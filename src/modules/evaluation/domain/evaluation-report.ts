import { compareWithPreviousCohort } from './cohort-comparison';
import type { EvaluationInput, EvaluationReport, Participation, ParticipantRow, PreviousCohortInput } from './evaluation-report.types';
import { deriveImprovementActions, type ImprovementInput } from './improvement-actions';
import { summarizeKpis } from './kpi-section';
import { buildLearningSection, findPairedParticipants, topicScorePairs, type ScoredCohort } from './learning-section';
import { summarizeSurveys, type SurveySections } from './survey-section';
import { scoreTest } from './test-scoring';

function uniqueIds(ids: readonly string[]): string[] {
  return [...new Set(ids)];
}

function scoreCohort(input: EvaluationInput): ScoredCohort {
  const enrolledIds = uniqueIds(input.participantIds);
  const enrolled = new Set(enrolledIds);
  const pre = scoreTest(input.pretest, enrolled);
  const post = scoreTest(input.posttest, enrolled);
  return { pre, post, pairedIds: findPairedParticipants(enrolledIds, pre, post) };
}

/** Counts per ALGORITHMS.md §5; attrition = 1 − n_paired/n_pre, a fraction. */
function countParticipation(enrolled: number, cohort: ScoredCohort): Participation {
  const nPre = [...cohort.pre.values()].filter((score) => score.percent !== null).length;
  const nPost = [...cohort.post.values()].filter((score) => score.percent !== null).length;
  const nPaired = cohort.pairedIds.length;
  return { enrolled, nPre, nPost, nPaired, attrition: nPre === 0 ? null : 1 - nPaired / nPre };
}

function individualTopicGains(input: EvaluationInput, cohort: ScoredCohort): Map<string, number[]> {
  return new Map(
    input.topics.map((topic) => {
      const { pre, post } = topicScorePairs(cohort, topic.key);
      return [topic.key, post.map((y, index) => y - (pre[index] as number))];
    }),
  );
}

/** Open reaction comments of an instrument travel with its low-rated items, so trainers see why. */
function commentsOfInstrument(surveys: SurveySections, instrumentKey: string): string[] {
  return surveys.reaction.comments.filter((comment) => comment.instrumentKey === instrumentKey).flatMap((comment) => comment.texts);
}

function improvementInput(report: Omit<EvaluationReport, 'actions'>, surveys: SurveySections, input: EvaluationInput): ImprovementInput {
  return {
    topics: report.learning.topics,
    items: report.learning.items,
    surveyItems: surveys.reaction.items.map((item) => ({
      key: item.key,
      label: item.prompt ?? item.key,
      topTwoBox: item.topTwoBox,
      comments: commentsOfInstrument(surveys, item.instrumentKey),
    })),
    behaviourItems: surveys.behaviour.items.map((item) => ({ key: item.key, label: item.prompt ?? item.key, shareApplying: item.shareApplying })),
    attrition: report.participation.attrition,
    kpis: report.results.kpis,
    learningGain: report.learning.normalizedGain,
    feedbackIdeas: input.feedbackIdeas ?? [],
  };
}

/** The cohort evaluation of PRODUCT.md ("Evaluation"), from plain data: Kirkpatrick levels 1–4, actions, comparison. */
export function buildEvaluationReport(input: EvaluationInput): EvaluationReport {
  const cohort = scoreCohort(input);
  const surveys = summarizeSurveys(input.surveys ?? [], new Set(input.participantIds));
  const report: Omit<EvaluationReport, 'actions'> = {
    cohortId: input.cohortId,
    participation: countParticipation(uniqueIds(input.participantIds).length, cohort),
    reaction: surveys.reaction,
    learning: buildLearningSection(input.topics, input.pretest, input.posttest, cohort),
    behaviour: surveys.behaviour,
    results: { kpis: summarizeKpis(input.kpi, uniqueIds(input.participantIds)) },
    comparison: compareWithPreviousCohort(input.topics, individualTopicGains(input, cohort), input.previousCohort),
  };
  const actions = deriveImprovementActions(improvementInput(report, surveys, input), input.thresholds);
  const { comparison, ...levels } = report;
  return { ...levels, actions, comparison };
}

/**
 * One row per enrolled participant for the CSV export: pre, post and gain in percent, and topic
 * scores; null where a test is missing. The same rows feed the next cohort's comparison through
 * `previousCohortFromRows`.
 */
export function buildParticipantRows(input: EvaluationInput): ParticipantRow[] {
  const cohort = scoreCohort(input);
  return uniqueIds(input.participantIds).map((participantId) => {
    const pre = cohort.pre.get(participantId);
    const post = cohort.post.get(participantId);
    const topics: ParticipantRow['topics'] = {};
    for (const topic of input.topics) {
      topics[topic.key] = { pre: pre?.topicPercents[topic.key] ?? null, post: post?.topicPercents[topic.key] ?? null };
    }
    const prePercent = pre?.percent ?? null;
    const postPercent = post?.percent ?? null;
    const gain = prePercent === null || postPercent === null ? null : postPercent - prePercent;
    return { participantId, pre: prePercent, post: postPercent, gain, topics };
  });
}

/** A finished cohort's rows as the `previousCohort` input of the next one: individual topic gains of its paired participants. */
export function previousCohortFromRows(cohortId: string, rows: readonly ParticipantRow[]): PreviousCohortInput {
  return {
    cohortId,
    participants: rows
      .filter((row) => row.gain !== null)
      .map((row) => {
        const topicGains: Record<string, number | null> = {};
        for (const [key, scores] of Object.entries(row.topics)) {
          topicGains[key] = scores.pre === null || scores.post === null ? null : scores.post - scores.pre;
        }
        return { participantId: row.participantId, topicGains };
      }),
  };
}
