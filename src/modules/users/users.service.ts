import { Injectable } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import { In } from 'typeorm';
import { DomainError } from '../../common/errors/domain-error';
import { newOpaqueId } from '../../common/ids';
import { preparedStatements } from '../../database/sqlite-statements';
import { isUniqueViolation } from '../../database/unique-violation';
import { UnitOfWork } from '../../database/unit-of-work';
import { User, UserRole } from './user.entity';
import { UserErrors } from './users.errors';

export interface NewAccount {
  displayName: string;
  email: string | null;
  phone: string | null;
  passwordHash: string;
  locale?: 'id' | 'en';
  createdAt: Date;
}

const namesStatement = preparedStatements({ get: 'SELECT "id", "displayName" FROM "users" WHERE "id" IN (SELECT "value" FROM json_each(?))' });

/** Display names held in memory, about 100 bytes each. */
const NAMES_REMEMBERED = 20_000;

@Injectable()
export class UsersService {
  /**
   * A display name is chosen at registration and never changes, so a name read once is good for as
   * long as it is kept: every submission and page of ideas names its authors, and on SQLite each read
   * after another connection's commit starts from an empty page cache. A rename, if one is ever
   * offered, must drop the name from here.
   */
  private readonly names = new LRUCache<string, string>({ max: NAMES_REMEMBERED });

  constructor(private readonly uow: UnitOfWork) {}

  async findById(id: string): Promise<User | null> {
    return this.uow.manager.findOneBy(User, { id });
  }

  async getById(id: string): Promise<User> {
    const user = await this.findById(id);
    if (!user) throw new DomainError(UserErrors.USER_NOT_FOUND);
    return user;
  }

  async findByIds(ids: string[]): Promise<User[]> {
    return ids.length ? this.uow.manager.findBy(User, { id: In(ids) }) : [];
  }

  /**
   * Display names by id, in one query: what a list shows beside each idea or contributor. Only the
   * name people chose to show; never an email or a phone.
   */
  async displayNames(ids: Iterable<string>): Promise<Map<string, string>> {
    const found = new Map<string, string>();
    const missing: string[] = [];
    for (const id of new Set(ids)) {
      const name = this.names.get(id);
      if (name === undefined) missing.push(id);
      else found.set(id, name);
    }
    if (missing.length === 0) return found;
    // On SQLite one prepared statement for any number of ids: building the find cost more than running it.
    const rows = this.uow.isSqlite
      ? (namesStatement(this.uow.sqliteHandle).get.all(JSON.stringify(missing)) as Array<Pick<User, 'id' | 'displayName'>>)
      : await this.uow.manager.find(User, { select: { id: true, displayName: true }, where: { id: In(missing) } });
    for (const { id, displayName } of rows) {
      this.names.set(id, displayName);
      found.set(id, displayName);
    }
    return found;
  }

  /** `login` is an email (lower-cased) or a normalised phone. */
  async findByLogin(login: { email?: string; phone?: string }): Promise<User | null> {
    if (login.email) return this.uow.manager.findOneBy(User, { email: login.email });
    if (login.phone) return this.uow.manager.findOneBy(User, { phone: login.phone });
    return null;
  }

  /** Creates an account; a taken email or phone is a 409 even when two registrations race. */
  async createAccount(input: NewAccount): Promise<User> {
    const user = Object.assign(new User(), { id: newOpaqueId(), roles: ['user'], locale: 'id', ...input });
    try {
      await this.uow.run(async (manager) => {
        if (input.email && (await manager.existsBy(User, { email: input.email }))) throw new DomainError(UserErrors.USER_EMAIL_CONFLICT);
        if (input.phone && (await manager.existsBy(User, { phone: input.phone }))) throw new DomainError(UserErrors.USER_PHONE_CONFLICT);
        await manager.insert(User, user);
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw new DomainError(input.email ? UserErrors.USER_EMAIL_CONFLICT : UserErrors.USER_PHONE_CONFLICT);
      throw error;
    }
    return user;
  }

  /** Adds a role once; roles only grow through the service that grants them. */
  async grantRole(userId: string, role: UserRole): Promise<void> {
    await this.uow.run(async (manager) => {
      const user = await manager.findOneBy(User, { id: userId });
      if (!user) throw new DomainError(UserErrors.USER_NOT_FOUND);
      if (user.roles.includes(role)) return;
      await manager.update(User, { id: userId }, { roles: [...user.roles, role] });
    });
  }
}
