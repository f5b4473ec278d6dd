/**
 * Open sockets per user (at most five). Places are taken by socket id, so releasing twice, or releasing a
 * place never taken, changes nothing.
 */
export abstract class SocketQuota {
  /** Takes a place for this socket; false, with nothing taken, when the user has no place left. */
  abstract acquire(userId: string, socketId: string): Promise<boolean>;

  abstract release(userId: string, socketId: string): Promise<void>;
}

/** One instance without Redis: the count lives in this process. */
export class MemorySocketQuota extends SocketQuota {
  private readonly open = new Map<string, Set<string>>();

  constructor(private readonly limit: number) {
    super();
  }

  acquire(userId: string, socketId: string): Promise<boolean> {
    const sockets = this.open.get(userId) ?? new Set<string>();
    if (sockets.size >= this.limit) return Promise.resolve(false);
    this.open.set(userId, sockets.add(socketId));
    return Promise.resolve(true);
  }

  release(userId: string, socketId: string): Promise<void> {
    const sockets = this.open.get(userId);
    sockets?.delete(socketId);
    if (sockets?.size === 0) this.open.delete(userId);
    return Promise.resolve();
  }
}
