import { Injectable } from '@nestjs/common';
import { Mutex } from 'async-mutex';
import { EntityManager, In, MoreThan } from 'typeorm';
import { Clock } from '../../common/clock';
import { UnitOfWork } from '../../database/unit-of-work';
import { hashedJaccardAtLeast, hashGrams } from './domain/gram-hashes';
import { MinHashIndex } from './domain/minhash-index';
import { ExistingIdeaGrams } from './domain/near-duplicates';
import { IdeaFingerprint } from './idea-fingerprint.entity';

/** Below this many ideas every one is compared (full recall); above it MinHash/LSH proposes candidates. */
const FULL_SCAN_LIMIT = 2000;
/** Finalists re-verified on their stored grams; more than enough for one original and the top 3 similar. */
const MAX_FINALISTS = 12;
/** Hash collisions can only move a similarity by ~1/|A∪B|; the margin keeps a true match from being cut. */
const FINALIST_MARGIN = 0.02;
/**
 * Ideas kept indexed in memory across campaigns, least recently used campaign dropped first (it is
 * rebuilt from the table when next checked). The LSH buckets cost about 7 KB per idea, the hashed
 * grams 1 KB: about 400 MB at this budget.
 */
const MAX_INDEXED_IDEAS = 50_000;

/** Recent writes remembered per campaign, so the re-check in a transaction need not scan every idea. */
const RECENT_WRITES = 4096;

interface IndexedIdea {
  hashes: Uint32Array;
  version: number;
}

class CampaignIndex {
  readonly lsh = new MinHashIndex();
  readonly ideas = new Map<string, IndexedIdea>();
  readonly catchUpLock = new Mutex();
  /** Ids written after `recentSince`, in version order. */
  recent: Array<{ id: string; version: number }> = [];
  recentSince = 0;
  version = 0;
  lastUsed = 0;

  /** Ids whose fingerprint changed after `version`, newest last. */
  changedAfter(version: number): string[] {
    if (version < this.recentSince) return [...this.ideas.entries()].filter(([, idea]) => idea.version > version).map(([id]) => id);
    const ids: string[] = [];
    for (let i = this.recent.length - 1; i >= 0 && this.recent[i]!.version > version; i--) ids.push(this.recent[i]!.id);
    return ids;
  }

  remember(id: string, version: number): void {
    this.recent.push({ id, version });
    if (this.recent.length <= RECENT_WRITES) return;
    const dropped = this.recent.splice(0, RECENT_WRITES / 2);
    this.recentSince = dropped[dropped.length - 1]!.version;
  }
}

export interface CandidateQuery {
  grams: Set<string>;
  similarThreshold: number;
  ignoreId: string | null;
  /** Only ideas written after this version (the re-check in the idea's transaction); 0 for all. */
  changedAfter?: number;
}

export interface Proposals {
  /** The ids worth an exact check, strongest first. */
  finalists: string[];
  /** The campaign's fingerprint version the proposals reflect. */
  seenVersion: number;
}

/**
 * The near-duplicate index of each campaign (ALGORITHMS.md §1). Fingerprints are rows written in each
 * idea's transaction; every instance keeps an in-memory index per campaign, built lazily from the rows
 * and caught up before each check by reading the rows with a version above the one it holds. Versions
 * come from one row per campaign that every writer bumps first, so writers of a campaign take turns
 * and versions become visible in order: nothing written by another instance is ever skipped.
 */
@Injectable()
export class NearDuplicateIndex {
  private readonly campaigns = new Map<string, CampaignIndex>();
  private uses = 0;

  constructor(private readonly uow: UnitOfWork, private readonly clock: Clock) {}

