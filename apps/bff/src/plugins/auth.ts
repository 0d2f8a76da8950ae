// Who is asking. Dashboard sessions are a random id in an HttpOnly, SameSite=Strict cookie naming a
// server-side entry (the Zomro token in personal mode, the operator in team mode); in team mode a
// trusted proxy may name the operator instead. `requireActor` puts the actor on the request.
import { randomBytes } from 'node:crypto';
import fastifyCookie from '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { proxyIdentity } from '../auth/proxy.js';
import type { AppConfig } from '../config.js';
import { HttpError, httpErrors } from '../http-errors.js';
import { TOTP_PENDING_MS, type AccountService } from '../services/accounts.js';
import type { Actor } from '../services/actor.js';
import type { DashboardSession, SessionStore } from '../stores/sessions.js';
import { ZomroSessionExpiredError } from '../zomro/errors.js';

export const SESSION_COOKIE = 'zd_session';
/** The name when the cookie is Secure: the browser then refuses it from a subdomain or plain HTTP. */
export const SECURE_SESSION_COOKIE = '__Host-zd_session';

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
  /** The operator behind the request (proxy header, then cookie), or null. */
  identify(request: FastifyRequest): Promise<Actor | null>;
  /** preHandler: the actor in `request.actor`, its session refreshed; 401 UNAUTHENTICATED otherwise. */
  requireActor: (request: FastifyRequest) => Promise<void>;
}

declare module 'fastify' {
  interface FastifyInstance {
    sessions: Sessions;
  }
  interface FastifyRequest {
    /** Set by `sessions.requireActor`. */
    actor: Actor | null;
  }
}

const ID = /^[A-Za-z0-9_-]{43}$/;

export default fp(
  async (
    app: FastifyInstance,
    options: { config: AppConfig; store: SessionStore; accounts: AccountService },
  ) => {
    const { config, store, accounts } = options;
    const ttl = config.sessionIdleTimeoutMs;
    const maxAge = config.sessionMaxAgeMs;
    /** How long the session may still live: idle time-out, capped by its absolute lifetime. */
    const lifeLeft = (data: DashboardSession) =>
      Math.min(ttl, data.createdAt + maxAge - Date.now());
    await app.register(fastifyCookie);

    const isSecure = (request: FastifyRequest) =>
      config.cookieSecure || request.protocol === 'https';
    const cookieName = (request: FastifyRequest) =>
      isSecure(request) ? SECURE_SESSION_COOKIE : SESSION_COOKIE;
    const cookieOptions = (request: FastifyRequest) => ({
      httpOnly: true,
      sameSite: 'strict' as const,
      path: '/',
      secure: isSecure(request),
    });

    const sessions: Sessions = {
      store,
      async load(request) {
        const id = request.cookies[cookieName(request)];
        if (id === undefined || !ID.test(id)) return null;
        const data = await store.get(id);
        return data ? { id, data } : null;
      },
      async start(request, reply, data) {
        // 256 random bits: the id is the only thing standing between a cookie and the Zomro token.
        const id = randomBytes(32).toString('base64url');
        // A half-signed-in session (code owed) lives five minutes, not the idle time-out.
        const pending = data.kind === 'zomro' && data.totpPending;
        const left = lifeLeft(data);
        await store.set(id, data, pending ? Math.min(left, TOTP_PENDING_MS) : left);
        reply.setCookie(cookieName(request), id, cookieOptions(request));
      },
      async end(request, reply, current) {
        if (current) await store.delete(current.id);
        reply.clearCookie(cookieName(request), cookieOptions(request));
      },
      async identify(request) {
        if (config.proxyAuth) {
          const identity = proxyIdentity(
            config.proxyAuth,
            request.socket.remoteAddress,
            request.raw.rawHeaders,
          );
          if (identity.kind === 'invalid') {
            request.log.warn({ reason: identity.reason }, 'proxy identity refused');
            throw new HttpError(
              400,
              'PROXY_IDENTITY_INVALID',
              'The sign-in proxy did not name one valid operator',
            );
          }
          if (identity.kind === 'operator') return accounts.proxyActor(identity.name);
        }
        const current = await sessions.load(request);
        if (!current) return null;
        const left = lifeLeft(current.data);
        if (left <= 0) {
          // Past its absolute lifetime: gone here, and its Zomro session (personal mode) too.
          await store.delete(current.id);
          accounts.forget(current.data, (error) =>
            request.log.warn({ err: error }, 'could not log an ended session out of Zomro'),
          );
          return null;
        }
        const actor = await accounts.actorForSession(current.id, current.data);
        if (!actor) return null;
        // Idle time-out: each request pushes the end back, of a session that still exists only
        // (one signed out meanwhile stays ended, and this request is refused with it).
        return (await store.touch(current.id, left)) ? actor : null;
      },
      async requireActor(request) {
        const actor = await sessions.identify(request);
        if (!actor) throw httpErrors.unauthenticated();
        request.actor = actor;
      },
    };

    app.decorate('sessions', sessions);
    app.decorateRequest('actor', null);

    // Zomro ended the operator's own session (personal mode): forget ours too, so that the
    // browser is asked to sign in again.
    app.addHook('onError', async (request, reply, error) => {
      if (!(error instanceof ZomroSessionExpiredError)) return;
      await sessions.end(request, reply, await sessions.load(request));
    });

    app.addHook('onClose', async () => {
      await store.close?.();
    });
  },
  { name: 'auth' },
);
