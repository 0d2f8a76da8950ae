// Cross-site request refusal and safe defaults for every response: changing requests must be JSON
// and must not come from another site's page; API answers are never cached; helmet sets a strict
// Content-Security-Policy (decision 042), nosniff, no framing, and HSTS when the deployment says it
// is served over HTTPS (COOKIE_SECURE=true).
import helmet from 'helmet';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { httpErrors } from '../http-errors.js';

const CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function hasBody(request: FastifyRequest): boolean {
  const length = request.headers['content-length'];
  return (
    request.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0')
  );
}

function isJson(request: FastifyRequest): boolean {
  const type = request.headers['content-type'];
  if (type === undefined) return false;
  return type.split(';')[0]!.trim().toLowerCase() === 'application/json';
}

// Browsers leave the default port out of Origin; a proxy may put it into Host.
const withoutDefaultPort = (host: string) => host.toLowerCase().replace(/:(80|443)$/, '');

/** An Origin naming another site than the one the request was sent to. */
function isCrossSite(request: FastifyRequest): boolean {
  const origin = request.headers.origin;
  if (origin === undefined) {
    // Browsers send Origin on every cross-origin change; Fetch Metadata covers the rare rest.
    return request.headers['sec-fetch-site'] === 'cross-site';
  }
  try {
    return withoutDefaultPort(new URL(origin).host) !== withoutDefaultPort(request.host);
  } catch {
    // "null" (sandboxed frames, file://) and garbage are never our own page.
    return true;
  }
}

/**
 * The SPA's policy: its own scripts, styles, images and API only; nothing inline, no plugins, no
 * framing, forms only to itself. /api/docs (Swagger UI) gets its own, see app.ts.
 */
export const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  baseUri: ["'self'"],
  scriptSrc: ["'self'"],
  scriptSrcAttr: ["'none'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'"],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  frameAncestors: ["'none'"],
  formAction: ["'self'"],
};

export default fp(
  (app: FastifyInstance, options: { hsts?: boolean }, finished: () => void) => {
    // Built once: @fastify/helmet built helmet's middleware anew on every request, ten times the
    // cost of applying it (decision 019). The same headers, set on the raw response as before.
    const securityHeaders = helmet({
      // No upgrade-insecure-requests: the BFF is also reached over plain HTTP on a loopback.
      contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY },
      frameguard: { action: 'deny' },
      referrerPolicy: { policy: 'same-origin' },
      // COOKIE_SECURE=true says the dashboard is reached over HTTPS only: browsers are then told
      // never to try plain HTTP (which would also lose the Secure cookie). Half a year, this host
      // only: other hosts under the same domain are not ours to decide.
      strictTransportSecurity: options.hsts
        ? { maxAge: 180 * 24 * 3600, includeSubDomains: false }
        : false,
    });
    app.addHook('onRequest', (request, reply, done) => {
      securityHeaders(request.raw, reply.raw, (error?: unknown) =>
        done(error as Error | undefined),
      );
    });

    app.addHook('onRequest', (request, _reply, done) => {
      if (!CHANGING.has(request.method)) return done();
      if (isCrossSite(request)) {
        return done(httpErrors.forbidden('Cross-site requests are not allowed'));
      }
      // A form or a text/plain body can be sent cross-site without a preflight; JSON cannot.
      const needsBody = request.method !== 'DELETE';
      if ((needsBody || hasBody(request)) && !isJson(request)) {
        return done(httpErrors.unsupportedMediaType());
      }
      done();
    });

    // An empty JSON body (a DELETE from a fetch wrapper that always sets the header) is no body.
    const parseJson = app.getDefaultJsonParser('error', 'error');
    app.removeContentTypeParser('application/json');
    app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
      const text = typeof body === 'string' ? body : body.toString('utf8');
      if (text.trim() === '') {
        done(null, undefined);
        return;
      }
      // The default parser answers through `done` (and guards against prototype poisoning).
      void parseJson(request, text, done);
    });

    app.addHook('onSend', (request, reply, payload, done) => {
      const url = request.url;
      const isApi = url === '/api' || url.startsWith('/api/') || url.startsWith('/api?');
      if (isApi && !url.startsWith('/api/docs')) {
        reply.header('cache-control', 'no-store');
      }
      done(null, payload);
    });
    finished();
  },
  { name: 'hardening' },
);