  /**
   * Ideas whose similarity to `query` may reach the similar band, from an index caught up with the
   * table through `manager` (inside a transaction, the transaction's own view).
   */
  async propose(campaignId: string, query: CandidateQuery, manager: EntityManager = this.uow.manager): Promise<Proposals> {
    const index = await this.caughtUp(campaignId, manager);
    const hashes = hashGrams(query.grams);
    const ids = this.candidateIds(index, query);
    const floor = Math.max(0, query.similarThreshold - FINALIST_MARGIN);
    const scored: Array<{ id: string; similarity: number }> = [];
    for (const id of ids) {
      const idea = index.ideas.get(id);
      if (!idea || id === query.ignoreId) continue;
      const similarity = hashedJaccardAtLeast(hashes, idea.hashes, floor);
      if (similarity !== null) scored.push({ id, similarity });
    }
    scored.sort((a, b) => b.similarity - a.similarity);
    return { finalists: scored.slice(0, MAX_FINALISTS).map((s) => s.id), seenVersion: index.version };
  }

  /** Every idea when the campaign is small; LSH candidates when it is large; only the changed ones for a re-check. */
  private candidateIds(index: CampaignIndex, query: CandidateQuery): Iterable<string> {
    const after = query.changedAfter ?? 0;
    if (after > 0) return index.changedAfter(after);
    return index.ideas.size <= FULL_SCAN_LIMIT ? index.ideas.keys() : index.lsh.candidates(query.grams);
  }

  /** The stored grams of active ideas, read through `manager`: exact re-verification never trusts the in-memory copy. */
  async gramsFor(campaignId: string, ids: string[], manager: EntityManager = this.uow.manager): Promise<ExistingIdeaGrams[]> {
    const rows = ids.length ? await manager.findBy(IdeaFingerprint, { ideaId: In([...new Set(ids)]) }) : [];
    return rows
      .filter((row) => row.active && row.campaignId === campaignId)
      .map((row) => ({ id: row.ideaId, grams: new Set(row.grams), submittedAt: row.submittedAt.getTime() }));
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
    await manager.upsert(IdeaFingerprint, { ...row, active: true, updatedAt: this.clock.now() }, ['ideaId']);
  }

  /** A rejected idea or a confirmed duplicate is nobody's original any more. */
  async deactivate(manager: EntityManager, ideaId: string, campaignId: string): Promise<void> {
    const version = await this.nextVersion(manager, campaignId);
    await manager.update(IdeaFingerprint, { ideaId }, { active: false, version, updatedAt: this.clock.now() });
  }

  /** The campaign's index with every fingerprint committed so far; built from the table the first time. */
  private async caughtUp(campaignId: string, manager: EntityManager): Promise<CampaignIndex> {
    let index = this.campaigns.get(campaignId);
    if (!index) {
      index = new CampaignIndex();
      this.campaigns.set(campaignId, index);
    }
    index.lastUsed = ++this.uses;
    const target = index;
    // One catch-up at a time per campaign: concurrent checks share the rows instead of each applying them.
    await target.catchUpLock.runExclusive(async () => {
      const rows = await manager.find(IdeaFingerprint, { where: { campaignId, version: MoreThan(target.version) }, order: { version: 'ASC' } });
      for (const row of rows) this.apply(target, row);
    });
    this.evictBeyondBudget();
    return target;
  }

  private apply(index: CampaignIndex, row: IdeaFingerprint): void {
    index.version = Math.max(index.version, row.version);
    const known = index.ideas.get(row.ideaId);
    if (known && known.version >= row.version) return;
    index.remember(row.ideaId, row.version);
    if (!row.active) {
      index.ideas.delete(row.ideaId);
      index.lsh.remove(row.ideaId);
      return;
    }
    index.ideas.set(row.ideaId, { hashes: hashGrams(row.grams), version: row.version });
    index.lsh.add(row.ideaId, row.grams);
  }

  private evictBeyondBudget(): void {
    let total = 0;
    for (const index of this.campaigns.values()) total += index.ideas.size;
    if (total <= MAX_INDEXED_IDEAS) return;
    const oldestFirst = [...this.campaigns.entries()].sort((a, b) => a[1].lastUsed - b[1].lastUsed);
    for (const [campaignId, index] of oldestFirst.slice(0, -1)) {
      if (total <= MAX_INDEXED_IDEAS) break;
      this.campaigns.delete(campaignId);
      total -= index.ideas.size;
    }
  }
}
