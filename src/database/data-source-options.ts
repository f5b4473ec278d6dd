import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { DataSourceOptions } from 'typeorm';
import type { DatabaseConfig } from '../config/app-config';
import { ENTITIES } from './entities';
import { configureSqliteConnection, SQLITE_BUSY_TIMEOUT_MS } from './sqlite-connection';
import { MIGRATIONS } from './migrations';

/**
 * One description of the database for the app, the tests and the TypeORM CLI. The schema always comes
 * from the committed migrations; `synchronize` stays off everywhere.
 */
export function buildDataSourceOptions(database: DatabaseConfig): DataSourceOptions {
  const common = {
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsRun: false,
    synchronize: false,
    logging: ['error'] as Array<'error'>,
  };
  if (database.kind === 'postgres') {
    usePostgresUtcDates();
    const schema = database.schema ? { schema: database.schema, extra: { max: 20, options: `-c search_path=${database.schema}` } } : { extra: { max: 20 } };
    return { ...common, type: 'postgres', url: database.url, ...schema };
  }
  if (database.path !== ':memory:') mkdirSync(dirname(database.path), { recursive: true });
  return {
    ...common,
    type: 'better-sqlite3',
    database: database.path,
    enableWAL: database.path !== ':memory:',
    timeout: SQLITE_BUSY_TIMEOUT_MS,
    prepareDatabase: configureSqliteConnection,
  };
}

/**
 * Timestamps are stored without a zone and always mean UTC, whatever the zone of the process that
 * wrote or reads them.
 */
function usePostgresUtcDates(): void {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const pg = require('pg') as { defaults: { parseInputDatesAsUTC: boolean }; types: { setTypeParser(oid: number, parse: (value: string) => unknown): void } };
  pg.defaults.parseInputDatesAsUTC = true;
  const TIMESTAMP_WITHOUT_ZONE = 1114;
  pg.types.setTypeParser(TIMESTAMP_WITHOUT_ZONE, (value) => new Date(`${value.replace(' ', 'T')}Z`));
}
