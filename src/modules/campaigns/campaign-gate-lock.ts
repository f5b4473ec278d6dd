import { EntityManager } from 'typeorm';

/**
 * Orders votes and new ideas against the changes that decide whether a campaign takes them (a status
 * move, an excluded voter). On PostgreSQL every vote's or idea's transaction holds the campaign's
 * advisory lock shared before it reads its gate, and such a change holds it exclusively from its
 * first statement: a vote or an idea either commits before the change begins or reads the campaign as
 * the change left it. Taken before any row lock, so it cannot close a cycle with the idea rows both
 * sides update. On SQLite writes are serialised already, and each reads its gate inside its own
 * transaction.
 */
export async function lockCampaignGate(manager: EntityManager, campaignId: string, mode: 'shared' | 'exclusive'): Promise<void> {
  if (manager.connection.options.type !== 'postgres') return;
  const lock = mode === 'shared' ? 'pg_advisory_xact_lock_shared' : 'pg_advisory_xact_lock';
  await manager.query(`SELECT ${lock}(hashtextextended($1, 0))`, [`campaign-gate:${campaignId}`]);
}
