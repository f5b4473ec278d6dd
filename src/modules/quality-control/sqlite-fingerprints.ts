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
  list: string[];
  set: ReadonlySet<string> | null;
  hashes: Uint32Array | null;
}

/** A deactivated fingerprint's place in a catch-up: the index only forgets the idea. */
export const NO_HASHES = new Uint32Array(0);

/** Per connection, the grams texts read or made lately; a few MB at most, the oldest dropped first. */
const PARSED_LIMIT = 1024;
const parsedByConnection = new WeakMap<SqliteHandle, Map<string, ParsedGrams>>();

/**
 * Stored grams parsed once, by their text. Under a burst of submissions each one re-checks the ideas
 * written while it was assessed, and every thread reads the newest ideas again and again: parsing
 * their JSON was most of the write thread's time per submission. Keyed by the text itself, an entry
 * can never stand for other grams; callers must not modify what it returns.
 */
function parsedGrams(db: SqliteHandle, json: string): ParsedGrams {
  const parsed = parsedCache(db);
  const known = parsed.get(json);
  if (known) return known;
  return remember(parsed, json, { list: JSON.parse(json) as string[], set: null, hashes: null });
}

/** Grams this process is about to store: reading their text back needs no parse. */
export function rememberGramsText(db: SqliteHandle, json: string, list: string[], hashes: Uint32Array): void {
  remember(parsedCache(db), json, { list, set: null, hashes });
}

function parsedCache(db: SqliteHandle): Map<string, ParsedGrams> {
  let parsed = parsedByConnection.get(db);
  if (!parsed) parsedByConnection.set(db, (parsed = new Map<string, ParsedGrams>()));
  return parsed;
}

function remember(parsed: Map<string, ParsedGrams>, json: string, entry: ParsedGrams): ParsedGrams {
  parsed.delete(json);
  parsed.set(json, entry);
  if (parsed.size > PARSED_LIMIT) parsed.delete(parsed.keys().next().value!);
  return entry;
}

function hashesOf(entry: ParsedGrams): Uint32Array {
  return (entry.hashes ??= hashGrams(entry.list));
}

function existingIdea(db: SqliteHandle, row: StoredGrams, withHashes: boolean): ExistingIdeaGrams {
  const entry = parsedGrams(db, row.grams);
  entry.set ??= new Set(entry.list);
  const idea: ExistingIdeaGrams = { id: row.ideaId, grams: entry.set, submittedAt: readSqliteDate(row.submittedAt).getTime() };
  return withHashes ? { ...idea, hashes: hashesOf(entry) } : idea;
}

/** The campaign's fingerprints written after `version`, active or not, oldest version first: what an index catches up on. */
export function fingerprintsAfter(db: SqliteHandle, campaignId: string, version: number, limit: number): FingerprintChange[] {
  const rows = statements(db).after.all(campaignId, version, limit) as Array<{ ideaId: string; version: number; active: number; grams: string }>;
  return rows.map((row) => {
    const active = row.active === 1;
    return { ideaId: row.ideaId, version: row.version, active, hashes: active ? hashesOf(parsedGrams(db, row.grams)) : NO_HASHES };
  });
}

/** The active ideas of the campaign whose fingerprint was written after `version`, with their grams and hashes. */
export function activeGramsWrittenAfter(db: SqliteHandle, campaignId: string, version: number): ExistingIdeaGrams[] {
  return (statements(db).activeAfter.all(campaignId, version) as StoredGrams[]).map((row) => existingIdea(db, row, true));
}

/** The stored grams of those of `ideaIds` that are active ideas of the campaign. */
export function activeGramsOf(db: SqliteHandle, campaignId: string, ideaIds: readonly string[]): ExistingIdeaGrams[] {
  const { active } = statements(db);
  return [...new Set(ideaIds)].flatMap((id) => {
    const row = active.get(id, campaignId) as StoredGrams | undefined;
    return row ? [existingIdea(db, row, false)] : [];
  });
}
