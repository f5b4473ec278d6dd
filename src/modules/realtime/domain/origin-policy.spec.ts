import { isOriginAllowed } from './origin-policy';

describe('isOriginAllowed', () => {
  it.each([
    // origin, Host header, allow-list, allowed
    [undefined, 'api.sayembara.id', [], true],
    ['https://api.sayembara.id', 'api.sayembara.id', [], true],
    ['http://127.0.0.1:3000', '127.0.0.1:3000', [], true],
    ['https://evil.example', 'api.sayembara.id', [], false],
    ['https://evil.example', undefined, [], false],
    ['null', 'api.sayembara.id', [], false],
    ['https://sayembara.id', 'api.sayembara.id', ['https://sayembara.id'], true],
    ['https://Sayembara.id/', 'api.sayembara.id', ['https://sayembara.id'], true],
    ['http://sayembara.id', 'api.sayembara.id', ['https://sayembara.id'], false],
    ['https://sayembara.id.evil.example', 'api.sayembara.id', ['https://sayembara.id'], false],
    ['https://api.sayembara.id', 'api.sayembara.id', ['https://sayembara.id'], true],
    ['not a url', 'api.sayembara.id', [], false],
  ])('origin %p on host %p with %p: %p', (origin, host, allowList, allowed) => {
    expect(isOriginAllowed(origin, host, allowList)).toBe(allowed);
  });
});
