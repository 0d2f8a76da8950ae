// The fleet: GET /api/schedules (every instance with its schedules, a failure reported on its
// instance) and POST /api/schedules/bulk (one schedule created on many instances). Each route
// checks its input, calls the fleet service and answers.
import {
  bulkResponseSchema,
  bulkScheduleInputSchema,
  fleetResponseSchema,
} from '@zomro-dash/shared';
import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import { clientGone } from '../lib/request-signal.js';
import { errorResponses } from '../lib/responses.js';
import { createHeaders } from '../lib/create-headers.js';

const fleetRoutes: FastifyPluginCallbackZod = (app, _options, done) => {
  const { fleet } = app.services;
  app.addHook('preHandler', app.sessions.requireActor);

  app.get(
    '/schedules',
    {
      schema: {
        tags: ['schedules'],
        summary: 'Every instance of the account with its backup schedules',
        description:
          'Read with at most `FLEET_CONCURRENCY` (default 4) Zomro calls in flight. An instance ' +
          'whose schedules could not be read has `error: { code, message }` and no schedules; ' +
          'the others are answered as usual.',
        response: { 200: fleetResponseSchema, ...errorResponses },
      },
    },
    async (request) => ({ instances: await fleet.overview(request.actor!) }),
  );

  app.post(
    '/schedules/bulk',
    {
      schema: {
        tags: ['schedules'],
        summary: 'Create one backup schedule on many instances',
        description:
          'One create per instance (the same rules as a single create: the instance’s lock, the ' +
          'audit trail, 409 `INSTANCE_BLOCKED`), `FLEET_CONCURRENCY` instances at once. Answers ' +
          '200 with the outcome per instance, in the order asked: `created` (with the schedule, ' +
          'unless its row had not shown yet) or `failed` with `error: { code, message }`. A ' +
          'repeat of the `Idempotency-Key` answers the first results and sends nothing to ' +
          'Zomro. Editors only.',
        headers: createHeaders,
        body: bulkScheduleInputSchema,
        response: { 200: bulkResponseSchema, ...errorResponses },
      },
    },
    async (request, reply) => ({
      results: await fleet.bulkCreate(request.actor!, request.body, {
        signal: clientGone(reply),
        idempotencyKey: request.headers['idempotency-key'],
      }),
    }),
  );
  done();
};

export default fleetRoutes;
