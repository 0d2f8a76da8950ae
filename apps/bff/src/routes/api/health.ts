// GET /api/health: whether the BFF runs, against what, in which mode, and in team mode whether
// Zomro accepts the configured account (no call to Zomro).
import { healthResponseSchema } from '@zomro-dash/shared';
import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import type { UpstreamKind } from '../../config.js';

const healthRoutes: FastifyPluginCallbackZod<{ upstream: UpstreamKind }> = (app, options, done) => {
  const { accounts } = app.services;
  app.get(
    '/health',
    {
      schema: {
        tags: ['health'],
        summary: 'Liveness, whether Zomro or the emulator is behind, and the mode',
        response: { 200: healthResponseSchema },
      },
    },
    async () => {
      const account = await accounts.teamAccountStatus();
      return {
        status: 'ok' as const,
        upstream: options.upstream,
        mode: accounts.mode,
        ...(account !== null && { account }),
      };
    },
  );
  done();
};

export default healthRoutes;
