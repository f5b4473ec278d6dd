import { createHmac } from 'node:crypto';

export interface VoteOrigin {
  ip: string;
  userAgent: string | undefined;
  deviceId: string | undefined;
}

/**
 * Keyed hashes of where a vote came from: enough to see that accounts share a device or a network,
 * never enough to recover an address (PRODUCT.md: no raw addresses stored).
 */
export function fingerprintVote(origin: VoteOrigin, key: string): { networkHash: string; deviceHash: string } {
  const hash = (value: string) => createHmac('sha256', key).update(value).digest('hex');
  return {
    networkHash: hash(`net:${origin.ip}`),
    deviceHash: hash(`dev:${origin.deviceId ?? origin.userAgent ?? 'unknown'}`),
  };
}
