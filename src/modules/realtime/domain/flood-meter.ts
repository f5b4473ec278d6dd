/**
 * Counts a socket's messages over a sliding window: `hit` is true once the sender went over the limit.
 * It keeps at most limit + 1 timestamps, so a flooding sender costs constant memory and time per message.
 */
export class FloodMeter {
  private readonly stamps: number[] = [];

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  hit(now: number): boolean {
    this.stamps.push(now);
    while (this.stamps.length > 0 && this.stamps[0]! <= now - this.windowMs) this.stamps.shift();
    if (this.stamps.length > this.limit + 1) this.stamps.shift();
    return this.stamps.length > this.limit;
  }
}
