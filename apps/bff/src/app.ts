// The Fastify app as tests build it: plugins, the Zomro client, sessions, the JSON API, its OpenAPI
// description at /api/docs, and the SPA. Listening, the logger and shutdown live in server.ts.
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, {
  LogController,
  type FastifyBaseLogger,
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
} from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { AppConfig } from './config.js';
import { createLogger } from './logger.js';
import errorHandler from './plugins/error-handler.js';
import hardening from './plugins/hardening.js';
import auth from './plugins/auth.js';
import services, { type ServiceStores } from './plugins/services.js';
import signInLimits, { type RateLimitStoreOptions } from './plugins/sign-in-limits.js';
import web from './plugins/web.js';
import zomro from './plugins/zomro.js';
import auditRoutes from './routes/api/audit.js';
import fleetRoutes from './routes/api/fleet.js';
import healthRoutes from './routes/api/health.js';
import instanceRoutes from './routes/api/instances.js';
import readyRoutes from './routes/api/ready.js';
import retentionRoutes from './routes/api/retention.js';
import scheduleRoutes from './routes/api/schedules.js';
import sessionRoutes from './routes/api/session.js';
import type { HealthStore } from './routes/lib/health-store.js';
import { openRedisStores } from './stores/redis-stores.js';
import { MemorySessionStore, type SessionStore } from './stores/sessions.js';

/**
 * One log line per request, when it is answered (method, URL, status, time), instead of Fastify's
 * two: half the logging cost per request (docs/decisions/015-undici-request-for-zomro.md).
 */
class OneLinePerRequest extends LogController {
  override incomingRequest(): void {}

  override requestCompleted(error: unknown, request: FastifyRequest, reply: FastifyReply): void {
    const line = {
      method: request.method,
      url: request.url,
      statusCode: reply.statusCode,
      responseTime: Math.round(reply.elapsedTime * 100) / 100,
    };
    if (error) reply.log.error({ ...line, err: error }, 'request errored');
    else reply.log.info(line, 'request completed');
  }
}

export interface BuildOptions {
  /** Defaults to a pino logger at `config.logLevel` with secrets redacted. */
  logger?: FastifyBaseLogger;
  /** Defaults to an in-memory store. */
  sessionStore?: SessionStore;
  /** Other state; defaults to memory, and the audit file at `config.auditLogPath`. */
  stores?: ServiceStores;
  /** For tests that need to see or bend the HTTP calls to Zomro. */
  fetch?: typeof fetch;
}

export async function buildApp(
  config: AppConfig,
  options: BuildOptions = {},
): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: options.logger ?? createLogger(config.logLevel),
    trustProxy: config.trustProxy,
    // The largest legitimate body is a schedule or a sign-in: a few hundred bytes.
    bodyLimit: 16 * 1024,
    logController: new OneLinePerRequest(),
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  await app.register(errorHandler);
  await app.register(hardening, { hsts: config.cookieSecure });
  await app.register(zomro, {
    url: config.zomroApiUrl,
    timeoutMs: config.zomroTimeoutMs,
    ...(options.fetch && { fetch: options.fetch }),
  });
  // REDIS_URL: every piece of shared state in Redis (chosen once, here); a test's own stores win.
  const shared = config.redis
    ? await openRedisStores(config.redis, config, app.log.child({ component: 'redis' }))
    : null;
  if (shared) app.addHook('onClose', () => shared.close());
  const stores = { ...shared?.services, ...options.stores };
  await app.register(services, { config, stores });
  // Sign-in failure counters: a test's store, else Redis's (shared by every process), else memory.
  const rateLimit =
    options.stores?.rateLimit ??
    // The Redis store answers `null` where the plugin's types say `undefined`; same contract.
    (shared
      ? { store: shared.rateLimitStore as unknown as NonNullable<RateLimitStoreOptions['store']> }
      : undefined);
  await app.register(signInLimits, { ...(rateLimit && { store: rateLimit }) });
  await app.register(auth, {
    config,
    store: options.sessionStore ?? shared?.sessions ?? new MemorySessionStore(),
    accounts: app.services.accounts,
  });

  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: 'Zomro backup dashboard API',
        description:
          'The JSON API of the dashboard. Sign in with `POST /api/session` (or through a trusted ' +
          'proxy in team mode); the session cookie then authenticates every call. Changing ' +
          'requests must be `application/json`.',
        version: '1.0.0',
      },
      tags: [
        { name: 'health' },
        { name: 'session' },
        { name: 'instances' },
        { name: 'schedules' },
        { name: 'audit' },
      ],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, {
    routePrefix: '/api/docs',
    // Swagger UI's own policy, on /api/docs only: its inline scripts by hash, inline styles (it
    // sets style attributes; with a hash listed 'unsafe-inline' would be ignored, so none is). No
    // framing there either, and no upgrade of a plain-HTTP loopback. Decision 042.
    staticCSP: true,
    transformStaticCSP: (header) =>
      header
        .replace("frame-ancestors 'self'", "frame-ancestors 'none'")
        .replace(/style-src [^;]*;/, "style-src 'self' 'unsafe-inline';")
        .replace(/\s*upgrade-insecure-requests;?/, ''),
  });

  await app.register(
    async (api) => {
      const store: HealthStore = shared
        ? { kind: 'redis', ping: () => shared.connection.ping() }
        : { kind: 'memory' };
      await api.register(healthRoutes, { upstream: config.upstream, store });
      await api.register(readyRoutes, { store });
      await api.register(sessionRoutes);
      await api.register(instanceRoutes);
      await api.register(scheduleRoutes);
      await api.register(fleetRoutes);
      await api.register(retentionRoutes);
      await api.register(auditRoutes);
    },
    { prefix: '/api' },
  );

  await app.register(web, { webDistDir: config.webDistDir });
  return app;
}
