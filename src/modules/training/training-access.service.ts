import { Injectable } from '@nestjs/common';
import { DomainError } from '../../common/errors/domain-error';
import { UnitOfWork } from '../../database/unit-of-work';
import { UsersService } from '../users/users.service';
import { Cohort, CohortParticipant } from './cohort.entity';
import { Program, ProgramTrainer } from './program.entity';
import { TrainingErrors } from './training.errors';

export interface ProgramAccess {
  program: Program;
  isTrainer: boolean;
  isAdmin: boolean;
}

export interface CohortAccess extends ProgramAccess {
  cohort: Cohort;
  isParticipant: boolean;
}

/**
 * Who may see and do what in training, always from the database (roles in a token may be stale).
 * A program or cohort is visible to its trainers, its participants and admins; to anyone else it
 * does not exist (404). Visible but not allowed is a 403.
 */
@Injectable()
export class TrainingAccessService {
  constructor(private readonly uow: UnitOfWork, private readonly users: UsersService) {}

  async isAdmin(userId: string): Promise<boolean> {
    const user = await this.users.findById(userId);
    return user?.roles.includes('admin') ?? false;
  }

  async isTrainer(programId: string, userId: string): Promise<boolean> {
    return this.uow.manager.existsBy(ProgramTrainer, { programId, userId });
  }

  async trainerIds(programId: string): Promise<string[]> {
    const rows = await this.uow.manager.find(ProgramTrainer, { where: { programId }, order: { createdAt: 'ASC', userId: 'ASC' } });
    return rows.map((row) => row.userId);
  }

  async program(programId: string, userId: string): Promise<ProgramAccess> {
    const program = await this.uow.manager.findOneBy(Program, { id: programId });
    if (!program) throw new DomainError(TrainingErrors.TRAINING_PROGRAM_NOT_FOUND);
    const [isTrainer, isAdmin] = await Promise.all([this.isTrainer(programId, userId), this.isAdmin(userId)]);
    if (!isTrainer && !isAdmin && !(await this.participatesInProgram(programId, userId))) throw new DomainError(TrainingErrors.TRAINING_PROGRAM_NOT_FOUND);
    return { program, isTrainer, isAdmin };
  }

  async programAsTrainer(programId: string, userId: string): Promise<Program> {
    const access = await this.program(programId, userId);
    if (!access.isTrainer) throw new DomainError(TrainingErrors.TRAINING_TRAINER_FORBIDDEN);
    return access.program;
  }

  async cohort(cohortId: string, userId: string): Promise<CohortAccess> {
    const cohort = await this.uow.manager.findOneBy(Cohort, { id: cohortId });
    if (!cohort) throw new DomainError(TrainingErrors.TRAINING_COHORT_NOT_FOUND);
    const [program, isTrainer, isAdmin, isParticipant] = await Promise.all([
      this.uow.manager.findOneByOrFail(Program, { id: cohort.programId }),
      this.isTrainer(cohort.programId, userId),
      this.isAdmin(userId),
      this.uow.manager.existsBy(CohortParticipant, { cohortId, userId }),
    ]);
    if (!isTrainer && !isAdmin && !isParticipant) throw new DomainError(TrainingErrors.TRAINING_COHORT_NOT_FOUND);
    return { cohort, program, isTrainer, isAdmin, isParticipant };
  }

  async cohortAsTrainer(cohortId: string, userId: string): Promise<CohortAccess> {
    const access = await this.cohort(cohortId, userId);
    if (!access.isTrainer) throw new DomainError(TrainingErrors.TRAINING_TRAINER_FORBIDDEN);
    return access;
  }

  /** The evaluation is for the program's trainers and admins; participants see that it exists, and get a 403. */
  async cohortForEvaluation(cohortId: string, userId: string): Promise<CohortAccess> {
    const access = await this.cohort(cohortId, userId);
    if (!access.isTrainer && !access.isAdmin) throw new DomainError(TrainingErrors.TRAINING_EVALUATION_FORBIDDEN);
    return access;
  }

  private async participatesInProgram(programId: string, userId: string): Promise<boolean> {
    const row: unknown = await this.uow.manager
      .createQueryBuilder(CohortParticipant, 'p')
      .innerJoin(Cohort, 'c', 'c.id = p.cohortId')
      .where('c.programId = :programId AND p.userId = :userId', { programId, userId })
      .select('p.userId', 'userId')
      .limit(1)
      .getRawOne();
    return row !== undefined && row !== null;
  }
}
