// GET /api/instances: the Cloud VPS instances of the Zomro account the operator works with.
import { instanceListResponseSchema } from '@zomro-dash/shared';
import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import { errorResponses } from '../lib/responses.js';

const instanceRoutes: FastifyPluginCallbackZod = (app, _options, done) => {
  const { instances } = app.services;
  app.addHook('preHandler', app.sessions.requireActor);

  app.get(
    '/instances',
    {
      schema: {
        tags: ['instances'],
        summary: 'Every Cloud VPS instance of the account (all pages)',
        response: { 200: instanceListResponseSchema, ...errorResponses },
      },
    },
    async (request) => ({ instances: await instances.list(request.actor!) }),
  );
  done();
};

export default instanceRoutes;
