import { isUuid, newId, newOpaqueId } from './ids';

describe('ids', () => {
  it('orders the rows made later after the earlier ones, within one millisecond too', () => {
    const ids = Array.from({ length: 1000 }, () => newId());
    expect(ids.every(isUuid)).toBe(true);
    expect(ids.every((id) => id[14] === '7')).toBe(true);
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('keeps account and session ids random, telling nothing of when they were made', () => {
    const ids = Array.from({ length: 1000 }, () => newOpaqueId());
    expect(ids.every((id) => isUuid(id) && id[14] === '4')).toBe(true);
    expect([...ids].sort()).not.toEqual(ids);
  });
});
