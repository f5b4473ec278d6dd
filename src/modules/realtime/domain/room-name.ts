/** The rooms a client may ask for. Each one's private companion (owners) is never asked for directly. */
export type RoomName = { kind: 'campaign'; id: string } | { kind: 'cohort'; id: string };

const ROOM = /^(campaign|cohort):([0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12})$/;

/** A room as a client names it, or null; ids are UUIDs, so nothing else ever reaches the database. */
export function parseRoom(name: unknown): RoomName | null {
  if (typeof name !== 'string' || name.length > 100) return null;
  const match = ROOM.exec(name.toLowerCase());
  if (!match) return null;
  const [, kind, id] = match as unknown as [string, RoomName['kind'], string];
  return { kind, id };
}

export function campaignRoom(campaignId: string): string {
  return `campaign:${campaignId}`;
}

/** Where a campaign's owner-only events go; joined together with the campaign room by its owners. */
export function ownersRoom(campaignId: string): string {
  return `campaign:${campaignId}:owners`;
}

export function cohortRoom(cohortId: string): string {
  return `cohort:${cohortId}`;
}

/** The rooms a `leave` of this room takes the socket out of. */
export function roomsToLeave(room: RoomName): string[] {
  return room.kind === 'campaign' ? [campaignRoom(room.id), ownersRoom(room.id)] : [cohortRoom(room.id)];
}
