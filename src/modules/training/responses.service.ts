import { Injectable } from '@nestjs/common';
import { Clock } from '../../common/clock';
import { DomainError } from '../../common/errors/domain-error';
import { DomainEvents } from '../../common/events/domain-events';
import { newId } from '../../common/ids';
import { isUniqueViolation } from '../../database/unique-violation';
import { UnitOfWork } from '../../database/unit-of-work';
import { findAnswerProblems, normalizeAnswers } from './domain/answer-rules';
import type { AnswerInput } from './domain/training.types';
import { SubmittedResponseBody } from './dto/instrument.dto';
import { Instrument, InstrumentResponse } from './instrument.entity';
import { InstrumentsService } from './instruments.service';
import { answerProblemsError } from './item-problem-messages';
import { TrainingErrors } from './training.errors';

interface Stored {
  row: InstrumentResponse;
  replaced: boolean;
  count: number;
}

/**
 * Answers to an instrument: one response per participant (a unique index), replaced by a later
 * submission until the instrument closes (PRODUCT.md "Response").
 */
@Injectable()
export class ResponsesService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly instruments: InstrumentsService,
    private readonly events: DomainEvents,
    private readonly clock: Clock,
  ) {}

  async submit(callerId: string, instrumentId: string, answers: AnswerInput[]): Promise<SubmittedResponseBody> {
    const instrument = await this.participantInstrument(callerId, instrumentId);
    this.assertOpen(instrument);
    const problems = findAnswerProblems(instrument.items, answers);
    if (problems.length) throw answerProblemsError(problems);
    const normalized = normalizeAnswers(instrument.items, answers);
    const stored = await this.store(instrument, callerId, normalized).catch((error: unknown) => {
      // Two submissions of one participant raced to insert: the loser's answers replace the winner's.
      if (isUniqueViolation(error)) return this.store(instrument, callerId, normalized);
      throw error;
    });
    this.events.emit('responses.count', { cohortId: instrument.cohortId, instrumentId, count: stored.count });
    return SubmittedResponseBody.from(stored.row, stored.replaced);
  }

  async mine(callerId: string, instrumentId: string): Promise<SubmittedResponseBody> {
    await this.participantInstrument(callerId, instrumentId);
    const row = await this.uow.manager.findOneBy(InstrumentResponse, { instrumentId, participantId: callerId });
    if (!row) throw new DomainError(TrainingErrors.TRAINING_RESPONSE_NOT_FOUND);
    return SubmittedResponseBody.from(row, false);
  }

  /** Only the cohort's participants answer; its trainers and admins see the instrument but may not. */
  private async participantInstrument(callerId: string, instrumentId: string): Promise<Instrument> {
    const instrument = await this.instruments.load(instrumentId);
    const access = await this.instruments.readerAccess(instrument, callerId);
    if (!access.isParticipant) throw new DomainError(TrainingErrors.TRAINING_PARTICIPANT_FORBIDDEN);
    return instrument;
  }

  private assertOpen(instrument: Instrument): void {
    const now = this.clock.now();
    if (instrument.opensAt && now < instrument.opensAt) {
      throw new DomainError(TrainingErrors.TRAINING_INSTRUMENT_NOT_OPEN_CONFLICT, { opensAt: instrument.opensAt.toISOString() });
    }
    if (instrument.closesAt && now >= instrument.closesAt) {
      throw new DomainError(TrainingErrors.TRAINING_INSTRUMENT_CLOSED_CONFLICT, { closesAt: instrument.closesAt.toISOString() });
    }
  }

  private store(instrument: Instrument, participantId: string, answers: AnswerInput[]): Promise<Stored> {
    const now = this.clock.now();
    return this.uow.run(async (manager) => {
      const existing = await manager.findOneBy(InstrumentResponse, { instrumentId: instrument.id, participantId });
      let row: InstrumentResponse;
      if (existing) {
        await manager.update(InstrumentResponse, { id: existing.id }, { answers, updatedAt: now });
        row = Object.assign(existing, { answers, updatedAt: now });
      } else {
        row = Object.assign(new InstrumentResponse(), { id: newId(), instrumentId: instrument.id, cohortId: instrument.cohortId, participantId, answers, submittedAt: now, updatedAt: now });
        await manager.insert(InstrumentResponse, row);
      }
      const count = await manager.countBy(InstrumentResponse, { instrumentId: instrument.id });
      return { row, replaced: existing !== null, count };
    });
  }
}
