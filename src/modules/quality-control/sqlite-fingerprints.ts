import { preparedStatements, readSqliteDate } from '../../database/sqlite-statements';
import type { SqliteHandle } from '../../database/unit-of-work';
import type { FingerprintChange } from './domain/near-duplicate-engine';
import type { ExistingIdeaGrams } from './domain/near-duplicates';

// Read on the SQLite write thread as well as in the service: it imports pure code only. The
// fingerprint reads of every near-duplicate check, as prepared statements: through TypeORM each cost
// several times the query itself, mostly in turning the stored grams into entities.

const statements = preparedStatements({
  after: 'SELECT "ideaId", "version", "active", "grams" FROM "idea_fingerprints" WHERE "campaignId" = ? AND "version" > ? ORDER BY "version" LIMIT ?',
  activeAfter: 'SELECT "ideaId", "grams", "submittedAt" FROM "idea_fingerprints" WHERE "campaignId" = ? AND "version" > ? AND "active" = 1',
  active: 'SELECT "ideaId", "grams", "submittedAt" FROM "idea_fingerprints" WHERE "ideaId" = ? AND "campaignId" = ? AND "active" = 1',
});

interface StoredGrams {
  ideaId: string;
  grams: string;
  submittedAt: string;
}

function existingIdea(row: StoredGrams): ExistingIdeaGrams {
  return { id: row.ideaId, grams: new Set(JSON.parse(row.grams) as string[]), submittedAt: readSqliteDate(row.submittedAt).getTime() };
}

/** The campaign's fingerprints written after `version`, active or not, oldest version first: what an index catches up on. */
export function fingerprintsAfter(db: SqliteHandle, campaignId: string, version: number, limit: number): FingerprintChange[] {
  const rows = statements(db).after.all(campaignId, version, limit) as Array<{ ideaId: string; version: number; active: number; grams: string }>;
  return rows.map((row) => ({ ideaId: row.ideaId, version: row.version, active: row.active === 1, grams: JSON.parse(row.grams) as string[] }));
}

/** The active ideas of the campaign whose fingerprint was written after `version`, with their grams. */
export function activeGramsWrittenAfter(db: SqliteHandle, campaignId: string, version: number): ExistingIdeaGrams[] {
  return (statements(db).activeAfter.all(campaignId, version) as StoredGrams[]).map(existingIdea);
}

/** The stored grams of those of `ideaIds` that are active ideas of the campaign. */
export function activeGramsOf(db: SqliteHandle, campaignId: string, ideaIds: readonly string[]): ExistingIdeaGrams[] {
  const { active } = statements(db);
  return [...new Set(ideaIds)].flatMap((id) => {
    const row = active.get(id, campaignId) as StoredGrams | undefined;
    return row ? [existingIdea(row)] : [];
  });
}
