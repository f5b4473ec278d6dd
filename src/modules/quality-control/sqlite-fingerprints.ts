import { preparedStatements, readSqliteDate } from '../../database/sqlite-statements';
import type { SqliteHandle } from '../../database/unit-of-work';
import { hashGrams } from './domain/gram-hashes';
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
  hashes: Uint32Array | null;
}

/** A deactivated fingerprint's place in a catch-up: the index only forgets the idea. */
export const NO_HASHES = new Uint32Array(0);

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
  const known = parsedCache(db).get(ideaId);
  if (known && known.version === version) return known;
  return remember(db, ideaId, { version, list: JSON.parse(json) as string[], set: null, hashes: null });
}

/** The grams of a version this process wrote itself: reading them back needs no parse. */
export function rememberParsedGrams(db: SqliteHandle, ideaId: string, version: number, list: string[], hashes: Uint32Array): void {
  remember(db, ideaId, { version, list, set: null, hashes });
}

function parsedCache(db: SqliteHandle): Map<string, ParsedGrams> {
  let parsed = parsedByConnection.get(db);
  if (!parsed) parsedByConnection.set(db, (parsed = new Map<string, ParsedGrams>()));
  return parsed;
}

function remember(db: SqliteHandle, ideaId: string, entry: ParsedGrams): ParsedGrams {
  const parsed = parsedCache(db);
  parsed.delete(ideaId);
  parsed.set(ideaId, entry);
  if (parsed.size > PARSED_LIMIT) parsed.delete(parsed.keys().next().value!);
  return entry;
}

function hashesOf(entry: ParsedGrams): Uint32Array {
  return (entry.hashes ??= hashGrams(entry.list));
}

function existingIdea(db: SqliteHandle, row: StoredGrams): ExistingIdeaGrams {
  const entry = parsedGrams(db, row.ideaId, row.version, row.grams);
  entry.set ??= new Set(entry.list);
  return { id: row.ideaId, grams: entry.set, hashes: hashesOf(entry), submittedAt: readSqliteDate(row.submittedAt).getTime() };
}

/** The campaign's fingerprints written after `version`, active or not, oldest version first: what an index catches up on. */
export function fingerprintsAfter(db: SqliteHandle, campaignId: string, version: number, limit: number): FingerprintChange[] {
  const rows = statements(db).after.all(campaignId, version, limit) as Array<{ ideaId: string; version: number; active: number; grams: string }>;
  return rows.map((row) => {
    const active = row.active === 1;
    return { ideaId: row.ideaId, version: row.version, active, hashes: active ? hashesOf(parsedGrams(db, row.ideaId, row.version, row.grams)) : NO_HASHES };
  });
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
