import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { Mutex } from 'async-mutex';
import { LRUCache } from 'lru-cache';
import { EntityManager, In, MoreThan } from 'typeorm';
import { Clock } from '../../common/clock';
import { UnitOfWork } from '../../database/unit-of-work';
import type { FingerprintChange, Proposal, ProposalQuery } from './domain/near-duplicate-engine';
import { ExistingIdeaGrams } from './domain/near-duplicates';
import { IdeaFingerprint } from './idea-fingerprint.entity';
import { NearDuplicateThread } from './near-duplicate-thread';
import { activeGramsOf, activeGramsWrittenAfter, fingerprintsAfter, NO_HASHES } from './sqlite-fingerprints';

/**
 * Ideas kept indexed in memory across campaigns, least recently used campaign dropped first (it is
 * rebuilt from the table when next checked). The LSH table, each idea's band keys and its hashed grams
 * cost about 8 KB per idea, all in typed arrays: about 400 MB at this budget.
 */
const MAX_INDEXED_IDEAS = 50_000;
/** Fingerprints read and sent to the index per step of a catch-up; the event loop is free between steps. */
const CATCH_UP_PAGE = 500;
/** Campaigns with a fingerprint written this recently are indexed when the service starts. */
const WARM_WITHIN_MS = 30 * 24 * 3600 * 1000;
/** Fingerprints this instance wrote lately, about 1 KB each: far more than are written between two checks. */
const REMEMBERED_WRITES = 4096;

/** What the main thread knows of a campaign's index on the near-duplicate thread. */
class CampaignIndex {
  readonly catchUpLock = new Mutex();
  /** The highest fingerprint version sent to the thread. */
  version = 0;
  ideas = 0;
  lastUsed = 0;
}

/** What a check of the index gives: the engine's proposal, and the campaign's fingerprint version it reflects. */
export interface Proposals extends Proposal {
  seenVersion: number;
}

/**
 * The near-duplicate index of each campaign (ALGORITHMS.md §1). Fingerprints are rows written in each
 * idea's transaction; every instance keeps an in-memory index per campaign, built lazily from the rows
 * and caught up before each check by reading the rows with a version above the one it holds. Versions
 * come from one row per campaign that every writer bumps first, so writers of a campaign take turns
 * and versions become visible in order: nothing written by another instance is ever skipped. The
 * indexes themselves live on a thread of their own (NearDuplicateEngine): proposing candidates is
 * most of a submission's work, and there it leaves the event loop to votes and pages.
 */
