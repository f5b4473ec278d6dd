import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { UnitOfWork } from '../../../database/unit-of-work';
import { Cohort, CohortParticipant } from '../cohort.entity';
import type { CohortData, InstrumentData } from '../domain/evaluation-input';
import type { AnswerInput, ProgramTopic } from '../domain/training.types';
import { Instrument, InstrumentResponse } from '../instrument.entity';
import { Program } from '../program.entity';

export interface CohortSummary {
  cohortId: string;
  name: string;
  programId: string;
  topics: ProgramTopic[];
}

interface ResponseRow {
  instrumentId: string;
  participantId: string;
  answers: string;
}

/**
 * Reads what the evaluation of a cohort needs as plain data. Responses come back as raw rows and
 * their JSON is parsed here: a cohort of 5,000 participants has tens of thousands of responses, and
 * hydrating each into an entity would cost more than the statistics.
 */
@Injectable()
export class CohortDataLoader {
  constructor(private readonly uow: UnitOfWork) {}

  async load(cohortId: string, topics: readonly ProgramTopic[]): Promise<CohortData> {
    const [participantIds, instruments, responses] = await Promise.all([
      this.participantIds(cohortId),
      this.uow.manager.find(Instrument, { where: { cohortId }, order: { createdAt: 'ASC', id: 'ASC' } }),
      this.responseRows(cohortId),
    ]);
    const byInstrument = new Map<string, InstrumentData['responses'][number][]>();
    for (const row of responses) {
      const list = byInstrument.get(row.instrumentId) ?? [];
      list.push({ participantId: row.participantId, answers: JSON.parse(row.answers) as AnswerInput[] });
      byInstrument.set(row.instrumentId, list);
    }
    return {
      cohortId,
      participantIds,
      topics,
      instruments: instruments.map((instrument) => ({
        id: instrument.id,
        kind: instrument.kind,
        timepoint: instrument.timepoint,
        items: instrument.items,
        responses: byInstrument.get(instrument.id) ?? [],
      })),
    };
  }

  /** Enrolments whose participant named one of these businesses, for community analytics. */
  async enrolmentsOfBusinesses(businessIds: readonly string[]): Promise<CohortParticipant[]> {
    if (businessIds.length === 0) return [];
    return this.uow.manager.find(CohortParticipant, { where: { businessId: In([...businessIds]) } });
  }

  /** Cohorts with their program's topics, the frame every cohort's scores are computed in. */
  async cohortSummaries(cohortIds: readonly string[]): Promise<CohortSummary[]> {
    if (cohortIds.length === 0) return [];
    const cohorts = await this.uow.manager.find(Cohort, { where: { id: In([...cohortIds]) }, order: { createdAt: 'ASC', id: 'ASC' } });
    const programs = await this.uow.manager.find(Program, { where: { id: In([...new Set(cohorts.map((cohort) => cohort.programId))]) } });
    const topics = new Map(programs.map((program) => [program.id, program.topics]));
    return cohorts.map((cohort) => ({ cohortId: cohort.id, name: cohort.name, programId: cohort.programId, topics: topics.get(cohort.programId) ?? [] }));
  }

  private async participantIds(cohortId: string): Promise<string[]> {
    const rows: { userId: string }[] = await this.uow.manager
      .createQueryBuilder(CohortParticipant, 'p')
      .select('p.userId', 'userId')
      .where('p.cohortId = :cohortId', { cohortId })
      .orderBy('p.enrolledAt', 'ASC')
      .addOrderBy('p.userId', 'ASC')
      .getRawMany();
    return rows.map((row) => row.userId);
  }

  private responseRows(cohortId: string): Promise<ResponseRow[]> {
    return this.uow.manager
      .createQueryBuilder(InstrumentResponse, 'r')
      .select('r.instrumentId', 'instrumentId')
      .addSelect('r.participantId', 'participantId')
      .addSelect('r.answers', 'answers')
      .where('r.cohortId = :cohortId', { cohortId })
      .getRawMany<ResponseRow>();
  }
}
