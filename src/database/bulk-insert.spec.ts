import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Award } from '../modules/incentives/incentives.entities';
import { Notification } from '../modules/notifications/notification.entity';
import { User } from '../modules/users/user.entity';
import { insertRows } from './bulk-insert';
import { openTestDatabase } from './test-database.fixture';

const NOW = new Date('2026-03-01T08:00:00.123Z');

describe('insertRows', () => {
  let ds: DataSource;
  let drop: () => Promise<void>;
  let userId: string;
  beforeAll(async () => {
    ({ ds, drop } = await openTestDatabase('bi'));
    userId = randomUUID();
    await ds.manager.insert(User, { id: userId, displayName: 'Pengguna', email: `${userId}@contoh.id`, phone: null, passwordHash: 'x', roles: ['user'], locale: 'id', createdAt: NOW });
  });
  afterAll(() => drop());

  const notification = (i: number): Notification =>
    Object.assign(new Notification(), { id: randomUUID(), userId, kind: 'idea.result', payload: { ideaId: `idea-${i}`, rank: i, reason: null, ok: true }, createdAt: NOW, readAt: i % 2 ? NOW : null });

  it('writes more rows than one statement holds, each read back as TypeORM itself would have written it', async () => {
    const rows = Array.from({ length: 1234 }, (_, i) => notification(i));
    await ds.transaction((manager) => insertRows(manager, Notification, rows));
    const stored = await ds.manager.find(Notification, { where: { userId } });
    expect(stored).toHaveLength(rows.length);
    const byId = new Map(stored.map((row) => [row.id, row]));
    for (const row of rows) expect(byId.get(row.id)).toEqual(row);
  });

  it('stores what manager.insert stores, column for column', async () => {
    const [mine, theirs] = [notification(7), notification(7)];
    await ds.transaction(async (manager) => {
      await insertRows(manager, Notification, [mine]);
      await manager.insert(Notification, theirs);
    });
    const raw: Array<Record<string, unknown>> = await ds.manager.createQueryBuilder(Notification, 'n').where('n.id IN (:...ids)', { ids: [mine.id, theirs.id] }).getRawMany();
    const [a, b] = [raw.find((r) => r.n_id === mine.id)!, raw.find((r) => r.n_id === theirs.id)!];
    expect({ ...a, n_id: null }).toEqual({ ...b, n_id: null });
  });

  it('refuses a row that leaves a column out before writing anything', async () => {
    const before = await ds.manager.count(Award);
    const incomplete = { id: randomUUID(), campaignId: randomUUID(), rank: 1, ideaId: randomUUID(), userId, amount: 1000 } as Award;
    await expect(ds.transaction((manager) => insertRows(manager, Award, [incomplete]))).rejects.toThrow('awards.currency is missing');
    expect(await ds.manager.count(Award)).toBe(before);
  });
});
