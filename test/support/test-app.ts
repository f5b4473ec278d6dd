import { randomUUID } from 'node:crypto';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { Client } from 'pg';
import request from 'supertest';
import { configureApp, createAdapter } from '../../src/app.factory';
import { AppModule } from '../../src/app.module';
import { Clock, FixedClock } from '../../src/common/clock';
import { APP_CONFIG, AppConfig, loadConfig } from '../../src/config/app-config';

export interface TestApp {
  app: NestFastifyApplication;
  http: ReturnType<typeof request>;
  clock: FixedClock;
  config: AppConfig;
  close(): Promise<void>;
}

export interface TestAppOptions {
  now?: string;
  env?: Record<string, string>;
  /** Share one database between apps (two instances behind one Redis). */
  database?: AppConfig['database'];
  listen?: boolean;
}

/**
 * Boots AppModule with the same parsers, pipes and filters as main.ts, on an in-memory SQLite
 * database, or on a fresh schema of DATABASE_URL's PostgreSQL when that is set.
 */
export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  // Suites reuse a few accounts for many ideas; the suite of the submission rule sets its own limit.
  // Each app counts its limits under its own Redis prefix, as it has its own schema: suites running side
  // by side from 127.0.0.1 would otherwise spend each other's per-address budget.
  const env = { ...process.env, NODE_ENV: 'test', RATE_LIMITS: 'off', SUBMISSIONS_PER_10_MIN: '10000', RATE_LIMIT_REDIS_PREFIX: `sayembara-test:${randomUUID()}`, ...options.env };
  const config = loadConfig(env);
  const database = options.database ?? (await freshDatabase(config.database));
  const finalConfig: AppConfig = { ...config, database };
  const clock = new FixedClock(new Date(options.now ?? '2026-03-01T08:00:00.000Z'));
  const moduleRef = await Test.createTestingModule({ imports: [AppModule] })
    .overrideProvider(APP_CONFIG)
    .useValue(finalConfig)
    .overrideProvider(Clock)
    .useValue(clock)
    .compile();
  const app = moduleRef.createNestApplication<NestFastifyApplication>(createAdapter(finalConfig.trustProxy), { logger: ['error'], bodyParser: false });
  await configureApp(app);
  if (options.listen) await app.listen({ port: 0, host: '127.0.0.1' });
  else await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return {
    app,
    http: request(app.getHttpServer()),
    clock,
    config: finalConfig,
    close: async () => {
      await app.close();
      if (database.kind === 'postgres' && database.schema && !options.database) await dropSchema(database.url, database.schema);
    },
  };
}

async function freshDatabase(configured: AppConfig['database']): Promise<AppConfig['database']> {
  if (configured.kind === 'sqlite') return { kind: 'sqlite', path: ':memory:' };
  const url = configured.url;
  const schema = `t_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  const client = new Client({ connectionString: url });
  await client.connect();
  await client.query(`CREATE SCHEMA "${schema}"`);
  await client.end();
  return { kind: 'postgres', url, schema };
}

async function dropSchema(url: string, schema: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  await client.end();
}
