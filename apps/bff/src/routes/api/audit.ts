// GET /api/audit: the audit trail of the Zomro account the operator works with, newest first,
// a page at a time.
import { auditPageSchema, auditQuerySchema } from '@zomro-dash/shared';
import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import { errorResponses } from '../lib/responses.js';

const auditRoutes: FastifyPluginCallbackZod = (app, _options, done) => {
  const { audit } = app.services;

  app.get(
    '/audit',
    {
      schema: {
        tags: ['audit'],
        summary: 'Who signed in and who changed what, newest first',
        description:
          'Only the entries of the Zomro account you work with. Filter by `instanceId`, ' +
          '`actor` and `action` (a comma-separated list); pass `nextCursor` back as `cursor` ' +
          'for the next page.',
        querystring: auditQuerySchema,
        response: { 200: auditPageSchema, ...errorResponses },
      },
      preHandler: app.sessions.requireActor,
    },
    async (request) => {
      const { instanceId, actor, action, limit, cursor } = request.query;
      return audit.page(request.actor!, {
        limit,
        ...(instanceId !== undefined && { instanceId }),
        ...(actor !== undefined && { actor }),
        ...(action !== undefined && { actions: action }),
        ...(cursor !== undefined && { cursor }),
      });
    },
  );
  done();
};

export default auditRoutes;
