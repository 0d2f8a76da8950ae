// Dashboard sessions: a random id in an HttpOnly, SameSite=Strict cookie, pointing at a server-side
// entry that holds the Zomro token. Also the `requireUser` guard for routes that need a signed-in user.
import { randomBytes } from 'node:crypto';
import fastifyCookie from '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { AppConfig } from '../config.js';
import { httpErrors } from '../http-errors.js';
import type { DashboardSession, SessionStore } from '../session/store.js';
import { ZomroSessionExpiredError } from '../zomro/errors.js';

export const SESSION_COOKIE = 'zd_session';

export interface CurrentSession {
  id: string;
  data: DashboardSession;
}

export interface Sessions {
  readonly store: SessionStore;
  /** The session named by the request's cookie (confirmed or not), or null. */
  load(request: FastifyRequest): Promise<CurrentSession | null>;
  /** Stores a new session under a fresh id and sets the cookie. */
  start(request: FastifyRequest, reply: FastifyReply, data: DashboardSession): Promise<void>;
  /** Forgets the session (if any) and clears the cookie. */
  end(request: FastifyRequest, reply: FastifyReply, current: CurrentSession | null): Promise<void>;
  /** preHandler: a confirmed session, refreshed, in `request.user`; 401 UNAUTHENTICATED otherwise. */
  requireUser: (request: FastifyRequest) => Promise<void>;
}

declare module 'fastify' {
  interface FastifyInstance {
    sessions: Sessions;
  }
  interface FastifyRequest {
    /** Set by `sessions.requireUser`. */
    user: CurrentSession | null;
  }
}

const ID = /^[A-Za-z0-9_-]{43}$/;

export default fp(
  async (app: FastifyInstance, options: { config: AppConfig; store: SessionStore }) => {
    const { config, store } = options;
    const ttl = config.sessionIdleTimeoutMs;
    await app.register(fastifyCookie);

    const cookieOptions = (request: FastifyRequest) => ({
      httpOnly: true,
      sameSite: 'strict' as const,
      path: '/',
      secure: config.cookieSecure || request.protocol === 'https',
    });

    const sessions: Sessions = {
      store,
      async load(request) {
        const id = request.cookies[SESSION_COOKIE];
        if (id === undefined || !ID.test(id)) return null;
        const data = await store.get(id);
        return data ? { id, data } : null;
      },
      async start(request, reply, data) {
        // 256 random bits: the id is the only thing standing between a cookie and the Zomro token.
        const id = randomBytes(32).toString('base64url');
        await store.set(id, data, ttl);
        reply.setCookie(SESSION_COOKIE, id, cookieOptions(request));
      },
      async end(request, reply, current) {
        if (current) await store.delete(current.id);
        reply.clearCookie(SESSION_COOKIE, cookieOptions(request));
      },
      async requireUser(request) {
        const current = await sessions.load(request);
        if (!current || current.data.totpPending) throw httpErrors.unauthenticated();
        // Idle time-out: each request pushes the end of the session back.
        await store.set(current.id, current.data, ttl);
        request.user = current;
      },
    };

    app.decorate('sessions', sessions);
    app.decorateRequest('user', null);

    // Zomro ended the session: forget ours too, so that the browser is asked to sign in again.
    app.addHook('onError', async (request, reply, error) => {
      if (!(error instanceof ZomroSessionExpiredError)) return;
      const current = request.user ?? (await sessions.load(request));
      await sessions.end(request, reply, current);
    });

    app.addHook('onClose', async () => {
      await store.close?.();
    });
  },
  { name: 'sessions' },
);
