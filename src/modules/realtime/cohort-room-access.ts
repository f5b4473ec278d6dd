import { Injectable } from '@nestjs/common';
import { DomainError } from '../../common/errors/domain-error';
import { TrainingAccessService } from '../training/training-access.service';

/**
 * Who may listen to a cohort's room: its trainers. A port, so the rule stays with training and the binding
 * is one line to change: `RealtimeModule` binds it, a test rebinds it with
 * `overrideProvider(CohortRoomAccess).useValue(...)`.
 */
export abstract class CohortRoomAccess {
  abstract mayJoin(cohortId: string, userId: string): Promise<boolean>;
}

/** Training's own rule: the trainers of the cohort's program. An unknown cohort is refused like any other. */
@Injectable()
export class TrainerCohortRoomAccess extends CohortRoomAccess {
  constructor(private readonly training: TrainingAccessService) {
    super();
  }

  async mayJoin(cohortId: string, userId: string): Promise<boolean> {
    try {
      return (await this.training.cohort(cohortId, userId)).isTrainer;
    } catch (error) {
      if (error instanceof DomainError) return false;
      throw error;
    }
  }
}
