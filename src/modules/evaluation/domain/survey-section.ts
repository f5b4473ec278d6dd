import type {
  AnswerValue,
  BehaviourItemSummary,
  ParticipantResponse,
  SurveyComments,
  SurveyInstrumentInput,
  SurveyItemDefinition,
  SurveyItemSummary,
  SurveyLevel,
} from './evaluation-report.types';
import { cronbachAlpha, isLikertAnswer, summarizeLikertItem } from './likert-analysis';

export interface SurveySections {
  reaction: { items: SurveyItemSummary[]; alpha: number | null; comments: SurveyComments[] };
  behaviour: { items: BehaviourItemSummary[]; comments: SurveyComments[] };
}

interface LocatedItem {
  instrument: SurveyInstrumentInput;
  item: SurveyItemDefinition;
}

/** The enrolled participants' latest response per instrument, as itemKey → value. */
function latestAnswers(responses: readonly ParticipantResponse[], enrolled: ReadonlySet<string>): Map<string, Map<string, AnswerValue>> {
  const byParticipant = new Map<string, Map<string, AnswerValue>>();
  for (const response of responses) {
    if (!enrolled.has(response.participantId)) continue;
    byParticipant.set(response.participantId, new Map(response.answers.map((answer) => [answer.itemKey, answer.value])));
  }
  return byParticipant;
}

function itemsOf(surveys: readonly SurveyInstrumentInput[], level: SurveyLevel, type: SurveyItemDefinition['type']): LocatedItem[] {
  return surveys.flatMap((instrument) =>
    instrument.items.filter((item) => item.level === level && item.type === type).map((item) => ({ instrument, item })),
  );
}

function summarizeItem(located: LocatedItem, answers: Map<string, Map<string, AnswerValue>>): SurveyItemSummary {
  const values = [...answers.values()].map((byItem) => byItem.get(located.item.key) ?? null);
  return { key: located.item.key, instrumentKey: located.instrument.key, prompt: located.item.prompt ?? null, ...summarizeLikertItem(values) };
}

function collectComments(located: LocatedItem, answers: Map<string, Map<string, AnswerValue>>): SurveyComments {
  const texts = [...answers.values()]
    .map((byItem) => byItem.get(located.item.key))
    .filter((value): value is string => typeof value === 'string' && value.trim().length > 0)
    .map((value) => value.trim());
  return { key: located.item.key, instrumentKey: located.instrument.key, prompt: located.item.prompt ?? null, texts };
}

/** Cronbach's α over every reaction Likert item, one row per participant; cronbachAlpha keeps complete cases. */
function reactionAlpha(items: readonly LocatedItem[], answers: ReadonlyMap<string, Map<string, Map<string, AnswerValue>>>): number | null {
  const participants = new Set([...answers.values()].flatMap((byParticipant) => [...byParticipant.keys()]));
  const rows = [...participants].map((participantId) =>
    items.map(({ instrument, item }) => {
      const value = answers.get(instrument.key)?.get(participantId)?.get(item.key);
      return isLikertAnswer(value) ? value : null;
    }),
  );
  return cronbachAlpha(rows, items.length);
}

/** Kirkpatrick levels 1 (reaction) and 3 (behaviour) from the cohort's surveys. */
export function summarizeSurveys(surveys: readonly SurveyInstrumentInput[], enrolled: ReadonlySet<string>): SurveySections {
  const answers = new Map(surveys.map((survey) => [survey.key, latestAnswers(survey.responses, enrolled)]));
  const answersOf = (located: LocatedItem) => answers.get(located.instrument.key) ?? new Map<string, Map<string, AnswerValue>>();
  const reactionItems = itemsOf(surveys, 'reaction', 'likert');
  return {
    reaction: {
      items: reactionItems.map((located) => summarizeItem(located, answersOf(located))),
      alpha: reactionAlpha(reactionItems, answers),
      comments: itemsOf(surveys, 'reaction', 'text').map((located) => collectComments(located, answersOf(located))),
    },
    behaviour: {
      items: itemsOf(surveys, 'behaviour', 'likert').map((located) => {
        const summary = summarizeItem(located, answersOf(located));
        return { ...summary, shareApplying: summary.topTwoBox };
      }),
      comments: itemsOf(surveys, 'behaviour', 'text').map((located) => collectComments(located, answersOf(located))),
    },
  };
}