@Injectable()
export class NearDuplicateIndex implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(NearDuplicateIndex.name);
  private readonly campaigns = new Map<string, CampaignIndex>();
  /** A lost thread took every index with it: each is rebuilt from the table when next checked. */
  private readonly engine = new NearDuplicateThread(() => this.campaigns.clear());
  /** By idea: the version this instance wrote and its hashes, which a catch-up then need not read. */
  private readonly writtenHere = new LRUCache<string, { version: number; hashes: Uint32Array }>({ max: REMEMBERED_WRITES });
  private uses = 0;
  private stopping = false;

  constructor(private readonly uow: UnitOfWork, private readonly clock: Clock) {}

  /**
   * Indexes the recently active campaigns in the background, a page at a time, so the first idea
   * submitted after a restart does not wait seconds for its campaign's index to be built.
   */
  onApplicationBootstrap(): void {
    void this.warmRecentCampaigns().catch((error: unknown) => {
      if (!this.stopping) this.logger.warn(`index warm-up stopped: ${error instanceof Error ? error.message : String(error)}`);
    });
  }

  /** Before the database closes: a warm-up still running stops at its next page, and the thread stops. */
  async onModuleDestroy(): Promise<void> {
    this.stopping = true;
    await this.engine.close();
  }

  /** How many ideas of the campaign the in-memory index holds (0 when it is not indexed). */
  indexedIdeas(campaignId: string): number {
    return this.campaigns.get(campaignId)?.ideas ?? 0;
  }

  async warmRecentCampaigns(): Promise<void> {
    const since = new Date(this.clock.now().getTime() - WARM_WITHIN_MS);
    const recent = await this.uow.manager
      .createQueryBuilder(IdeaFingerprint, 'f')
      .select('f.campaignId', 'campaignId')
      .addSelect('COUNT(*)', 'ideas')
      .where('f.active = :active AND f.updatedAt >= :since', { active: true, since })
      .groupBy('f.campaignId')
      .orderBy('MAX(f.updatedAt)', 'DESC')
      .getRawMany<{ campaignId: string; ideas: number | string }>();
    let budget = MAX_INDEXED_IDEAS;
    for (const { campaignId, ideas } of recent) {
      budget -= Number(ideas);
      if (budget < 0 || this.stopping) return;
      const { index, lastPage } = await this.caughtUp(campaignId, this.uow.manager, (changes) => this.engine.apply(campaignId, changes));
      index.ideas = await lastPage;
      await this.evictBeyondBudget();
    }
  }

  /**
   * Ideas whose similarity to `query` may reach the similar band, from an index caught up with the
   * table through `manager` (inside a transaction, the transaction's own view).
   */
  async propose(campaignId: string, query: ProposalQuery, manager: EntityManager = this.uow.manager): Promise<Proposals> {
    const { index, version: seenVersion, lastPage } = await this.caughtUp(campaignId, manager, (changes) => this.engine.propose(campaignId, changes, query));
    const { finalists, coverage, reservation, ideas } = await lastPage;
    index.ideas = ideas;
    await this.evictBeyondBudget();
    return { finalists, seenVersion, coverage, reservation };
  }

  /**
   * The active ideas of a campaign whose fingerprint was written after `version`, with their grams,
   * read through `manager`: the re-check in an idea's transaction sees exactly what committed (or is
   * being committed) since its assessment, without waiting on the in-memory index.
   */
  async writtenAfter(campaignId: string, version: number, manager: EntityManager): Promise<ExistingIdeaGrams[]> {
    // On SQLite the one connection is the transaction's too.
    if (this.uow.isSqlite) return activeGramsWrittenAfter(this.uow.sqliteHandle, campaignId, version);
    const rows = await manager.find(IdeaFingerprint, { where: { campaignId, version: MoreThan(version), active: true } });
    return rows.map((row) => ({ id: row.ideaId, grams: row.grams, hashes: row.hashes, submittedAt: row.submittedAt.getTime() }));
  }

  /** The stored grams of active ideas, read through `manager`: exact re-verification never trusts the in-memory copy. */
  async gramsFor(campaignId: string, ids: string[], manager: EntityManager = this.uow.manager): Promise<ExistingIdeaGrams[]> {
    if (this.uow.isSqlite) return activeGramsOf(this.uow.sqliteHandle, campaignId, ids);
    const rows = ids.length ? await manager.findBy(IdeaFingerprint, { ideaId: In([...new Set(ids)]) }) : [];
    return rows
      .filter((row) => row.active && row.campaignId === campaignId)
      .map((row) => ({ id: row.ideaId, grams: row.grams, submittedAt: row.submittedAt.getTime() }));
  }

  /**
   * A fingerprint this instance committed: a catch-up that meets the idea at this version takes the
   * hashes from here. A row's hashes at a version never change, so nothing here can be stale.
   */
  rememberWritten(ideaId: string, version: number, hashes: Uint32Array): void {
    this.writtenHere.set(ideaId, { version, hashes });
  }

  /** A new idea entered with its check (`reserveAs`) whose fingerprint will never be written. */
  release(campaignId: string, ideaId: string): void {
    // Only ever an optimisation: a reservation the thread never hears of is dropped by its cap.
    this.engine.release(campaignId, ideaId).catch(() => undefined);
  }

  /** Takes the campaign's next fingerprint version; the bump locks the row until the transaction ends. */
  async nextVersion(manager: EntityManager, campaignId: string): Promise<number> {
    const p = this.uow.isSqlite ? '?' : '$1';
    const rows: Array<{ version: number | string }> = await manager.query(
      `INSERT INTO "campaign_fingerprint_versions" ("campaignId", "version") VALUES (${p}, 1)
       ON CONFLICT ("campaignId") DO UPDATE SET "version" = "campaign_fingerprint_versions"."version" + 1 RETURNING "version"`,
      [campaignId],
    );
    return Number(rows[0]?.version);
  }

  /** Writes (or rewrites, for a revision) an idea's fingerprint at `version`, in the idea's transaction. */
  async write(manager: EntityManager, row: Omit<IdeaFingerprint, 'updatedAt' | 'active'>): Promise<void> {
    const fingerprint: IdeaFingerprint = { ...row, active: true, updatedAt: this.clock.now() };
    await manager
      .createQueryBuilder()
      .insert()
      .into(IdeaFingerprint)
      .values(fingerprint)
      .orUpdate(['campaignId', 'version', 'active', 'grams', 'hashes', 'submittedAt', 'updatedAt'], ['ideaId'])
      .updateEntity(false)
      .execute();
  }

  /** A rejected idea or a confirmed duplicate is nobody's original any more. */
  async deactivate(manager: EntityManager, ideaId: string, campaignId: string): Promise<void> {
    const version = await this.nextVersion(manager, campaignId);
    await manager.update(IdeaFingerprint, { ideaId }, { active: false, version, updatedAt: this.clock.now() });
  }

  /**
   * Brings the campaign's index up to every fingerprint committed so far (built from the table the
   * first time): full pages are applied one request at a time, leaving the event loop to others between
   * them; the last page goes to the thread with `send`, the caller's own request, which is posted before
   * the next catch-up of the campaign may start, so it always reaches the thread first.
   */
  private async caughtUp<T>(
    campaignId: string,
    manager: EntityManager,
    send: (lastPage: FingerprintChange[]) => Promise<T>,
  ): Promise<{ index: CampaignIndex; version: number; lastPage: Promise<T> }> {
    let index = this.campaigns.get(campaignId);
    if (!index) {
      index = new CampaignIndex();
      this.campaigns.set(campaignId, index);
    }
    index.lastUsed = ++this.uses;
    const target = index;
    // One catch-up at a time per campaign: concurrent checks share the rows instead of each sending them.
    const lastPage = await target.catchUpLock.runExclusive(async () => {
      for (;;) {
        const changes = await this.changesAfter(campaignId, target.version, manager);
        if (changes.length > 0) target.version = Math.max(target.version, ...changes.map((change) => change.version));
        // The version the request reflects is the one reached here: a later catch-up may move the index on before the caller resumes.
        if (changes.length < CATCH_UP_PAGE || this.stopping) return { version: target.version, sent: this.forgetIfFailed(campaignId, target, send(changes)) };
        target.ideas = await this.forgetIfFailed(campaignId, target, this.engine.apply(campaignId, changes));
      }
    });
    return { index: target, version: lastPage.version, lastPage: lastPage.sent };
  }

  /** A request that carried changes and failed may have left them unapplied: the index is rebuilt from the table when next checked. */
  private forgetIfFailed<T>(campaignId: string, index: CampaignIndex, request: Promise<T>): Promise<T> {
    return request.catch((error: unknown) => {
      if (this.campaigns.get(campaignId) === index) {
        this.campaigns.delete(campaignId);
        // Posted before any request of the rebuild; a thread that is gone has forgotten it anyway.
        this.engine.drop(campaignId).catch(() => undefined);
      }
      throw error;
    });
  }

  /** The next page of fingerprints written after `version`, oldest first. */
  private async changesAfter(campaignId: string, version: number, manager: EntityManager): Promise<FingerprintChange[]> {
    if (this.uow.isSqlite) {
      return fingerprintsAfter(this.uow.sqliteHandle, campaignId, version, CATCH_UP_PAGE, (ideaId, at) => {
        const written = this.writtenHere.get(ideaId);
        return written?.version === at ? written.hashes : undefined;
      });
    }
    const rows = await manager.find(IdeaFingerprint, {
      where: { campaignId, version: MoreThan(version) },
      order: { version: 'ASC' },
      take: CATCH_UP_PAGE,
      select: { ideaId: true, version: true, active: true, hashes: true },
    });
    return rows.map(({ ideaId, version, active, hashes }) => ({ ideaId, version, active, hashes: active ? hashes : NO_HASHES }));
  }

  private async evictBeyondBudget(): Promise<void> {
    let total = 0;
    for (const index of this.campaigns.values()) total += index.ideas;
    if (total <= MAX_INDEXED_IDEAS) return;
    const oldestFirst = [...this.campaigns.entries()].sort((a, b) => a[1].lastUsed - b[1].lastUsed);
    for (const [campaignId, index] of oldestFirst.slice(0, -1)) {
      if (total <= MAX_INDEXED_IDEAS) break;
      this.campaigns.delete(campaignId);
      total -= index.ideas;
      await this.engine.drop(campaignId);
    }
  }
}
