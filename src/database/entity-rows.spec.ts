import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Notification } from '../modules/notifications/notification.entity';
import { User } from '../modules/users/user.entity';
import { entityReader } from './entity-rows';
import { openTestDatabase } from './test-database.fixture';

const NOW = new Date('2026-03-01T08:00:00.123Z');

describe('entityReader', () => {
  let ds: DataSource;
  let drop: () => Promise<void>;
  beforeAll(async () => ({ ds, drop } = await openTestDatabase('er')));
  afterAll(() => drop());

  const rawRow = async (table: string, id: string): Promise<Record<string, unknown>> => {
    const placeholder = ds.driver.options.type === 'postgres' ? '$1' : '?';
    const [row] = await ds.query<Array<Record<string, unknown>>>(`SELECT * FROM "${table}" WHERE "id" = ${placeholder}`, [id]);
    return row!;
  };

  it('reads a raw row into the entity TypeORM finds: dates, JSON, nulls and the entity class', async () => {
    const userId = randomUUID();
    await ds.manager.insert(User, { id: userId, displayName: 'Bu Sari', email: `${userId}@contoh.id`, phone: null, passwordHash: 'x', roles: ['user', 'trainer'], locale: 'id', createdAt: NOW });
    const read = { id: randomUUID(), userId, kind: 'idea.result' as const, payload: { ideaId: 'i-1', rank: 2, ok: true }, createdAt: NOW, readAt: NOW };
    const unread = { ...read, id: randomUUID(), readAt: null };
    await ds.manager.insert(Notification, [read, unread]);

    const user = entityReader(ds, User)(await rawRow('users', userId));
    expect(user).toBeInstanceOf(User);
    expect(user).toEqual(await ds.manager.findOneByOrFail(User, { id: userId }));
    const notifications = entityReader(ds, Notification);
    for (const { id } of [read, unread]) expect(notifications(await rawRow('notifications', id))).toEqual(await ds.manager.findOneByOrFail(Notification, { id }));
    expect(notifications(await rawRow('notifications', unread.id)).readAt).toBeNull();
  });
});
