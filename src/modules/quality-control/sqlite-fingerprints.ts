import { preparedStatements, readSqliteDate } from '../../database/sqlite-statements';
import type { SqliteHandle } from '../../database/unit-of-work';
import { unpackHashes } from './domain/gram-hashes';
import { type Coverage, covers, type FingerprintChange, type ReservationNumber } from './domain/near-duplicate-engine';
import type { ExistingIdeaGrams } from './domain/near-duplicates';

// Read on the SQLite write thread as well as in the service: it imports pure code only. The
// fingerprint reads of every near-duplicate check, as prepared statements: through TypeORM each cost
// several times the query itself, mostly in turning the stored grams into entities.

const statements = preparedStatements({
  after: 'SELECT "ideaId", "version", "active" FROM "idea_fingerprints" WHERE "campaignId" = ? AND "version" > ? ORDER BY "version" LIMIT ?',
  hashesAt: 'SELECT "hashes" FROM "idea_fingerprints" WHERE "ideaId" = ? AND "version" = ?',
  activeAfter: 'SELECT "ideaId", "version" FROM "idea_fingerprints" WHERE "campaignId" = ? AND "version" > ? AND "active" = 1',
  storedAt: 'SELECT "submittedAt", "hashes" FROM "idea_fingerprints" WHERE "ideaId" = ? AND "version" = ?',
  active: 'SELECT "ideaId", "version", "submittedAt" FROM "idea_fingerprints" WHERE "ideaId" = ? AND "campaignId" = ? AND "active" = 1',
  gramsAt: 'SELECT "grams" FROM "idea_fingerprints" WHERE "ideaId" = ? AND "version" = ?',
});

interface StoredVersion {
  ideaId: string;
  version: number;
  submittedAt: string;
}

/** One version of an idea's grams: its stored text, and the list parsed from it when first needed. */
interface KnownGrams {
  version: number;
  json: string;
  list: readonly string[] | null;
}

/** A deactivated fingerprint's place in a catch-up: the index only forgets the idea. */
export const NO_HASHES = new Uint32Array(0);

/** Per connection, the ideas whose grams were read lately; a few MB at most, the oldest dropped first. */
const KNOWN_LIMIT = 1024;
const knownByConnection = new WeakMap<SqliteHandle, Map<string, KnownGrams>>();

/** A new idea's fingerprint as its writer made it: what the re-checks of the ideas that follow it compare. */
interface WrittenFingerprint {
  version: number;
  hashes: Uint32Array;
  submittedAt: number;
  /** Where the index entered the idea before it was written, if it did. */
  reservation: ReservationNumber | null;
}

/** Per connection, the new ideas it wrote lately; about 1 KB each. */
const WRITTEN_LIMIT = 1024;
const writtenByConnection = new WeakMap<SqliteHandle, Map<string, WrittenFingerprint>>();

/** Keeps at most `limit` entries, the one just set last and the oldest dropped first. */
function setRecent<T>(map: Map<string, T>, key: string, value: T, limit: number): void {
  map.delete(key);
  map.set(key, value);
  if (map.size > limit) map.delete(map.keys().next().value!);
}

/**
 * A new idea's fingerprint, written by this connection in the current transaction. Under a burst of
 * submissions, each transaction re-checks the dozens of ideas written since its assessment, nearly all
 * written by this same connection moments before: it takes their hashes from here instead of reading
 * them back. Only for new ideas: their id is fresh, so an entry whose write was rolled back can never
 * match a stored row, and a stored row with the same id and version is exactly what was written.
 */
export function rememberNewFingerprint(db: SqliteHandle, ideaId: string, written: WrittenFingerprint): void {
  let recent = writtenByConnection.get(db);
  if (!recent) writtenByConnection.set(db, (recent = new Map<string, WrittenFingerprint>()));
  setRecent(recent, ideaId, written, WRITTEN_LIMIT);
}

/**
 * The ideas the index proposes again and again (the originals a campaign's ideas keep coming near)
 * are re-verified on their stored grams each time. A version's grams never change, so each connection
 * keeps the ones it met by idea and version, and reads the grams column (kilobytes of JSON an idea)
 * only for a version it does not know. Callers must not modify what it returns.
 */
function knownGrams(db: SqliteHandle, ideaId: string, version: number): KnownGrams | null {
  let known = knownByConnection.get(db);
  if (!known) knownByConnection.set(db, (known = new Map<string, KnownGrams>()));
  const entry = known.get(ideaId);
  if (entry && entry.version === version) return entry;
  const row = statements(db).gramsAt.get(ideaId, version) as { grams: string } | undefined;
  // Rewritten since the version was read (a revision committed in between): that version is gone.
  if (!row) return null;
  const read: KnownGrams = { version, json: row.grams, list: null };
  setRecent(known, ideaId, read, KNOWN_LIMIT);
  return read;
}

