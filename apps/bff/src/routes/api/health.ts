// GET /api/health: whether the BFF runs, and against what (no call to Zomro).
import { healthResponseSchema } from '@zomro-dash/shared';
import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import type { UpstreamKind } from '../../config.js';

const healthRoutes: FastifyPluginCallbackZod<{ upstream: UpstreamKind }> = (app, options, done) => {
  app.get(
    '/health',
    {
      schema: {
        tags: ['health'],
        summary: 'Liveness, and whether Zomro or the emulator is behind',
        response: { 200: healthResponseSchema },
      },
    },
    () => ({ status: 'ok' as const, upstream: options.upstream }),
  );
  done();
};

export default healthRoutes;
