// GET /api/ready: readiness for a load balancer. 503 while this process can only answer 503 (Redis
// away, the audit trail not writable, the team account refused), so traffic goes to another
// replica; /api/health stays liveness (the process runs) and answers 200 meanwhile.
import { readyResponseSchema } from '@zomro-dash/shared';
import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import type { HealthStore } from '../lib/health-store.js';

const readyRoutes: FastifyPluginCallbackZod<{ store: HealthStore }> = (app, options, done) => {
  const { accounts, audit } = app.services;
  app.get(
    '/ready',
    {
      schema: {
        tags: ['health'],
        summary: 'Readiness: 503 while requests could only be refused',
        response: { 200: readyResponseSchema, 503: readyResponseSchema },
      },
    },
    async (_request, reply) => {
      const { store } = options;
      const [storeAnswers, auditWritable, account] = await Promise.all([
        store.kind === 'redis' ? store.ping() : Promise.resolve(true),
        audit.store.writable(),
        // With Redis down the account's state cannot be read; the store check says why.
        (accounts.teamAccountStatus() ?? Promise.resolve(null)).catch(() => null),
      ]);
      const ready = storeAnswers && auditWritable && account !== 'rejected';
      return reply.code(ready ? 200 : 503).send({
        ready,
        store: storeAnswers ? 'ok' : 'down',
        audit: auditWritable ? 'ok' : 'down',
        ...(account !== null && { account }),
      });
    },
  );
  done();
};

export default readyRoutes;
