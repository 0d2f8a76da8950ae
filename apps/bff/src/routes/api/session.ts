// Signing in and out: /api/session (personal mode: Zomro credentials; team mode: an operator's
// own), /api/session/totp (the second step of a two-factor Zomro account) and the public
// /api/session/options the sign-in page adapts to.
import {
  credentialsSchema,
  sessionResponseSchema,
  signInOptionsSchema,
  signInResponseSchema,
  totpSchema,
} from '@zomro-dash/shared';
import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { httpErrors } from '../../http-errors.js';
import { errorResponses } from '../lib/responses.js';

const errorCode = (error: unknown) =>
  typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;

const sessionRoutes: FastifyPluginCallbackZod = (app, _options, done) => {
  const { sessions } = app;
  const { accounts } = app.services;

  app.get(
    '/session/options',
    {
      schema: {
        tags: ['session'],
        summary: 'How operators sign in here (personal or team mode, password or proxy)',
        response: { 200: signInOptionsSchema },
      },
    },
    () => accounts.signInOptions(),
  );

  app.post(
    '/session',
    {
      schema: {
        tags: ['session'],
        summary: 'Sign in (Zomro credentials in personal mode, an operator’s in team mode)',
        description:
          'Sets the session cookie. A two-factor Zomro account answers `{ totpRequired: true }` ' +
          'and must then send its code to `POST /api/session/totp`. 429 `RATE_LIMITED` (with ' +
          '`Retry-After`) after 10 failed sign-ins from one address, or 5 failed sign-ins or ' +
          'two-factor codes to one username from one address, within 5 minutes.',
        body: credentialsSchema,
        response: { 200: signInResponseSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const result = await app.signInLimits.attempt(request, request.body.username, () =>
        accounts.signIn(request.body, request.ip),
      );
      const previous = await sessions.load(request);
      if (previous) {
        await sessions.store.delete(previous.id);
        accounts.forget(previous.data, (error) =>
          request.log.warn({ err: error }, 'could not log the replaced session out of Zomro'),
        );
      }
      await sessions.start(request, reply, result.session);
      return 'user' in result ? { user: result.user } : { totpRequired: true as const };
    },
  );

  app.post(
    '/session/totp',
    {
      schema: {
        tags: ['session'],
        summary: 'Confirm a two-factor sign-in with the 6-digit code',
        description:
          'Five codes within five minutes of the password: after that the half-signed-in session ' +
          'ends (401 `SESSION_EXPIRED`) and the sign-in starts again.',
        body: totpSchema,
        response: { 200: sessionResponseSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const current = await sessions.load(request);
      if (!current || current.data.kind !== 'zomro') throw httpErrors.unauthenticated();
      const { username } = current.data;
      if (!current.data.totpPending) return { user: { username, role: 'editor' as const } };
      const pending = current.data;
      let confirmed;
      try {
        // A wrong code counts toward the username's sign-in limit too: signing in again gives no more.
        confirmed = await app.signInLimits.attempt(request, username, () =>
          accounts.confirmTotp(current.id, pending, request.body.code, sessions.store, request.ip),
        );
      } catch (error) {
        // The half-signed-in session is over: the browser's cookie goes with it.
        if (errorCode(error) === 'SESSION_EXPIRED') await sessions.end(request, reply, null);
        throw error;
      }
      // A new id once the session is worth more (no fixation of a half-signed-in id).
      await sessions.store.delete(current.id);
      await sessions.start(request, reply, confirmed);
      return { user: { username, role: 'editor' as const } };
    },
  );

  app.get(
    '/session',
    {
      schema: {
        tags: ['session'],
        summary: 'Who is signed in, and their role',
        description:
          'In personal mode also asks Zomro (`keepalive`) whether its session is alive, which ' +
          'keeps it alive as long as ours; 401 `SESSION_EXPIRED` when it is not.',
        response: { 200: sessionResponseSchema, ...errorResponses },
      },
      preHandler: sessions.requireActor,
    },
    async (request) => {
      const actor = request.actor!;
      await accounts.confirmAlive(actor);
      return { user: { username: actor.username, role: actor.role } };
    },
  );

  app.delete(
    '/session',
    {
      schema: {
        tags: ['session'],
        summary: 'Sign out (of the dashboard, and of Zomro in personal mode)',
        response: { 204: z.null().describe('Signed out'), ...errorResponses },
      },
    },
    async (request, reply) => {
      const current = await sessions.load(request);
      await sessions.end(request, reply, current);
      if (current) {
        await accounts.signOut(current.data, (error) =>
          request.log.warn({ err: error }, 'sign-out: could not tell Zomro or the audit trail'),
        );
      }
      return reply.code(204).send(null);
    },
  );
  done();
};

export default sessionRoutes;
