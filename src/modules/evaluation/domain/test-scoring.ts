import type { Answer, ParticipantResponse, TestInstrumentInput, TestItemDefinition } from './evaluation-report.types';

export interface ScoredTest {
  /** Sum of points of correct answers as a percentage of the maximum (PRODUCT.md); null with no points. */
  percent: number | null;
  /** The same per topic key. */
  topicPercents: Record<string, number | null>;
  /** 1 for a correct answer, 0 otherwise (unanswered included), in item order: the item-analysis row. */
  correctness: number[];
}

/** Non-finite or negative points count as zero so that one bad item cannot poison every score. */
function itemPoints(item: TestItemDefinition): number {
  return Number.isFinite(item.points) && item.points > 0 ? item.points : 0;
}

function isCorrect(item: TestItemDefinition, answer: Answer | undefined): boolean {
  return answer !== undefined && answer.value !== null && String(answer.value) === item.correct;
}

function percentOf(earned: number, maximum: number): number | null {
  return maximum > 0 ? (100 * earned) / maximum : null;
}

export function scoreTestResponse(items: readonly TestItemDefinition[], answers: readonly Answer[]): ScoredTest {
  const byItem = new Map(answers.map((answer) => [answer.itemKey, answer]));
  const totals = { earned: 0, maximum: 0 };
  const topics = new Map<string, { earned: number; maximum: number }>();
  const correctness = items.map((item) => {
    const correct = isCorrect(item, byItem.get(item.key));
    const points = itemPoints(item);
    const topic = topics.get(item.topic) ?? { earned: 0, maximum: 0 };
    topics.set(item.topic, { earned: topic.earned + (correct ? points : 0), maximum: topic.maximum + points });
    totals.earned += correct ? points : 0;
    totals.maximum += points;
    return correct ? 1 : 0;
  });
  const topicPercents: Record<string, number | null> = {};
  for (const [key, topic] of topics) topicPercents[key] = percentOf(topic.earned, topic.maximum);
  return { percent: percentOf(totals.earned, totals.maximum), topicPercents, correctness };
}

/** Scores every enrolled participant's response; a later response by the same participant replaces an earlier one. */
export function scoreTest(test: TestInstrumentInput | null, enrolled: ReadonlySet<string>): Map<string, ScoredTest> {
  const latest = new Map<string, ParticipantResponse>();
  for (const response of test?.responses ?? []) {
    if (enrolled.has(response.participantId)) latest.set(response.participantId, response);
  }
  const scores = new Map<string, ScoredTest>();
  for (const [participantId, response] of latest) scores.set(participantId, scoreTestResponse(test?.items ?? [], response.answers));
  return scores;
}
