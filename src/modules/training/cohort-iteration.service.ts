import { Injectable } from '@nestjs/common';
import { DomainError } from '../../common/errors/domain-error';
import { UnitOfWork } from '../../database/unit-of-work';
import { CampaignsService } from '../campaigns/campaigns.service';
import { Cohort } from './cohort.entity';
import { CohortsService } from './cohorts.service';
import { CohortResponse, NextCohortDto } from './dto/cohort.dto';
import { CohortEvaluationService } from './evaluation/cohort-evaluation.service';
import { TrainingAccessService } from './training-access.service';
import { TrainingErrors } from './training.errors';

/** PRODUCT.md loop, step 5: the feedback campaign and the next iteration of a cohort. */
@Injectable()
export class CohortIterationService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly access: TrainingAccessService,
    private readonly campaigns: CampaignsService,
    private readonly cohorts: CohortsService,
    private readonly evaluation: CohortEvaluationService,
  ) {}

  /**
   * Links a `feedback` campaign whose top ideas join the cohort's improvement actions. The trainer must
   * be able to see the campaign; one its owner created for another cohort (`cohortId`) is refused.
   */
  async attachFeedbackCampaign(callerId: string, cohortId: string, campaignId: string): Promise<CohortResponse> {
    await this.access.cohortAsTrainer(cohortId, callerId);
    const { campaign } = await this.campaigns.access(campaignId, callerId);
    if (campaign.kind !== 'feedback') throw new DomainError(TrainingErrors.TRAINING_FEEDBACK_CAMPAIGN_INVALID);
    if (campaign.cohortId && campaign.cohortId !== cohortId) throw new DomainError(TrainingErrors.TRAINING_FEEDBACK_CAMPAIGN_CONFLICT);
    await this.uow.run((manager) => manager.update(Cohort, { id: cohortId }, { feedbackCampaignId: campaign.id, feedbackLinkedById: callerId }));
    return this.cohorts.get(callerId, cohortId);
  }

  /**
   * The next iteration: a cohort of the same program whose previous cohort is this one, carrying this
   * cohort's improvement actions as they stand now (a later change to this cohort's data does not
   * rewrite what the next cohort was asked to change).
   */
  async next(callerId: string, cohortId: string, input: NextCohortDto): Promise<CohortResponse> {
    const { cohort, program } = await this.access.cohortAsTrainer(cohortId, callerId);
    const { report } = await this.evaluation.evaluate(cohort, program);
    return this.cohorts.insert(callerId, { ...input, programId: program.id, previousCohortId: cohort.id, improvementActions: report.actions });
  }
}
