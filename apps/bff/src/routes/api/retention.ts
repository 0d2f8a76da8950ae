// PUT /api/instances/:instanceId/retention: how many scheduled backups Zomro keeps for the
// instance. Checks the input, calls the retention service and answers.
import {
  instanceParamsSchema,
  retentionInputSchema,
  retentionResponseSchema,
} from '@zomro-dash/shared';
import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import { clientGone } from '../lib/request-signal.js';
import { errorResponses } from '../lib/responses.js';

const retentionRoutes: FastifyPluginCallbackZod = (app, _options, done) => {
  const { retention } = app.services;
  app.addHook('preHandler', app.sessions.requireActor);

  app.put(
    '/instances/:instanceId/retention',
    {
      schema: {
        tags: ['instances'],
        summary: 'Change how many scheduled backups Zomro keeps for an instance',
        description:
          'A whole number from 1 to 10 (Zomro’s `backup_rotation`); anything else is 400 and ' +
          'nothing is sent. Editors only; on the audit trail as `instance.retention`.',
        params: instanceParamsSchema,
        body: retentionInputSchema,
        response: { 200: retentionResponseSchema, ...errorResponses },
      },
    },
    (request, reply) =>
      retention.change(request.actor!, request.params.instanceId, request.body.retention, {
        signal: clientGone(reply),
      }),
  );
  done();
};

export default retentionRoutes;
