import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { User } from '../modules/users/user.entity';
import { openTestDatabase } from './test-database.fixture';
import { UnitOfWork } from './unit-of-work';

describe('UnitOfWork at shutdown', () => {
  let ds: DataSource;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    ({ ds, drop } = await openTestDatabase('uow'));
  });
  afterAll(() => drop());

  const user = (id: string): User =>
    Object.assign(new User(), { id, displayName: 'Pengguna', email: `${id}@contoh.id`, phone: null, passwordHash: 'x', roles: ['user'], locale: 'id', createdAt: new Date() });

  it('waits for the writes started or queued before the service was told to stop', async () => {
    const uow = new UnitOfWork(ds);
    const ids = [randomUUID(), randomUUID(), randomUUID()];
    const finished: string[] = [];
    // One slow write in progress, two queued behind it (SQLite) or beside it (PostgreSQL).
    const writes = ids.map((id, i) =>
      uow.run(async (manager) => {
        await new Promise((resolve) => setTimeout(resolve, i === 0 ? 150 : 10));
        await manager.insert(User, user(id));
        finished.push(id);
      }),
    );
    await uow.beforeApplicationShutdown();
    expect(finished.sort()).toEqual([...ids].sort());
    await Promise.all(writes);
    expect(await ds.manager.countBy(User, ids.map((id) => ({ id })))).toBe(3);
  });

  it('does not wait when nothing is being written', async () => {
    const started = Date.now();
    await new UnitOfWork(ds).beforeApplicationShutdown();
    expect(Date.now() - started).toBeLessThan(1000);
  });
});
