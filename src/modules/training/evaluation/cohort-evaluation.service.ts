import { Injectable } from '@nestjs/common';
import { DomainError } from '../../../common/errors/domain-error';
import { UnitOfWork } from '../../../database/unit-of-work';
import { CampaignErrors } from '../../campaigns/campaigns.errors';
import { renderEvaluationCsv } from '../../evaluation/domain/evaluation-csv';
import { renderEvaluationHtml } from '../../evaluation/domain/evaluation-html';
import { buildEvaluationReport, buildParticipantRows, previousCohortFromRows } from '../../evaluation/domain/evaluation-report';
import type { EvaluationInput, EvaluationReport, PreviousCohortInput } from '../../evaluation/domain/evaluation-report.types';
import type { FeedbackIdeaInput } from '../../evaluation/domain/improvement-actions.types';
import type { ReportLocale } from '../../evaluation/domain/number-format';
import { LeaderboardService } from '../../votes/leaderboard.service';
import { Cohort } from '../cohort.entity';
import { assessCarriedActions, type CarriedAction } from '../domain/carried-actions';
import { itemTopicsOf, toEvaluationInput, type CohortData } from '../domain/evaluation-input';
import type { Program } from '../program.entity';
import { TrainingAccessService } from '../training-access.service';
import { CohortDataLoader } from './cohort-data.loader';

/** How many of the feedback campaign's top ideas join the improvement actions. */
const FEEDBACK_IDEAS = 5;

export type EvaluationBody = EvaluationReport & { carriedActions: CarriedAction[] };

interface Evaluated {
  cohort: Cohort;
  program: Program;
  input: EvaluationInput;
  report: EvaluationReport;
  data: CohortData;
  previous: CohortData | null;
}

/**
 * The cohort evaluation of PRODUCT.md: loads the cohort, its previous iteration and its feedback
 * campaign's top ideas, maps them onto the pure evaluation (evaluation/domain) and renders it.
 */
@Injectable()
export class CohortEvaluationService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly access: TrainingAccessService,
    private readonly loader: CohortDataLoader,
    private readonly leaderboard: LeaderboardService,
  ) {}

  async json(callerId: string, cohortId: string): Promise<EvaluationBody> {
    const { cohort, program } = await this.access.cohortForEvaluation(cohortId, callerId);
    const evaluated = await this.evaluate(cohort, program);
    return { ...evaluated.report, carriedActions: this.carriedActions(evaluated) };
  }

  /** One row per participant with pre, post, gain and per-topic scores (a spreadsheet's view). */
  async csv(callerId: string, cohortId: string): Promise<string> {
    const { cohort, program } = await this.access.cohortForEvaluation(cohortId, callerId);
    const { report, input } = await this.evaluate(cohort, program);
    return renderEvaluationCsv(report, buildParticipantRows(input));
  }

  async html(callerId: string, cohortId: string, locale: ReportLocale): Promise<string> {
    const { cohort, program } = await this.access.cohortForEvaluation(cohortId, callerId);
    const { report } = await this.evaluate(cohort, program);
    return renderEvaluationHtml(report, { locale, cohortName: cohort.name, programTitle: program.title });
  }

  /** The evaluation without an access check, for callers that already made theirs (the next cohort). */
  async evaluate(cohort: Cohort, program: Program): Promise<Evaluated> {
    const [data, previous, feedbackIdeas] = await Promise.all([
      this.loader.load(cohort.id, program.topics),
      this.previousData(cohort, program),
      this.feedbackIdeas(cohort),
    ]);
    const input = toEvaluationInput(data, { previousCohort: previous ? previousCohortOf(previous) : null, feedbackIdeas });
    return { cohort, program, input, report: buildEvaluationReport(input), data, previous };
  }

  private carriedActions({ cohort, report, data, previous }: Evaluated): CarriedAction[] {
    const itemTopics = new Map([...(previous ? itemTopicsOf(previous) : []), ...itemTopicsOf(data)]);
    return assessCarriedActions(cohort.improvementActions, report.comparison, itemTopics);
  }

  private async previousData(cohort: Cohort, program: Program): Promise<CohortData | null> {
    if (!cohort.previousCohortId) return null;
    const previous = await this.uow.manager.findOneBy(Cohort, { id: cohort.previousCohortId });
    return previous ? this.loader.load(previous.id, program.topics) : null;
  }

  /**
   * Read with the view of the trainer who linked the campaign, who could see it then. Should it have
   * become invisible to them (their account removed), the evaluation goes on without its ideas.
   */
  private async feedbackIdeas(cohort: Cohort): Promise<FeedbackIdeaInput[]> {
    if (!cohort.feedbackCampaignId) return [];
    try {
      const board = await this.leaderboard.top(cohort.feedbackCampaignId, cohort.feedbackLinkedById ?? undefined, FEEDBACK_IDEAS);
      return board.items.map((idea) => ({ id: idea.id, title: idea.title, score: idea.score }));
    } catch (error) {
      if (error instanceof DomainError && error.code === CampaignErrors.CAMPAIGN_NOT_FOUND) return [];
      throw error;
    }
  }
}

/** The previous cohort's individual topic gains, scored by the same evaluation code. */
function previousCohortOf(previous: CohortData): PreviousCohortInput {
  return previousCohortFromRows(previous.cohortId, buildParticipantRows(toEvaluationInput(previous)));
}
