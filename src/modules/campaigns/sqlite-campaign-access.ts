import { preparedStatements } from '../../database/sqlite-statements';
import type { SqliteHandle } from '../../database/unit-of-work';
import { MEMBER_ROLES, type MemberRole } from './campaign.entity';

/**
 * A campaign with what the caller is to it, in one read: every request on a campaign starts here,
 * and the three finds it replaces cost more in building their queries than in running them.
 * Parameters: caller, caller, campaign.
 */
const statements = preparedStatements({
  withCaller: `SELECT c.*,
      EXISTS (SELECT 1 FROM "business_owners" o WHERE o."businessId" = c."businessId" AND o."userId" = ?) AS "callerOwns",
      (SELECT group_concat(m."role") FROM "campaign_members" m WHERE m."campaignId" = c."id" AND m."userId" = ?) AS "callerRoles"
    FROM "campaigns" c WHERE c."id" = ?`,
});

export interface CampaignRowWithCaller {
  row: Record<string, unknown>;
  isOwner: boolean;
  roles: MemberRole[];
}

export function campaignWithCaller(db: SqliteHandle, campaignId: string, callerId: string | undefined): CampaignRowWithCaller | null {
  const found = statements(db).withCaller.get(callerId ?? null, callerId ?? null, campaignId) as
    | (Record<string, unknown> & { callerOwns: number; callerRoles: string | null })
    | undefined;
  if (!found) return null;
  const { callerOwns, callerRoles, ...row } = found;
  const roles = (callerRoles ?? '').split(',').filter((role): role is MemberRole => (MEMBER_ROLES as readonly string[]).includes(role));
  return { row, isOwner: callerOwns === 1, roles };
}
