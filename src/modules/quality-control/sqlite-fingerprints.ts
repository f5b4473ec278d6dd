import { preparedStatements, readSqliteDate } from '../../database/sqlite-statements';
import type { SqliteHandle } from '../../database/unit-of-work';
import { hashGrams } from './domain/gram-hashes';
import type { FingerprintChange } from './domain/near-duplicate-engine';
import type { ExistingIdeaGrams } from './domain/near-duplicates';

// Read on the SQLite write thread as well as in the service: it imports pure code only. The
// fingerprint reads of every near-duplicate check, as prepared statements: through TypeORM each cost
// several times the query itself, mostly in turning the stored grams into entities.

const statements = preparedStatements({
  after: 'SELECT "ideaId", "version", "active" FROM "idea_fingerprints" WHERE "campaignId" = ? AND "version" > ? ORDER BY "version" LIMIT ?',
  activeAfter: 'SELECT "ideaId", "version", "submittedAt" FROM "idea_fingerprints" WHERE "campaignId" = ? AND "version" > ? AND "active" = 1',
  active: 'SELECT "ideaId", "version", "submittedAt" FROM "idea_fingerprints" WHERE "ideaId" = ? AND "campaignId" = ? AND "active" = 1',
  gramsAt: 'SELECT "grams" FROM "idea_fingerprints" WHERE "ideaId" = ? AND "version" = ?',
});

interface StoredVersion {
  ideaId: string;
  version: number;
  submittedAt: string;
}

/** One version of an idea's grams: its stored text, and what was derived from it when first needed. */
interface KnownGrams {
  version: number;
  json: string;
  list: string[] | null;
  set: ReadonlySet<string> | null;
  hashes: Uint32Array | null;
}

/** A deactivated fingerprint's place in a catch-up: the index only forgets the idea. */
export const NO_HASHES = new Uint32Array(0);

/** Per connection, the ideas whose grams were read or written lately; a few MB at most, the oldest dropped first. */
const KNOWN_LIMIT = 1024;
const knownByConnection = new WeakMap<SqliteHandle, Map<string, KnownGrams>>();

/**
 * Under a burst of submissions each one re-checks the ideas written while it was assessed, and every
 * thread reads the newest ideas again and again. A version's grams never change, so each connection
 * keeps the ones it met by idea and version, and reads the grams column (kilobytes of JSON an idea)
 * only for a version it does not know. Callers must not modify what it returns.
 */
function knownGrams(db: SqliteHandle, ideaId: string, version: number): KnownGrams | null {
  const known = cacheOf(db).get(ideaId);
  if (known && known.version === version) return known;
  const row = statements(db).gramsAt.get(ideaId, version) as { grams: string } | undefined;
  // Rewritten since the version was listed (a revision committed in between): that version is gone.
  if (!row) return null;
  return remember(db, ideaId, { version, json: row.grams, list: null, set: null, hashes: null });
}

/** A version this process has just written: reading it back needs neither the column nor a parse. */
export function rememberWrittenGrams(db: SqliteHandle, ideaId: string, version: number, json: string, hashes: Uint32Array): void {
  remember(db, ideaId, { version, json, list: null, set: null, hashes });
}

function cacheOf(db: SqliteHandle): Map<string, KnownGrams> {
  let known = knownByConnection.get(db);
  if (!known) knownByConnection.set(db, (known = new Map<string, KnownGrams>()));
  return known;
}

function remember(db: SqliteHandle, ideaId: string, entry: KnownGrams): KnownGrams {
  const known = cacheOf(db);
  known.delete(ideaId);
  known.set(ideaId, entry);
  if (known.size > KNOWN_LIMIT) known.delete(known.keys().next().value!);
  return entry;
}

function listOf(entry: KnownGrams): string[] {
  return (entry.list ??= JSON.parse(entry.json) as string[]);
}

function hashesOf(entry: KnownGrams): Uint32Array {
  return (entry.hashes ??= hashGrams(listOf(entry)));
}

/**
 * An idea as the exact comparison takes it. The set of grams is made when first asked for: a re-check
 * looks at the hashes first, and most of the ideas written meanwhile never get further.
 */
class StoredIdeaGrams implements ExistingIdeaGrams {
  readonly submittedAt: number;

  constructor(
    readonly id: string,
    submittedAt: string,
    private readonly entry: KnownGrams,
    readonly hashes: Uint32Array | undefined,
  ) {
    this.submittedAt = readSqliteDate(submittedAt).getTime();
  }

  get grams(): ReadonlySet<string> {
    return (this.entry.set ??= new Set(listOf(this.entry)));
  }
}

function existingIdea(row: StoredVersion, entry: KnownGrams, withHashes: boolean): ExistingIdeaGrams {
  return new StoredIdeaGrams(row.ideaId, row.submittedAt, entry, withHashes ? hashesOf(entry) : undefined);
}

/**
 * The campaign's fingerprints written after `version`, active or not, oldest version first: what an
 * index catches up on. A version rewritten between the listing and its grams ends the page there;
 * the next catch-up reads on from it.
 */
export function fingerprintsAfter(db: SqliteHandle, campaignId: string, version: number, limit: number): FingerprintChange[] {
  const rows = statements(db).after.all(campaignId, version, limit) as Array<{ ideaId: string; version: number; active: number }>;
  const changes: FingerprintChange[] = [];
  for (const row of rows) {
    const active = row.active === 1;
    const entry = active ? knownGrams(db, row.ideaId, row.version) : null;
    if (active && !entry) break;
    changes.push({ ideaId: row.ideaId, version: row.version, active, hashes: entry ? hashesOf(entry) : NO_HASHES });
  }
  return changes;
}

/** The active ideas of the campaign whose fingerprint was written after `version`, with their grams and hashes; read inside the writer's transaction. */
export function activeGramsWrittenAfter(db: SqliteHandle, campaignId: string, version: number): ExistingIdeaGrams[] {
  return (statements(db).activeAfter.all(campaignId, version) as StoredVersion[]).flatMap((row) => {
    const entry = knownGrams(db, row.ideaId, row.version);
    return entry ? [existingIdea(row, entry, true)] : [];
  });
}

/** The stored grams of those of `ideaIds` that are active ideas of the campaign. */
export function activeGramsOf(db: SqliteHandle, campaignId: string, ideaIds: readonly string[]): ExistingIdeaGrams[] {
  const { active } = statements(db);
  return [...new Set(ideaIds)].flatMap((id) => {
    const row = active.get(id, campaignId) as StoredVersion | undefined;
    const entry = row ? knownGrams(db, row.ideaId, row.version) : null;
    return row && entry ? [existingIdea(row, entry, false)] : [];
  });
}
