// Signing in and out: /api/session (Zomro credentials → a dashboard session) and
// /api/session/totp (the second step for two-factor accounts).
import {
  credentialsSchema,
  sessionResponseSchema,
  signInResponseSchema,
  totpSchema,
} from '@zomro-dash/shared';
import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { HttpError } from '../../http-errors.js';
import { isBusyError } from '../../zomro/client.js';
import { ZomroApiError, ZomroSessionExpiredError } from '../../zomro/errors.js';
import { errorResponses } from './responses.js';

/** Zomro's reasons for refusing a login that are about where it comes from, not who. */
const LOGIN_BLOCKS = new Set(['badip', 'blocked_ip', 'blockgeoip', 'blocklogon']);
/** Zomro blocks logins for 20 seconds after too many failures. */
const LOGIN_BLOCK_SECONDS = 20;

function signInError(error: unknown): unknown {
  if (!(error instanceof ZomroApiError) || isBusyError(error)) return error;
  const upstream = { type: error.type, object: error.object };
  if (LOGIN_BLOCKS.has(error.object)) {
    return new HttpError(
      503,
      'UPSTREAM_BLOCKED',
      error.upstreamMessage || 'Zomro is refusing sign-ins from here for a while',
      {
        upstream,
        ...(error.object === 'blocklogon' && {
          headers: { 'retry-after': String(LOGIN_BLOCK_SECONDS) },
        }),
      },
    );
  }
  return new HttpError(
    401,
    'BAD_CREDENTIALS',
    error.upstreamMessage || 'Wrong username or password',
    { upstream },
  );
}

const sessionRoutes: FastifyPluginCallbackZod = (app, _options, done) => {
  const { sessions, zomro } = app;

  app.post(
    '/session',
    {
      schema: {
        tags: ['session'],
        summary: 'Sign in with Zomro credentials',
        description:
          'Sets the session cookie. A two-factor account answers `{ totpRequired: true }` and must ' +
          'then send its code to `POST /api/session/totp`.',
        body: credentialsSchema,
        response: { 200: signInResponseSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { username, password } = request.body;
      const previous = await sessions.load(request);
      const result = await zomro.signIn(username, password).catch((error: unknown) => {
        throw signInError(error);
      });
      if (previous) {
        await sessions.store.delete(previous.id);
        // Best effort: the old Zomro session would expire on its own within the hour.
        zomro.signOut(previous.data.zomroToken).catch((error: unknown) => {
          request.log.warn({ err: error }, 'could not log the replaced session out of Zomro');
        });
      }
      await sessions.start(request, reply, {
        username,
        zomroToken: result.token,
        totpPending: result.totpRequired,
        createdAt: Date.now(),
      });
      return result.totpRequired ? { totpRequired: true as const } : { user: { username } };
    },
  );

  app.post(
    '/session/totp',
    {
      schema: {
        tags: ['session'],
        summary: 'Confirm a two-factor sign-in with the 6-digit code',
        body: totpSchema,
        response: { 200: sessionResponseSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const current = await sessions.load(request);
      if (!current) throw new HttpError(401, 'UNAUTHENTICATED', 'Sign in first');
      const { username } = current.data;
      if (!current.data.totpPending) return { user: { username } };
      let token: string;
      try {
        token = await zomro.confirmTotp(current.data.zomroToken, request.body.code);
      } catch (error) {
        if (!(error instanceof ZomroApiError) || isBusyError(error)) throw error;
        if (error.type === 'access') throw new ZomroSessionExpiredError(error.func);
        throw new HttpError(
          401,
          'TOTP_INVALID',
          error.upstreamMessage || 'The code is not valid; try the current one',
          { upstream: { type: error.type, object: error.object } },
        );
      }
      // A new id once the session is worth more (no fixation of a half-signed-in id).
      await sessions.store.delete(current.id);
      await sessions.start(request, reply, {
        ...current.data,
        zomroToken: token,
        totpPending: false,
      });
      return { user: { username } };
    },
  );

  app.get(
    '/session',
    {
      schema: {
        tags: ['session'],
        summary: 'Who is signed in',
        description:
          'Also asks Zomro (`keepalive`) whether its session is alive, which keeps it alive as long ' +
          'as ours; 401 `SESSION_EXPIRED` when it is not.',
        response: { 200: sessionResponseSchema, ...errorResponses },
      },
      preHandler: sessions.requireUser,
    },
    async (request) => {
      const { data } = request.user!;
      if (!(await zomro.keepalive(data.zomroToken))) {
        throw new ZomroSessionExpiredError('keepalive');
      }
      return { user: { username: data.username } };
    },
  );

  app.delete(
    '/session',
    {
      schema: {
        tags: ['session'],
        summary: 'Sign out (of the dashboard and of Zomro)',
        response: { 204: z.null().describe('Signed out'), ...errorResponses },
      },
    },
    async (request, reply) => {
      const current = await sessions.load(request);
      await sessions.end(request, reply, current);
      if (current) {
        try {
          await zomro.signOut(current.data.zomroToken);
        } catch (error) {
          // Signed out here regardless; Zomro's session dies within the hour.
          request.log.warn({ err: error }, 'could not log out of Zomro');
        }
      }
      return reply.code(204).send(null);
    },
  );
  done();
};

export default sessionRoutes;
