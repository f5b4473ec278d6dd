import { Injectable } from '@nestjs/common';
import { Clock } from '../../common/clock';
import { DomainError } from '../../common/errors/domain-error';
import { newId } from '../../common/ids';
import { isUniqueViolation } from '../../database/unique-violation';
import { UnitOfWork } from '../../database/unit-of-work';
import { findInstrumentProblems, normalizeItem, type InstrumentDefinitionInput, type InstrumentRuleContext } from './domain/instrument-rules';
import { itemsForReader, revealsKeys } from './domain/item-visibility';
import type { InstrumentItem } from './domain/training.types';
import { CreateInstrumentDto, InstrumentResponseBody } from './dto/instrument.dto';
import { Instrument } from './instrument.entity';
import { instrumentProblemsError } from './item-problem-messages';
import { CohortAccess, TrainingAccessService } from './training-access.service';
import { TrainingErrors } from './training.errors';

/** A cohort has one pretest, one posttest and one KPI instrument per timepoint; surveys are unlimited. */
function slotOf(input: InstrumentDefinitionInput): string | null {
  if (input.kind === 'survey') return null;
  return input.kind === 'kpi' ? `kpi:${input.timepoint ?? 'baseline'}` : input.kind;
}

function definitionOf(body: CreateInstrumentDto): InstrumentDefinitionInput {
  return {
    kind: body.kind,
    items: body.items,
    ...(body.timepoint ? { timepoint: body.timepoint } : {}),
    ...(body.opensAt ? { opensAt: new Date(body.opensAt) } : {}),
    ...(body.closesAt ? { closesAt: new Date(body.closesAt) } : {}),
  };
}

@Injectable()
export class InstrumentsService {
  constructor(private readonly uow: UnitOfWork, private readonly access: TrainingAccessService, private readonly clock: Clock) {}

  async create(callerId: string, cohortId: string, body: CreateInstrumentDto): Promise<InstrumentResponseBody> {
    const { program } = await this.access.cohortAsTrainer(cohortId, callerId);
    const input = definitionOf(body);
    const context = await this.ruleContext(cohortId, input, program.topics.map((topic) => topic.key));
    const problems = findInstrumentProblems(input, context);
    if (problems.length) throw instrumentProblemsError(problems);
    const instrument = Object.assign(new Instrument(), {
      id: newId(),
      cohortId,
      kind: input.kind,
      title: body.title.trim(),
      timepoint: input.kind === 'kpi' ? (input.timepoint ?? null) : null,
      slot: slotOf(input),
      opensAt: input.opensAt ?? null,
      closesAt: input.closesAt ?? null,
      items: input.items.map((item) => normalizeItem(input.kind, item)),
      createdById: callerId,
      createdAt: context.now,
    });
    await this.insertOnce(instrument);
    return InstrumentResponseBody.from(instrument, itemsForReader(instrument.items, true));
  }

  async get(callerId: string, instrumentId: string): Promise<InstrumentResponseBody> {
    const instrument = await this.load(instrumentId);
    const access = await this.readerAccess(instrument, callerId);
    return this.present(instrument, access);
  }

  async listForCohort(callerId: string, cohortId: string): Promise<{ items: InstrumentResponseBody[] }> {
    const access = await this.access.cohort(cohortId, callerId);
    const instruments = await this.uow.manager.find(Instrument, { where: { cohortId }, order: { createdAt: 'ASC', id: 'ASC' } });
    return { items: instruments.map((instrument) => this.present(instrument, access)) };
  }

  async load(instrumentId: string): Promise<Instrument> {
    const instrument = await this.uow.manager.findOneBy(Instrument, { id: instrumentId });
    if (!instrument) throw new DomainError(TrainingErrors.TRAINING_INSTRUMENT_NOT_FOUND);
    return instrument;
  }

  /** An instrument is as visible as its cohort; hidden ones are a 404 naming the instrument, not the cohort. */
  async readerAccess(instrument: Instrument, callerId: string): Promise<CohortAccess> {
    try {
      return await this.access.cohort(instrument.cohortId, callerId);
    } catch (error) {
      if (error instanceof DomainError && error.code === TrainingErrors.TRAINING_COHORT_NOT_FOUND) throw new DomainError(TrainingErrors.TRAINING_INSTRUMENT_NOT_FOUND);
      throw error;
    }
  }

  private present(instrument: Instrument, access: CohortAccess): InstrumentResponseBody {
    const reveal = revealsKeys(access.isTrainer || access.isAdmin, instrument.closesAt, this.clock.now());
    return InstrumentResponseBody.from(instrument, itemsForReader(instrument.items, reveal));
  }

  /** What a definition is checked against: the program's topics, and the pretest or baseline it pairs with. */
  private async ruleContext(cohortId: string, input: InstrumentDefinitionInput, topicKeys: string[]): Promise<InstrumentRuleContext> {
    const pairsWithPretest = input.kind === 'posttest';
    const pairsWithBaseline = input.kind === 'kpi' && input.timepoint === 'followup';
    return {
      now: this.clock.now(),
      topicKeys: new Set(topicKeys),
      pretestItems: pairsWithPretest ? await this.requiredItems(cohortId, 'pretest', TrainingErrors.TRAINING_PRETEST_REQUIRED_CONFLICT) : null,
      baselineItems: pairsWithBaseline ? await this.requiredItems(cohortId, 'kpi:baseline', TrainingErrors.TRAINING_BASELINE_REQUIRED_CONFLICT) : null,
    };
  }

  private async requiredItems(cohortId: string, slot: string, missing: string): Promise<InstrumentItem[]> {
    const instrument = await this.uow.manager.findOneBy(Instrument, { cohortId, slot });
    if (!instrument) throw new DomainError(missing);
    return instrument.items;
  }

  /** The unique (cohort, slot) index decides a race between two trainers; the loser gets a 409. */
  private async insertOnce(instrument: Instrument): Promise<void> {
    const conflict = () => new DomainError(TrainingErrors.TRAINING_INSTRUMENT_CONFLICT, { slot: instrument.slot });
    try {
      await this.uow.run(async (manager) => {
        if (instrument.slot && (await manager.existsBy(Instrument, { cohortId: instrument.cohortId, slot: instrument.slot }))) throw conflict();
        await manager.insert(Instrument, instrument);
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw conflict();
      throw error;
    }
  }
}
