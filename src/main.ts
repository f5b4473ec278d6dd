import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { closeGracefully, createApp } from './app.factory';
import { APP_CONFIG, AppConfig } from './config/app-config';

async function bootstrap(): Promise<void> {
  const app = await createApp();
  const config = app.get<AppConfig>(APP_CONFIG);
  await app.listen({ port: config.port, host: config.host });
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      new Logger('Sayembara').log(`${signal}: finishing the requests in flight, then stopping`);
      closeGracefully(app).then(
        () => process.exit(0),
        (error: unknown) => {
          new Logger('Sayembara').error(error instanceof Error ? error.stack : String(error));
          process.exit(1);
        },
      );
    });
  }
  const where = config.database.kind === 'sqlite' ? `SQLite at ${config.database.path}` : 'PostgreSQL';
  new Logger('Sayembara').log(`listening on http://${config.host}:${config.port} (${where}); API docs at /api/docs`);
}

void bootstrap();
