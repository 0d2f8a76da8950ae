// GET /api/health: whether the BFF runs, against what, in which mode, and in team mode whether
// Zomro accepts the configured account (no call to Zomro), where shared state is kept (memory or
// Redis) and whether Redis answers.
import { healthResponseSchema } from '@zomro-dash/shared';
import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import type { UpstreamKind } from '../../config.js';

import type { HealthStore } from '../lib/health-store.js';

const healthRoutes: FastifyPluginCallbackZod<{ upstream: UpstreamKind; store: HealthStore }> = (
  app,
  options,
  done,
) => {
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
      const { store } = options;
      const [account, redisAnswers] = await Promise.all([
        // With Redis down the team account's state is unknown: health still answers.
        (accounts.teamAccountStatus() ?? Promise.resolve(null)).catch(() => null),
        store.kind === 'redis' ? store.ping() : Promise.resolve(null),
      ]);
      return {
        status: 'ok' as const,
        upstream: options.upstream,
        mode: accounts.mode,
        ...(account !== null && { account }),
        store: store.kind,
        ...(redisAnswers !== null && { redis: redisAnswers ? ('ok' as const) : ('down' as const) }),
      };
    },
  );
  done();
};

export default healthRoutes;
