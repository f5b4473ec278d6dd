import { CommonErrors } from '../errors/common.errors';
import { DomainError } from '../errors/domain-error';

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** Opaque keyset cursor: the sort key of the last item and its id, so pages never skip or repeat. */
export interface CursorPosition {
  key: number | string;
  id: string;
}

export function encodeCursor(position: CursorPosition): string {
  return Buffer.from(JSON.stringify([position.key, position.id])).toString('base64url');
}

export function decodeCursor(cursor: string | undefined): CursorPosition | null {
  if (!cursor) return null;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(parsed) && parsed.length === 2 && typeof parsed[1] === 'string' && ['number', 'string'].includes(typeof parsed[0])) {
      return { key: parsed[0] as number | string, id: parsed[1] };
    }
  } catch {
    // fall through to the validation error below
  }
  throw new DomainError(CommonErrors.VALIDATION_INVALID, {}, [{ field: 'cursor', rule: 'cursor', params: {} }]);
}

/** Builds a page from `limit + 1` fetched rows. */
export function toPage<Row, Item>(rows: Row[], limit: number, toItem: (row: Row) => Item, position: (row: Row) => CursorPosition): Page<Item> {
  const hasMore = rows.length > limit;
  const pageRows = hasMore ? rows.slice(0, limit) : rows;
  const last = pageRows[pageRows.length - 1];
  return { items: pageRows.map(toItem), nextCursor: hasMore && last ? encodeCursor(position(last)) : null };
}
