import compress from '@fastify/compress';
import { ArgumentsHost, Logger, RequestMethod, ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppModule } from './app.module';
import { RateLimitedError } from './common/errors/common.errors';
import { HttpErrorFilter } from './common/http/error-filter';
import { RequestsInFlight } from './common/http/requests-in-flight';
import { registerJsonBodyParser } from './common/http/json-body-parser';
import { RateLimits } from './common/rate-limit/rate-limits';
import { validationExceptionFactory } from './common/validation/validation-errors';
import { APP_CONFIG, AppConfig, readTrustProxy, TrustProxy } from './config/app-config';
import { LiveIoAdapter } from './modules/realtime/live-io.adapter';
import { WEB_PAGE_PATHS } from './modules/web/web.controller';

export interface CreateAppOptions {
  logger?: false | Array<'log' | 'error' | 'warn' | 'debug' | 'verbose'>;
}

/**
 * Bodies over 100 KB are refused with 413 before they are read in full. X-Forwarded-* headers are
 * believed only from the proxies TRUST_PROXY names; otherwise the connection's peer is the client.
 */
export function createAdapter(trustProxy: TrustProxy): FastifyAdapter {
  return new FastifyAdapter({ bodyLimit: 100 * 1024, trustProxy, routerOptions: { maxParamLength: 200 } });
}

export async function createApp(options: CreateAppOptions = {}): Promise<NestFastifyApplication> {
  const app = await NestFactory.create<NestFastifyApplication>(AppModule, createAdapter(readTrustProxy(process.env)), {
    logger: options.logger ?? ['error', 'warn', 'log'],
    bodyParser: false,
  });
  return configureApp(app);
}

/** Everything main.ts and the e2e tests share: parsers, limits, pipes, filters, docs, compression. */
export async function configureApp(app: NestFastifyApplication): Promise<NestFastifyApplication> {
  const config = app.get<AppConfig>(APP_CONFIG);
  const fastify = app.getHttpAdapter().getInstance();
  registerJsonBodyParser(fastify);
  await app.register(compress, { threshold: 1024, encodings: ['br', 'gzip', 'deflate'] });
  installHttpRateLimit(app, config);
  const live = new LiveIoAdapter(app, config);
  const inFlight = new RequestsInFlight();
  inFlight.track(fastify);
  stopping.set(app, { live, inFlight });
  app.useWebSocketAdapter(live);
  app.enableCors({ origin: config.corsOrigins.length ? config.corsOrigins : false, credentials: false });
  app.setGlobalPrefix('api', { exclude: [{ path: 'health', method: RequestMethod.GET }, ...WEB_PAGE_PATHS.map((path) => ({ path, method: RequestMethod.GET }))] });
  app.useGlobalPipes(
    new ValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      validationError: { target: false, value: false },
      exceptionFactory: validationExceptionFactory,
    }),
  );
  app.useGlobalFilters(new HttpErrorFilter());
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder().setTitle('Sayembara API').setDescription('Crowdsourcing ideation and feedback for UMKM').setVersion('1').addBearerAuth().build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs/json' });
  return app;
}

/** What closeGracefully needs of an application configureApp set up. */
const stopping = new WeakMap<NestFastifyApplication, { live: LiveIoAdapter; inFlight: RequestsInFlight }>();

/** How long a stopping service lets the requests it has taken finish. */
const DRAIN_LIMIT_MS = 10_000;
/** How often connections that fall idle while draining are closed. */
const IDLE_SWEEP_MS = 25;

/**
 * Stops the service without failing a request it has taken. It takes no new connection; a request
 * arriving on an open one gets 503 (clients retry elsewhere), live sockets are closed (they
 * reconnect), and the requests in flight are answered, each connection closed once idle, and every
 * handler still running finishes, even one whose client has gone. Only then do the shutdown hooks stop
 * the threads and close the database, which would fail those requests with a 500 had they run first
 * (Nest runs them before it closes the HTTP server).
 */
export async function closeGracefully(app: NestFastifyApplication, limitMs = DRAIN_LIMIT_MS): Promise<void> {
  const server = app.getHttpServer();
  const parts = stopping.get(app);
  parts?.live.disconnectClients();
  const sweep = setInterval(() => server.closeIdleConnections(), IDLE_SWEEP_MS);
  let limit: NodeJS.Timeout | undefined;
  try {
    const drained = Promise.all([app.getHttpAdapter().getInstance().close(), parts?.inFlight.idle()]);
    await Promise.race([drained, new Promise((resolve) => (limit = setTimeout(resolve, limitMs)))]);
  } finally {
    clearInterval(sweep);
    clearTimeout(limit);
    server.closeAllConnections();
  }
  await app.close();
}

/** Per-address request budget; off with RATE_LIMITS=off for load tests on a private machine. */
function installHttpRateLimit(app: NestFastifyApplication, config: AppConfig): void {
  if (!config.rateLimits.enabled) {
    new Logger('RateLimits').warn('RATE_LIMITS=off: HTTP rate limits are disabled');
    return;
  }
  const limits = app.get(RateLimits);
  const filter = new HttpErrorFilter();
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
      try {
        await limits.consume('http', request.ip);
      } catch (error) {
        if (!(error instanceof RateLimitedError)) return;
        filter.catch(error, httpHost(request, reply));
        return reply;
      }
    });
}

/** Lets Fastify-level hooks answer through the same filter as Nest's routes. */
function httpHost(request: FastifyRequest, reply: FastifyReply): ArgumentsHost {
  return { switchToHttp: () => ({ getRequest: () => request, getResponse: () => reply }) } as unknown as ArgumentsHost;
}
