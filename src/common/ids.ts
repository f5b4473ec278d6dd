import { randomUUID } from 'node:crypto';
import { v7 as timeOrderedUuid } from 'uuid';

/**
 * A new row's id: a UUIDv7 (RFC 9562), the time in milliseconds in its first 48 bits and 74 random
 * bits after. Rows written together sit side by side in every index keyed by their id, so a burst of
 * submissions or votes appends to a few pages of each index instead of dirtying a random page of each
 * for every row (fewer pages to write at each commit, and to keep warm).
 */
export function newId(): string {
  return timeOrderedUuid();
}

/**
 * An id that must not tell when it was made, nor be guessable from its neighbours: an account's, a
 * session's. 122 random bits (UUIDv4).
 */
export function newOpaqueId(): string {
  return randomUUID();
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID.test(value);
}
