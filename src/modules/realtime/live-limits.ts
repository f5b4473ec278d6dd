/** The live channel's limits (issue 5): small messages, polite senders, few sockets, few tally messages. */
export const LIVE_LIMITS = {
  maxMessageBytes: 16 * 1024,
  /** More than 20 messages within 10 s from one socket is a flood: the socket is disconnected. */
  floodEvents: 20,
  floodWindowMs: 10_000,
  socketsPerUser: 5,
  /** At most four tally messages a second per room. */
  tallyIntervalMs: 250,
  /**
   * How long a socket's place in the Redis count outlives its last renewal: an instance that dies
   * without saying goodbye frees its users' places after this, never later.
   */
  socketLeaseMs: 60_000,
} as const;
