import type { EntityManager } from 'typeorm';
import type { UnitOfWork } from '../../database/unit-of-work';
import { UsersService } from './users.service';

describe('UsersService.displayNames', () => {
  const stored: Record<string, string> = { a: 'Bu Sri', b: 'Pak Darto', c: 'Mbak Lina' };
  const asked: string[][] = [];
  const manager = {
    find: (_entity: unknown, options: { where: { id: { value: string[] } } }) => {
      const ids = options.where.id.value;
      asked.push([...ids]);
      return Promise.resolve(ids.filter((id) => id in stored).map((id) => ({ id, displayName: stored[id] })));
    },
  } as unknown as EntityManager;
  const users = new UsersService({ isSqlite: false, manager } as unknown as UnitOfWork);

  it('reads only the names it does not hold yet, and answers each id once', async () => {
    expect(await users.displayNames(['a', 'b', 'a'])).toEqual(new Map([['a', 'Bu Sri'], ['b', 'Pak Darto']]));
    expect(await users.displayNames(['b', 'c', 'gone'])).toEqual(new Map([['b', 'Pak Darto'], ['c', 'Mbak Lina']]));
    expect(await users.displayNames(['a', 'c'])).toEqual(new Map([['a', 'Bu Sri'], ['c', 'Mbak Lina']]));
    expect(await users.displayNames([])).toEqual(new Map());
    expect(asked).toEqual([['a', 'b'], ['c', 'gone']]);
  });
});
