import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Clock } from '../../common/clock';
import { DomainError } from '../../common/errors/domain-error';
import { newId } from '../../common/ids';
import { UnitOfWork } from '../../database/unit-of-work';
import { CampaignsService } from '../campaigns/campaigns.service';
import { UsersService } from '../users/users.service';
import { LeaderboardService } from '../votes/leaderboard.service';
import { Cohort } from './cohort.entity';
import { canMovePhase } from './domain/phases';
import { topicsFromTitles } from './domain/topic-keys';
import type { ProgramPhase, ProgramTopic } from './domain/training.types';
import { CreateProgramDto, ProgramResponse } from './dto/program.dto';
import { Instrument } from './instrument.entity';
import { Program, ProgramTrainer } from './program.entity';
import { TrainingAccessService } from './training-access.service';
import { TrainingErrors } from './training.errors';

const DEFAULT_TOPICS_FROM_NEEDS = 5;

@Injectable()
export class ProgramsService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly access: TrainingAccessService,
    private readonly campaigns: CampaignsService,
    private readonly leaderboard: LeaderboardService,
    private readonly users: UsersService,
    private readonly clock: Clock,
  ) {}

  /** The creator becomes the program's first trainer and holds the trainer role from then on. */
  async create(callerId: string, input: CreateProgramDto): Promise<ProgramResponse> {
    assertUniqueTopicKeys(input.topics);
    if (input.needsCampaignId) await this.assertNeedsCampaign(input.needsCampaignId, callerId);
    const now = this.clock.now();
    const program = Object.assign(new Program(), {
      id: newId(),
      title: input.title.trim(),
      description: input.description?.trim() || null,
      topics: input.topics.map((topic) => ({ key: topic.key, title: topic.title.trim() })),
      phase: 'discussion' as const,
      needsCampaignId: input.needsCampaignId?.toLowerCase() ?? null,
      createdById: callerId,
      createdAt: now,
      updatedAt: now,
    });
    await this.uow.run(async (manager) => {
      await manager.insert(Program, program);
      await manager.insert(ProgramTrainer, { programId: program.id, userId: callerId, createdAt: now });
    });
    await this.users.grantRole(callerId, 'trainer');
    return ProgramResponse.from(program, [callerId]);
  }

  async get(callerId: string, id: string): Promise<ProgramResponse> {
    const { program } = await this.access.program(id, callerId);
    return ProgramResponse.from(program, await this.access.trainerIds(id));
  }

  async addTrainer(callerId: string, id: string, userId: string): Promise<ProgramResponse> {
    await this.access.programAsTrainer(id, callerId);
    await this.users.getById(userId);
    await this.uow.run(async (manager) => {
      if (await manager.existsBy(ProgramTrainer, { programId: id, userId })) throw new DomainError(TrainingErrors.TRAINING_TRAINER_CONFLICT);
      await manager.insert(ProgramTrainer, { programId: id, userId, createdAt: this.clock.now() });
    });
    await this.users.grantRole(userId, 'trainer');
    return this.get(callerId, id);
  }

  /** Forward only; the conditional update makes two racing moves from the same phase a 409 for one of them. */
  async changePhase(callerId: string, id: string, to: ProgramPhase): Promise<ProgramResponse> {
    const program = await this.access.programAsTrainer(id, callerId);
    if (!canMovePhase(program.phase, to)) throw new DomainError(TrainingErrors.TRAINING_PHASE_CONFLICT, { from: program.phase, to });
    const moved = await this.uow.run((manager) => manager.update(Program, { id, phase: program.phase }, { phase: to, updatedAt: this.clock.now() }));
    if (!moved.affected) throw new DomainError(TrainingErrors.TRAINING_PHASE_CONFLICT, { from: program.phase, to });
    return this.get(callerId, id);
  }

  /**
   * PRODUCT.md loop, step 1: the top-voted ideas of the program's needs campaign become its topics,
   * best first. Refused once a cohort's test uses the current topics, whose keys it would orphan.
   */
  async topicsFromNeeds(callerId: string, id: string, limit = DEFAULT_TOPICS_FROM_NEEDS): Promise<ProgramResponse> {
    const program = await this.access.programAsTrainer(id, callerId);
    if (!program.needsCampaignId) throw new DomainError(TrainingErrors.TRAINING_NEEDS_CAMPAIGN_MISSING_CONFLICT);
    const board = await this.leaderboard.top(program.needsCampaignId, callerId, limit);
    if (board.items.length === 0) throw new DomainError(TrainingErrors.TRAINING_NEEDS_IDEAS_MISSING_CONFLICT);
    const topics = topicsFromTitles(board.items.map((idea) => idea.title));
    await this.uow.run(async (manager) => {
      if (await this.testsExist(manager, id)) throw new DomainError(TrainingErrors.TRAINING_TOPICS_LOCKED_CONFLICT);
      await manager.update(Program, { id }, { topics, updatedAt: this.clock.now() });
    });
    return this.get(callerId, id);
  }

  private async testsExist(manager: EntityManager, programId: string): Promise<boolean> {
    const count = await manager
      .createQueryBuilder(Instrument, 'i')
      .innerJoin(Cohort, 'c', 'c.id = i.cohortId')
      .where('c.programId = :programId', { programId })
      .andWhere('i.kind IN (:...kinds)', { kinds: ['pretest', 'posttest'] })
      .getCount();
    return count > 0;
  }

  /** The needs campaign must be one the creator can see, and of kind `needs`. */
  private async assertNeedsCampaign(campaignId: string, callerId: string): Promise<void> {
    const { campaign } = await this.campaigns.access(campaignId.toLowerCase(), callerId);
    if (campaign.kind !== 'needs') throw new DomainError(TrainingErrors.TRAINING_NEEDS_CAMPAIGN_INVALID);
  }
}

function assertUniqueTopicKeys(topics: readonly ProgramTopic[]): void {
  const seen = new Set<string>();
  for (const topic of topics) {
    if (seen.has(topic.key)) throw new DomainError(TrainingErrors.TRAINING_TOPICS_INVALID, { key: topic.key });
    seen.add(topic.key);
  }
}
