import { VerifiedTokens } from './verified-tokens';

function bearer(claims: Record<string, unknown>, signature = 'signature'): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `Bearer ${part({ alg: 'HS256', typ: 'JWT' })}.${part(claims)}.${signature}`;
}

describe('VerifiedTokens', () => {
  const user = { id: 'u-1', roles: ['user'] };
  const NOW = 1_800_000_000_000;

  it('recalls a verified header until its token expires, then forgets it', () => {
    let now = NOW;
    const tokens = new VerifiedTokens(() => now);
    const header = bearer({ sub: 'u-1', exp: NOW / 1000 + 60 });
    expect(tokens.recall(header)).toBeNull();
    tokens.remember(header, user);
    expect(tokens.recall(header)).toEqual(user);
    now = NOW + 59_999;
    expect(tokens.recall(header)).toEqual(user);
    now = NOW + 60_000;
    expect(tokens.recall(header)).toBeNull();
    now = NOW;
    expect(tokens.recall(header)).toBeNull();
  });

  it('recognises only the identical header: another signature or another scheme is a stranger', () => {
    const tokens = new VerifiedTokens(() => NOW);
    const header = bearer({ sub: 'u-1', exp: NOW / 1000 + 60 });
    tokens.remember(header, user);
    expect(tokens.recall(bearer({ sub: 'u-1', exp: NOW / 1000 + 60 }, 'forged'))).toBeNull();
    expect(tokens.recall(header.replace('Bearer', 'bearer'))).toBeNull();
    expect(tokens.recall(`${header} `)).toBeNull();
  });

  it('never remembers a token without an expiry, already expired, or unreadable', () => {
    const tokens = new VerifiedTokens(() => NOW);
    const headers = [bearer({ sub: 'u-1' }), bearer({ sub: 'u-1', exp: NOW / 1000 }), bearer({ sub: 'u-1', exp: '9999999999' }), 'Bearer not-a-token', 'Bearer a.%%%.c'];
    for (const header of headers) tokens.remember(header, user);
    for (const header of headers) expect(tokens.recall(header)).toBeNull();
  });

  it('hands each request its own copy of the caller', () => {
    const tokens = new VerifiedTokens(() => NOW);
    const header = bearer({ sub: 'u-1', exp: NOW / 1000 + 60 });
    tokens.remember(header, { id: 'u-1', roles: ['user'] });
    tokens.recall(header)!.roles.push('admin');
    expect(tokens.recall(header)).toEqual({ id: 'u-1', roles: ['user'] });
  });
});
