import { LRUCache } from 'lru-cache';
import { AuthUser } from './auth-user';

/** Enough for every session active in a busy hour; each entry is a header and a small object. */
const MAX_REMEMBERED = 10_000;

interface Verified {
  user: AuthUser;
  /** Epoch milliseconds: the token's `exp`. */
  expiresAt: number;
}

/**
 * Authorization headers whose token passed full verification, with the caller they named, until the
 * token expires. A client sends the same token with every request; checking its HS256 signature,
 * issuer and audience again each time cost about 40 µs of the event loop, most of a vote's guard.
 * The key is the whole header, so only a byte-identical token is recognised: a token changed in any
 * way, its signature included, goes through the full verification. Nothing here grants access that the
 * token itself did not: access tokens carry no server state to revoke, and expiry is checked on
 * every use against the same clock the verifier uses.
 */
export class VerifiedTokens {
  private readonly entries = new LRUCache<string, Verified>({ max: MAX_REMEMBERED });

  /** `Date.now` looked up on each call: the clock the token verifier itself reads. */
  constructor(private readonly now: () => number = () => Date.now()) {}

  /** The caller of a header verified before and not yet expired; a copy, so no request can alter another's. */
  recall(authorization: string): AuthUser | null {
    const verified = this.entries.get(authorization);
    if (!verified) return null;
    if (this.now() >= verified.expiresAt) {
      this.entries.delete(authorization);
      return null;
    }
    return { id: verified.user.id, roles: [...verified.user.roles] };
  }

  /** After full verification: a token without an expiry is never remembered. */
  remember(authorization: string, user: AuthUser): void {
    const expiresAt = expiryOf(authorization);
    if (expiresAt !== null && this.now() < expiresAt) this.entries.set(authorization, { user: { id: user.id, roles: [...user.roles] }, expiresAt });
  }
}

/** The `exp` of a bearer token, in epoch milliseconds; read only from a token already verified. */
function expiryOf(authorization: string): number | null {
  const payload = authorization.split(' ').pop()?.split('.')[1];
  if (!payload) return null;
  try {
    const { exp } = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { exp?: unknown };
    return typeof exp === 'number' && Number.isFinite(exp) ? exp * 1000 : null;
  } catch {
    return null;
  }
}