/**
 * An idea as the exact comparison takes it. Its grams are read and parsed when first asked for: a
 * re-check looks at the hashes first, and most of the ideas written meanwhile never get further.
 */
class StoredIdeaGrams implements ExistingIdeaGrams {
  private entry: KnownGrams | null = null;

  constructor(
    private readonly db: SqliteHandle,
    readonly id: string,
    private readonly version: number,
    readonly submittedAt: number,
    readonly hashes: Uint32Array | undefined,
  ) {}

  /** Read inside the transaction that listed the version, or just after reading it (a finalist), so the version is there. */
  static known(db: SqliteHandle, id: string, entry: KnownGrams, submittedAt: number): StoredIdeaGrams {
    const idea = new StoredIdeaGrams(db, id, entry.version, submittedAt, undefined);
    idea.entry = entry;
    return idea;
  }

  get grams(): readonly string[] {
    this.entry ??= knownGrams(this.db, this.id, this.version);
    if (!this.entry) throw new Error(`the fingerprint of idea ${this.id} at version ${this.version} was rewritten inside the transaction that read it`);
    return (this.entry.list ??= JSON.parse(this.entry.json) as string[]);
  }
}

/** The hashes of an idea's fingerprint at a version, when the caller knows them without reading the row. */
export type KnownHashes = (ideaId: string, version: number) => Uint32Array | undefined;

/**
 * The campaign's fingerprints written after `version`, active or not, oldest version first: what an
 * index catches up on. The hashes sit behind the grams in the row, pages of it on their own: they are
 * read only for a version `known` does not give. A version rewritten between the two reads is left
 * out; the rewrite took a later version, which the next catch-up reads.
 */
export function fingerprintsAfter(db: SqliteHandle, campaignId: string, version: number, limit: number, known: KnownHashes = () => undefined): FingerprintChange[] {
  const s = statements(db);
  const rows = s.after.all(campaignId, version, limit) as Array<{ ideaId: string; version: number; active: number }>;
  return rows.flatMap((row): FingerprintChange[] => {
    if (row.active !== 1) return [{ ideaId: row.ideaId, version: row.version, active: false, hashes: NO_HASHES }];
    let hashes = known(row.ideaId, row.version);
    if (!hashes) {
      const stored = s.hashesAt.get(row.ideaId, row.version) as { hashes: string } | undefined;
      if (!stored) return [];
      hashes = unpackHashes(stored.hashes);
    }
    return [{ ideaId: row.ideaId, version: row.version, active: true, hashes }];
  });
}

/**
 * The active ideas of the campaign whose fingerprint was written after `version`, with their hashes;
 * read inside the writer's transaction. What this connection wrote itself is taken from memory, and
 * left out when the assessment's proposal compared it already, as a reserved idea (`coverage`).
 */
export function activeGramsWrittenAfter(db: SqliteHandle, campaignId: string, version: number, coverage: Coverage | null = null): ExistingIdeaGrams[] {
  const s = statements(db);
  const recent = writtenByConnection.get(db);
  const rows = s.activeAfter.all(campaignId, version) as Array<{ ideaId: string; version: number }>;
  return rows.flatMap((row) => {
    const written = recent?.get(row.ideaId);
    if (written && written.version === row.version) {
      // The row is the idea's first write, with the hashes it was entered in the index with.
      if (covers(coverage, written.reservation)) return [];
      return [new StoredIdeaGrams(db, row.ideaId, row.version, written.submittedAt, written.hashes)];
    }
    const stored = s.storedAt.get(row.ideaId, row.version) as { submittedAt: string; hashes: string };
    return [new StoredIdeaGrams(db, row.ideaId, row.version, readSqliteDate(stored.submittedAt).getTime(), unpackHashes(stored.hashes))];
  });
}

/** The stored grams of those of `ideaIds` that are active ideas of the campaign. */
export function activeGramsOf(db: SqliteHandle, campaignId: string, ideaIds: readonly string[]): ExistingIdeaGrams[] {
  const { active } = statements(db);
  return [...new Set(ideaIds)].flatMap((id) => {
    const row = active.get(id, campaignId) as StoredVersion | undefined;
    const entry = row ? knownGrams(db, row.ideaId, row.version) : null;
    return row && entry ? [StoredIdeaGrams.known(db, row.ideaId, entry, readSqliteDate(row.submittedAt).getTime())] : [];
  });
}
