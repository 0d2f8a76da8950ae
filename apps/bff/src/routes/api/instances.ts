// The signed-in user's Cloud VPS instances and their backup schedules.
import {
  instanceListResponseSchema,
  instanceParamsSchema,
  scheduleInputSchema,
  scheduleListResponseSchema,
  scheduleParamsSchema,
  scheduleResponseSchema,
} from '@zomro-dash/shared';
import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { httpErrors } from '../../http-errors.js';
import { errorResponses } from './responses.js';

const instanceRoutes: FastifyPluginCallbackZod = (app, _options, done) => {
  const { zomro } = app;
  app.addHook('preHandler', app.sessions.requireUser);
  const token = (request: { user: { data: { zomroToken: string } } | null }) =>
    request.user!.data.zomroToken;

  app.get(
    '/instances',
    {
      schema: {
        tags: ['instances'],
        summary: 'Every Cloud VPS instance of the account (all pages)',
        response: { 200: instanceListResponseSchema, ...errorResponses },
      },
    },
    async (request) => ({ instances: await zomro.listInstances(token(request)) }),
  );

  app.get(
    '/instances/:instanceId/schedules',
    {
      schema: {
        tags: ['schedules'],
        summary: "An instance's backup schedules",
        params: instanceParamsSchema,
        response: { 200: scheduleListResponseSchema, ...errorResponses },
      },
    },
    async (request) => ({
      schedules: await zomro.listSchedules(token(request), request.params.instanceId),
    }),
  );

  app.post(
    '/instances/:instanceId/schedules',
    {
      schema: {
        tags: ['schedules'],
        summary: 'Create a backup schedule',
        description:
          'Days are 0–6 with Sunday = 0; the time is `HH:MM` in the provider zone (GMT+3). ' +
          'Answers the schedule as Zomro lists it, with its new id.',
        params: instanceParamsSchema,
        body: scheduleInputSchema,
        response: { 201: scheduleResponseSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const schedule = await zomro.createSchedule(
        token(request),
        request.params.instanceId,
        request.body,
      );
      return reply.code(201).send({ schedule });
    },
  );

  app.put(
    '/instances/:instanceId/schedules/:scheduleId',
    {
      schema: {
        tags: ['schedules'],
        summary: 'Change a backup schedule',
        params: scheduleParamsSchema,
        body: scheduleInputSchema,
        response: { 200: scheduleResponseSchema, ...errorResponses },
      },
    },
    async (request) => {
      const { instanceId, scheduleId } = request.params;
      const schedule = await zomro.updateSchedule(
        token(request),
        instanceId,
        scheduleId,
        request.body,
      );
      if (!schedule) throw httpErrors.notFound('This instance has no such schedule');
      return { schedule };
    },
  );

  app.delete(
    '/instances/:instanceId/schedules/:scheduleId',
    {
      schema: {
        tags: ['schedules'],
        summary: 'Delete a backup schedule',
        params: scheduleParamsSchema,
        response: { 204: z.null().describe('Deleted'), ...errorResponses },
      },
    },
    async (request, reply) => {
      const { instanceId, scheduleId } = request.params;
      if (!(await zomro.deleteSchedule(token(request), instanceId, scheduleId))) {
        throw httpErrors.notFound('This instance has no such schedule');
      }
      return reply.code(204).send(null);
    },
  );
  done();
};

export default instanceRoutes;
