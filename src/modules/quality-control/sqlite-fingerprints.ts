import { preparedStatements, readSqliteDate } from '../../database/sqlite-statements';
import type { SqliteHandle } from '../../database/unit-of-work';
import type { FingerprintChange } from './domain/near-duplicate-engine';
import type { ExistingIdeaGrams } from './domain/near-duplicates';

// Read on the SQLite write thread as well as in the service: it imports pure code only. The
// fingerprint reads of every near-duplicate check, as prepared statements: through TypeORM each cost
// several times the query itself, mostly in turning the stored grams into entities.

const statements = preparedStatements({
  after: 'SELECT "ideaId", "version", "active", "grams" FROM "idea_fingerprints" WHERE "campaignId" = ? AND "version" > ? ORDER BY "version" LIMIT ?',
  activeAfter: 'SELECT "ideaId", "version", "grams", "submittedAt" FROM "idea_fingerprints" WHERE "campaignId" = ? AND "version" > ? AND "active" = 1',
  active: 'SELECT "ideaId", "version", "grams", "submittedAt" FROM "idea_fingerprints" WHERE "ideaId" = ? AND "campaignId" = ? AND "active" = 1',
});

interface StoredGrams {
  ideaId: string;
  version: number;
  grams: string;
  submittedAt: string;
}

interface ParsedGrams {
  version: number;
  list: string[];
  set: ReadonlySet<string> | null;
}

/** Per connection, the ideas whose stored grams were read lately, by id; a few MB at most, the oldest read dropped first. */
const PARSED_LIMIT = 1024;
const parsedByConnection = new WeakMap<SqliteHandle, Map<string, ParsedGrams>>();

/**
 * The stored grams of one version of an idea, parsed once. Under a burst of submissions each one
 * re-checks the ideas written while it was assessed, and every thread reads the newest ideas again
 * and again: parsing their JSON was most of the write thread's time per submission. A version's grams
 * never change, so the cache needs no invalidation; callers must not modify what it returns.
 */
function parsedGrams(db: SqliteHandle, ideaId: string, version: number, json: string): ParsedGrams {
  let parsed = parsedByConnection.get(db);
  if (!parsed) parsedByConnection.set(db, (parsed = new Map<string, ParsedGrams>()));
  const known = parsed.get(ideaId);
  if (known && known.version === version) return known;
  const entry: ParsedGrams = { version, list: JSON.parse(json) as string[], set: null };
  parsed.delete(ideaId);
  parsed.set(ideaId, entry);
  if (parsed.size > PARSED_LIMIT) parsed.delete(parsed.keys().next().value!);
  return entry;
}

function existingIdea(db: SqliteHandle, row: StoredGrams): ExistingIdeaGrams {
  const entry = parsedGrams(db, row.ideaId, row.version, row.grams);
  entry.set ??= new Set(entry.list);
  return { id: row.ideaId, grams: entry.set, submittedAt: readSqliteDate(row.submittedAt).getTime() };
}

/** The campaign's fingerprints written after `version`, active or not, oldest version first: what an index catches up on. */
export function fingerprintsAfter(db: SqliteHandle, campaignId: string, version: number, limit: number): FingerprintChange[] {
  const rows = statements(db).after.all(campaignId, version, limit) as Array<{ ideaId: string; version: number; active: number; grams: string }>;
  return rows.map((row) => ({ ideaId: row.ideaId, version: row.version, active: row.active === 1, grams: parsedGrams(db, row.ideaId, row.version, row.grams).list }));
}

/** The active ideas of the campaign whose fingerprint was written after `version`, with their grams. */
export function activeGramsWrittenAfter(db: SqliteHandle, campaignId: string, version: number): ExistingIdeaGrams[] {
  return (statements(db).activeAfter.all(campaignId, version) as StoredGrams[]).map((row) => existingIdea(db, row));
}

/** The stored grams of those of `ideaIds` that are active ideas of the campaign. */
export function activeGramsOf(db: SqliteHandle, campaignId: string, ideaIds: readonly string[]): ExistingIdeaGrams[] {
  const { active } = statements(db);
  return [...new Set(ideaIds)].flatMap((id) => {
    const row = active.get(id, campaignId) as StoredGrams | undefined;
    return row ? [existingIdea(db, row)] : [];
  });
}
