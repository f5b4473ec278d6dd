import { preparedStatements, readSqliteDate } from '../../database/sqlite-statements';
import type { SqliteHandle } from '../../database/unit-of-work';
import { unpackHashes } from './domain/gram-hashes';
import type { FingerprintChange } from './domain/near-duplicate-engine';
import type { ExistingIdeaGrams } from './domain/near-duplicates';

// Read on the SQLite write thread as well as in the service: it imports pure code only. The
// fingerprint reads of every near-duplicate check, as prepared statements: through TypeORM each cost
// several times the query itself, mostly in turning the stored grams into entities.

const statements = preparedStatements({
  after: 'SELECT "ideaId", "version", "active", "hashes" FROM "idea_fingerprints" WHERE "campaignId" = ? AND "version" > ? ORDER BY "version" LIMIT ?',
  activeAfter: 'SELECT "ideaId", "version", "submittedAt", "hashes", "grams" FROM "idea_fingerprints" WHERE "campaignId" = ? AND "version" > ? AND "active" = 1',
  active: 'SELECT "ideaId", "version", "submittedAt" FROM "idea_fingerprints" WHERE "ideaId" = ? AND "campaignId" = ? AND "active" = 1',
  gramsAt: 'SELECT "grams" FROM "idea_fingerprints" WHERE "ideaId" = ? AND "version" = ?',
});

interface StoredVersion {
  ideaId: string;
  version: number;
  submittedAt: string;
}

/** One version of an idea's grams: its stored text, and the set made from it when first needed. */
interface KnownGrams {
  version: number;
  json: string;
  set: ReadonlySet<string> | null;
}

/** A deactivated fingerprint's place in a catch-up: the index only forgets the idea. */
export const NO_HASHES = new Uint32Array(0);

/** Per connection, the ideas whose grams were read lately; a few MB at most, the oldest dropped first. */
const KNOWN_LIMIT = 1024;
const knownByConnection = new WeakMap<SqliteHandle, Map<string, KnownGrams>>();

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
  const read: KnownGrams = { version, json: row.grams, set: null };
  known.delete(ideaId);
  known.set(ideaId, read);
  if (known.size > KNOWN_LIMIT) known.delete(known.keys().next().value!);
  return read;
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
    private readonly entry: Pick<KnownGrams, 'json' | 'set'>,
    readonly hashes: Uint32Array | undefined,
  ) {
    this.submittedAt = readSqliteDate(submittedAt).getTime();
  }

  get grams(): ReadonlySet<string> {
    return (this.entry.set ??= new Set(JSON.parse(this.entry.json) as string[]));
  }
}

/** The campaign's fingerprints written after `version`, active or not, oldest version first: what an index catches up on. */
export function fingerprintsAfter(db: SqliteHandle, campaignId: string, version: number, limit: number): FingerprintChange[] {
  const rows = statements(db).after.all(campaignId, version, limit) as Array<{ ideaId: string; version: number; active: number; hashes: string }>;
  return rows.map((row) => {
    const active = row.active === 1;
    return { ideaId: row.ideaId, version: row.version, active, hashes: active ? unpackHashes(row.hashes) : NO_HASHES };
  });
}

/** The active ideas of the campaign whose fingerprint was written after `version`, with their hashes and grams; read inside the writer's transaction. */
export function activeGramsWrittenAfter(db: SqliteHandle, campaignId: string, version: number): ExistingIdeaGrams[] {
  const rows = statements(db).activeAfter.all(campaignId, version) as Array<StoredVersion & { hashes: string; grams: string }>;
  return rows.map((row) => new StoredIdeaGrams(row.ideaId, row.submittedAt, { json: row.grams, set: null }, unpackHashes(row.hashes)));
}

/** The stored grams of those of `ideaIds` that are active ideas of the campaign. */
export function activeGramsOf(db: SqliteHandle, campaignId: string, ideaIds: readonly string[]): ExistingIdeaGrams[] {
  const { active } = statements(db);
  return [...new Set(ideaIds)].flatMap((id) => {
    const row = active.get(id, campaignId) as StoredVersion | undefined;
    const entry = row ? knownGrams(db, row.ideaId, row.version) : null;
    return row && entry ? [new StoredIdeaGrams(row.ideaId, row.submittedAt, entry, undefined)] : [];
  });
}
