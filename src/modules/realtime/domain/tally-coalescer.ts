/**
 * Keeps the latest tally per idea per room and lets a room flush at most once per interval, so a
 * burst of votes reaches a weak mobile connection as a few messages with the final numbers.
 */
export class TallyCoalescer<T extends { ideaId: string }> {
  private readonly pending = new Map<string, Map<string, T>>();
  private readonly lastFlush = new Map<string, number>();

  constructor(private readonly intervalMs: number) {}

  /** Records an update; returns the delay after which the room should be flushed, or null when a flush is already due. */
  offer(room: string, update: T, now: number): number | null {
    const wasIdle = !this.pending.has(room);
    const updates = this.pending.get(room) ?? new Map<string, T>();
    updates.set(update.ideaId, update);
    this.pending.set(room, updates);
    if (!wasIdle) return null;
    const since = now - (this.lastFlush.get(room) ?? -Infinity);
    return Math.max(0, this.intervalMs - since);
  }

  /** The latest update of every idea that changed since the last flush, in the order first seen. */
  flush(room: string, now: number): T[] {
    const updates = this.pending.get(room);
    this.pending.delete(room);
    this.lastFlush.set(room, now);
    return updates ? [...updates.values()] : [];
  }

  forget(room: string): void {
    this.pending.delete(room);
    this.lastFlush.delete(room);
  }
}

/** Counts events in a sliding window; `true` when the sender went over the limit. */
export class FloodMeter {
  private readonly stamps: number[] = [];

  constructor(private readonly limit: number, private readonly windowMs: number) {}

  hit(now: number): boolean {
    this.stamps.push(now);
    while (this.stamps.length > 0 && this.stamps[0]! <= now - this.windowMs) this.stamps.shift();
    return this.stamps.length > this.limit;
  }
}
