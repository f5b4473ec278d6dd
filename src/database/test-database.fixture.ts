import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { loadConfig } from '../config/app-config';
import { buildDataSourceOptions } from './data-source-options';

export interface TestDatabase {
  ds: DataSource;
  drop: () => Promise<void>;
}

/**
 * Real TypeORM with the migrations applied, for service specs: in-memory SQLite, or a fresh schema of
 * DATABASE_URL (named with `prefix`) that is dropped again afterwards.
 */
export async function openTestDatabase(prefix: string): Promise<TestDatabase> {
  const configured = loadConfig({ ...process.env, NODE_ENV: 'test' }).database;
  if (configured.kind === 'sqlite') {
    const ds = await new DataSource(buildDataSourceOptions({ kind: 'sqlite', path: ':memory:' })).initialize();
    await ds.runMigrations();
    return { ds, drop: () => ds.destroy() };
  }
  const schema = `${prefix}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  const run = async (sql: string) => {
    const client = new Client({ connectionString: configured.url });
    await client.connect();
    await client.query(sql);
    await client.end();
  };
  await run(`CREATE SCHEMA "${schema}"`);
  const ds = await new DataSource(buildDataSourceOptions({ kind: 'postgres', url: configured.url, schema })).initialize();
  await ds.runMigrations();
  return { ds, drop: async () => { await ds.destroy(); await run(`DROP SCHEMA "${schema}" CASCADE`); } };
}
