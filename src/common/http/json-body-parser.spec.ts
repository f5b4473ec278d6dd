import { inspectJson } from './json-body-parser';

const jsonDepth = (value: unknown) => inspectJson(value).depth;

describe('jsonDepth', () => {
  it.each([
    [1, 0],
    [{}, 1],
    [{ a: [1, 2] }, 2],
    [{ a: { b: { c: 'x' } } }, 3],
  ])('of %j is %i', (value, depth) => {
    expect(jsonDepth(value)).toBe(depth);
  });

  it('spots a __proto__ key at any depth', () => {
    expect(inspectJson(JSON.parse('{"a":[{"__proto__":{"admin":true}}]}')).hasProtoKey).toBe(true);
    expect(inspectJson({ a: [{ b: 1 }] }).hasProtoKey).toBe(false);
  });

  it('walks 100,000 levels without overflowing the stack', () => {
    const deep = JSON.parse('['.repeat(100_000) + ']'.repeat(100_000));
    expect(jsonDepth(deep)).toBe(100_000);
  });
});
