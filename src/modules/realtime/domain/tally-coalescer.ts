/** Runs work later. The gateway passes real timers; specs pass Jest's fake ones. */
export interface Scheduler {
  after(ms: number, run: () => void): void;
}

/**
 * Keeps the latest tally per idea per room and sends a room's changes at most once per interval, so a
 * burst of votes reaches a weak mobile connection as a few messages that carry the final numbers.
 *
 * A quiet room sends on the next tick; after sending, the room stays armed for one interval and whatever
 * arrives meanwhile goes out together when it ends. A room with nothing new at that point is forgotten,
 * so memory follows the rooms being voted in, not every room ever voted in.
 */
export class TallyCoalescer<T extends { ideaId: string }> {
  /** Armed rooms, each with the updates waiting for its next send (possibly none yet). */
  private readonly rooms = new Map<string, Map<string, T>>();

  constructor(
    private readonly intervalMs: number,
    private readonly scheduler: Scheduler,
    private readonly send: (room: string, updates: T[]) => void,
  ) {}

  /** Never sends synchronously: the caller is a vote's request, which must not wait for a broadcast. */
  offer(room: string, update: T): void {
    const pending = this.rooms.get(room);
    if (pending) {
      pending.set(update.ideaId, update);
      return;
    }
    this.rooms.set(room, new Map([[update.ideaId, update]]));
    this.scheduler.after(0, () => this.tick(room));
  }

  /** Rooms currently holding state; zero once every room has been quiet for an interval. */
  get armedRooms(): number {
    return this.rooms.size;
  }

  /** Drops everything pending, for shutdown; ticks already scheduled then find nothing to send. */
  clear(): void {
    this.rooms.clear();
  }

  private tick(room: string): void {
    const pending = this.rooms.get(room);
    if (!pending) return;
    if (pending.size === 0) {
      this.rooms.delete(room);
      return;
    }
    this.rooms.set(room, new Map());
    this.scheduler.after(this.intervalMs, () => this.tick(room));
    this.send(room, [...pending.values()]);
  }
}
