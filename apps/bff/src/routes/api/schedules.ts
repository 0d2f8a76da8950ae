// An instance's backup schedules: list, create (idempotent with `Idempotency-Key`), change and
// delete (only the version seen, with `If-Match`). Each route checks its input, calls the
// schedules service and answers.
import {
  instanceParamsSchema,
  scheduleInputSchema,
  scheduleListResponseSchema,
  scheduleParamsSchema,
  schedulePendingResponseSchema,
  scheduleResponseSchema,
} from '@zomro-dash/shared';
import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { HttpError } from '../../http-errors.js';
import { parseIfMatch, type IfMatch } from '../../services/versions.js';
import { clientGone } from '../lib/request-signal.js';
import { createHeaders } from '../lib/create-headers.js';
import { errorResponses } from '../lib/responses.js';

const changeHeaders = z.object({
  'if-match': z
    .string()
    .optional()
    .describe('`"<version>"` of the schedule as last seen: 412 if it changed since'),
});

function ifMatch(header: string | undefined): IfMatch | undefined {
  if (header === undefined) return undefined;
  const parsed = parseIfMatch(header);
  if (parsed === null) {
    throw new HttpError(400, 'VALIDATION_FAILED', 'If-Match must be "*" or quoted versions', {
      details: [{ path: 'if-match', message: 'Send the version in double quotes: "abc123"' }],
    });
  }
  return parsed;
}

const scheduleRoutes: FastifyPluginCallbackZod = (app, _options, done) => {
  const { schedules } = app.services;
  app.addHook('preHandler', app.sessions.requireActor);

  app.get(
    '/instances/:instanceId/schedules',
    {
      schema: {
        tags: ['schedules'],
        summary: "An instance's backup schedules, and how many backups Zomro keeps",
        description:
          '`retention` is how many scheduled backups Zomro keeps for the instance (1–10; null ' +
          'when Zomro did not say).',
        params: instanceParamsSchema,
        response: { 200: scheduleListResponseSchema, ...errorResponses },
      },
    },
    (request) => schedules.list(request.actor!, request.params.instanceId),
  );

  app.post(
    '/instances/:instanceId/schedules',
    {
      schema: {
        tags: ['schedules'],
        summary: 'Create a backup schedule',
        description:
          'Days are 0–6 with Sunday = 0; the time is `HH:MM` in the provider zone (GMT+3). ' +
          'Answers 201 with the schedule as Zomro lists it, or 202 `{ schedule: null, pending: ' +
          'true }` when Zomro accepted it but its row has not shown yet (refresh the list). ' +
          'Editors only. 409 `INSTANCE_BLOCKED` when the instance is in a state in which Zomro ' +
          'takes no schedule changes (error, image uploading).',
        params: instanceParamsSchema,
        headers: createHeaders,
        body: scheduleInputSchema,
        response: {
          201: scheduleResponseSchema,
          202: schedulePendingResponseSchema,
          ...errorResponses,
        },
      },
    },
    async (request, reply) => {
      const result = await schedules.create(
        request.actor!,
        request.params.instanceId,
        request.body,
        {
          signal: clientGone(reply),
          idempotencyKey: request.headers['idempotency-key'],
        },
      );
      return result.schedule
        ? reply.code(201).send({ schedule: result.schedule })
        : reply.code(202).send({ schedule: null, pending: true as const });
    },
  );

  app.put(
    '/instances/:instanceId/schedules/:scheduleId',
    {
      schema: {
        tags: ['schedules'],
        summary: 'Change a backup schedule',
        description:
          'Editors only. 412 `PRECONDITION_FAILED` (with the current schedule in `details`) when ' +
          '`If-Match` names another version; 409 `INSTANCE_BLOCKED` as for a create.',
        params: scheduleParamsSchema,
        headers: changeHeaders,
        body: scheduleInputSchema,
        response: { 200: scheduleResponseSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { instanceId, scheduleId } = request.params;
      const schedule = await schedules.update(
        request.actor!,
        instanceId,
        scheduleId,
        request.body,
        {
          signal: clientGone(reply),
          ifMatch: ifMatch(request.headers['if-match']),
        },
      );
      return { schedule };
    },
  );

  app.delete(
    '/instances/:instanceId/schedules/:scheduleId',
    {
      schema: {
        tags: ['schedules'],
        summary: 'Delete a backup schedule',
        description:
          'Editors only. 412 `PRECONDITION_FAILED` when `If-Match` names another version; 409 ' +
          '`INSTANCE_BLOCKED` as for a create.',
        params: scheduleParamsSchema,
        headers: changeHeaders,
        response: { 204: z.null().describe('Deleted'), ...errorResponses },
      },
    },
    async (request, reply) => {
      const { instanceId, scheduleId } = request.params;
      await schedules.remove(request.actor!, instanceId, scheduleId, {
        signal: clientGone(reply),
        ifMatch: ifMatch(request.headers['if-match']),
      });
      return reply.code(204).send(null);
    },
  );
  done();
};

export default scheduleRoutes;
