import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { Clock } from '../../common/clock';
import { DomainError } from '../../common/errors/domain-error';
import { newId } from '../../common/ids';
import { decodeCursor, Page, toPage } from '../../common/pagination/cursor';
import { UnitOfWork } from '../../database/unit-of-work';
import { BusinessesService } from '../businesses/businesses.service';
import { UsersService } from '../users/users.service';
import type { ImprovementAction } from '../evaluation/domain/improvement-actions.types';
import { Cohort, CohortParticipant } from './cohort.entity';
import { CohortResponse, CreateCohortDto, EnrolmentResponse, ParticipantResponse } from './dto/cohort.dto';
import { ProgramTrainer } from './program.entity';
import { TrainingAccessService } from './training-access.service';
import { TrainingErrors } from './training.errors';

export interface NewCohort {
  programId: string;
  name: string;
  startsAt?: string;
  endsAt?: string;
  previousCohortId?: string;
  improvementActions?: ImprovementAction[];
}

@Injectable()
export class CohortsService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly access: TrainingAccessService,
    private readonly users: UsersService,
    private readonly businesses: BusinessesService,
    private readonly clock: Clock,
  ) {}

  async create(callerId: string, programId: string, input: CreateCohortDto): Promise<CohortResponse> {
    await this.access.programAsTrainer(programId, callerId);
    return this.insert(callerId, { programId, ...input });
  }

  /** Inserts a cohort of a program the caller trains; the previous cohort must belong to the same program. */
  async insert(callerId: string, input: NewCohort): Promise<CohortResponse> {
    const startsAt = input.startsAt ? new Date(input.startsAt) : null;
    const endsAt = input.endsAt ? new Date(input.endsAt) : null;
    if (startsAt && endsAt && startsAt >= endsAt) throw new DomainError(TrainingErrors.TRAINING_COHORT_DATES_INVALID);
    const previousCohortId = input.previousCohortId?.toLowerCase() ?? null;
    if (previousCohortId && !(await this.uow.manager.existsBy(Cohort, { id: previousCohortId, programId: input.programId }))) {
      throw new DomainError(TrainingErrors.TRAINING_PREVIOUS_COHORT_INVALID);
    }
    const cohort = Object.assign(new Cohort(), {
      id: newId(),
      programId: input.programId,
      name: input.name.trim(),
      startsAt,
      endsAt,
      previousCohortId,
      feedbackCampaignId: null,
      feedbackLinkedById: null,
      improvementActions: input.improvementActions ?? [],
      createdById: callerId,
      createdAt: this.clock.now(),
    });
    await this.uow.run((manager) => manager.insert(Cohort, cohort));
    return CohortResponse.from(cohort);
  }

  async get(callerId: string, id: string): Promise<CohortResponse> {
    const { cohort, isTrainer, isAdmin } = await this.access.cohort(id, callerId);
    return CohortResponse.from(cohort, isTrainer || isAdmin);
  }

  async listForProgram(callerId: string, programId: string): Promise<{ items: CohortResponse[] }> {
    const { isTrainer, isAdmin } = await this.access.program(programId, callerId);
    const where = isTrainer || isAdmin ? { programId } : { programId, id: In(await this.cohortIdsOf(callerId, programId)) };
    const cohorts = await this.uow.manager.find(Cohort, { where, order: { createdAt: 'ASC', id: 'ASC' } });
    return { items: cohorts.map((cohort) => CohortResponse.from(cohort, isTrainer || isAdmin)) };
  }

  /**
   * Enrols users by id; already enrolled users are left as they were, so a retried request is
   * harmless. Trainers of the program cannot be participants: they see the test keys.
   */
  async enrol(callerId: string, cohortId: string, userIds: string[]): Promise<EnrolmentResponse> {
    const { cohort } = await this.access.cohortAsTrainer(cohortId, callerId);
    const ids = [...new Set(userIds.map((id) => id.toLowerCase()))];
    const known = new Set((await this.users.findByIds(ids)).map((user) => user.id));
    const unknown = ids.filter((id) => !known.has(id));
    if (unknown.length) throw new DomainError(TrainingErrors.TRAINING_PARTICIPANTS_INVALID, { ids: unknown.join(', ') }, { unknownUserIds: unknown });
    return this.uow.run(async (manager) => {
      const trainers = await manager.find(ProgramTrainer, { where: { programId: cohort.programId, userId: In(ids) } });
      if (trainers.length) {
        const trainerIds = trainers.map((row) => row.userId);
        throw new DomainError(TrainingErrors.TRAINING_PARTICIPANT_TRAINER_CONFLICT, { ids: trainerIds.join(', ') }, { trainerIds });
      }
      const existing = new Set((await manager.find(CohortParticipant, { where: { cohortId, userId: In(ids) } })).map((row) => row.userId));
      const added = ids.filter((id) => !existing.has(id));
      const now = this.clock.now();
      if (added.length) await manager.insert(CohortParticipant, added.map((userId) => ({ cohortId, userId, businessId: null, enrolledAt: now })));
      const participantCount = await manager.countBy(CohortParticipant, { cohortId });
      return { cohortId, added, alreadyEnrolled: ids.filter((id) => existing.has(id)), participantCount };
    });
  }

  async participants(callerId: string, cohortId: string, limit = 50, cursorText?: string): Promise<Page<ParticipantResponse>> {
    await this.access.cohortAsTrainer(cohortId, callerId);
    const cursor = decodeCursor(cursorText);
    const qb = this.uow.manager.createQueryBuilder(CohortParticipant, 'p').where('p.cohortId = :cohortId', { cohortId });
    if (cursor) qb.andWhere('p.userId > :after', { after: cursor.id });
    const rows = await qb.orderBy('p.userId', 'ASC').take(limit + 1).getMany();
    return toPage(rows, limit, ParticipantResponse.from, (row) => ({ key: 0, id: row.userId }));
  }

  /**
   * A participant names the business their KPIs describe, which also places them in its community's
   * analytics. Only the participant may, and only a business they own: a trainer cannot vouch for that.
   */
  async nameBusiness(callerId: string, cohortId: string, businessId: string): Promise<ParticipantResponse> {
    const { isParticipant } = await this.access.cohort(cohortId, callerId);
    if (!isParticipant) throw new DomainError(TrainingErrors.TRAINING_PARTICIPANT_FORBIDDEN);
    await this.businesses.assertOwner(callerId, businessId);
    await this.uow.run((manager) => manager.update(CohortParticipant, { cohortId, userId: callerId }, { businessId }));
    return ParticipantResponse.from(await this.uow.manager.findOneByOrFail(CohortParticipant, { cohortId, userId: callerId }));
  }

  private async cohortIdsOf(userId: string, programId: string): Promise<string[]> {
    const rows: { cohortId: string }[] = await this.uow.manager
      .createQueryBuilder(CohortParticipant, 'p')
      .innerJoin(Cohort, 'c', 'c.id = p.cohortId')
      .where('c.programId = :programId AND p.userId = :userId', { programId, userId })
      .select('p.cohortId', 'cohortId')
      .getRawMany();
    return rows.map((row) => row.cohortId);
  }
}
