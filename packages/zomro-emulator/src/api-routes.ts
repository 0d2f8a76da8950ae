// The BILLmanager endpoint at `/` and `/billmgr`: reads the call from a query string, an
// urlencoded or a multipart body, applies latency and queued faults, and renders the answer.
import { randomBytes } from 'node:crypto';
import formbody from '@fastify/formbody';
import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ACCESS_ERROR, RUNNING_OPERATION_ERROR, runFunction } from './functions.js';
import type { EmulatorState } from './state.js';
import type { Fault } from './types.js';
import { buildDoc, renderError, toJson, toXml, type DocNode } from './wire.js';

const TPARAMS_HIDDEN = new Set(['password', 'auth', 'qrcode', 'authinfo']);

const edgePage = (status: string): string =>
  `<html>\r\n<head><title>${status}</title></head>\r\n<body>\r\n<center><h1>${status}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`;

/** Long requests remembered at once; the oldest are forgotten first. */
const MAX_LONG_REQUESTS = 1000;

/**
 * The page BILLmanager answers while an operation is still running: it carries a URL matching
 * `long.+billmgr`, relative to the API's address, that Zomro's panel GETs until JSON comes
 * (src/utils/handleLongRequest.js). The URL stands alone on its line, so that the panel's greedy
 * pattern takes exactly it.
 */
const longPage = (token: string): string =>
  [
    '<!DOCTYPE html>',
    '<html>',
    '<head><meta charset="utf-8"><title>Please wait</title></head>',
    '<body>',
    '<p>The operation is still running. This page follows it.</p>',
    '<script>',
    `var url = "long/${token}/billmgr";`,
    'setTimeout(function () { window.location.href = url; }, 2000);',
    '</script>',
    '</body>',
    '</html>',
    '',
  ].join('\n');

function flatten(value: unknown): string | undefined {
  if (Array.isArray(value)) return flatten(value.at(-1));
  if (typeof value === 'string') return value;
  if (Buffer.isBuffer(value)) return value.toString('utf8');
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

/** Query and body merged, every value a string (a repeated field keeps its last value). */
function readParams(request: FastifyRequest): Record<string, string> {
  const params: Record<string, string> = {};
  for (const source of [request.query, request.body]) {
    if (typeof source !== 'object' || source === null) continue;
    for (const [key, value] of Object.entries(source as Record<string, unknown>)) {
      const flat = flatten(value);
      if (flat !== undefined) params[key] = flat;
    }
  }
  return params;
}

export interface ApiRoutesOptions {
  state: EmulatorState;
  /** Requests held open by the 'hang' fault, released when the app closes. */
  hanging: Set<FastifyRequest>;
}

export async function apiRoutes(app: FastifyInstance, { state, hanging }: ApiRoutesOptions) {
  // BILLmanager reads form fields only; any other body (JSON included) is ignored, not refused.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', (_request, payload, done) => {
    payload.resume();
    payload.on('end', () => done(null, undefined));
    payload.on('error', (error) => done(error, undefined));
  });
  await app.register(formbody);
  await app.register(multipart, { attachFieldsToBody: 'keyValues' });

  function answer(reply: FastifyReply, params: Record<string, string>, body: DocNode) {
    const func = params.func ?? '';
    const tparams: Record<string, string> = {};
    for (const [key, value] of Object.entries(params)) {
      if (!TPARAMS_HIDDEN.has(key)) tparams[key] = value;
    }
    const doc = buildDoc({ func, lang: params.lang ?? 'en', tparams, body });
    if (params.out === 'json') {
      return reply.code(200).type('application/json; charset=UTF-8').send(toJson(doc));
    }
    return reply.code(200).type('text/xml; charset=UTF-8').send(toXml(doc));
  }

  function injectFault(
    fault: Fault,
    request: FastifyRequest,
    reply: FastifyReply,
    params: Record<string, string>,
  ) {
    const lang = params.lang ?? 'en';
    switch (fault.kind) {
      case 'non-json':
        return reply.code(200).type('text/html').send(edgePage('502 Bad Gateway'));
      case 'http-403':
        return reply.code(403).type('text/html').send(edgePage('403 Forbidden'));
      case 'http-460':
        return reply.code(460).type('text/html').send(edgePage('460 Blocked'));
      case 'reset': {
        reply.hijack();
        const socket = request.raw.socket;
        // A TCP reset, not a polite close: the client sees ECONNRESET.
        if (typeof socket.resetAndDestroy === 'function') socket.resetAndDestroy();
        else socket.destroy();
        return reply;
      }
      case 'hang':
        reply.hijack();
        hanging.add(request);
        request.raw.socket?.once('close', () => hanging.delete(request));
        return reply;
      case 'running-operation':
        return answer(reply, params, renderError(RUNNING_OPERATION_ERROR, lang));
      case 'session-expired':
        return answer(reply, params, renderError(ACCESS_ERROR, lang));
      case 'error':
        return answer(
          reply,
          params,
          renderError(fault.error ?? { type: 'value', message: 'Injected error' }, lang),
        );
      case 'long': {
        // The operation takes effect now, exactly once; its answer waits at the page's URL.
        const body = runFunction(params.func ?? '', { state, params, lang });
        const token = randomBytes(16).toString('hex');
        state.longRequests.set(token, {
          pollsLeft: fault.polls ?? 1,
          params,
          body,
          instanceId: state.instanceOf(params.func ?? '', params),
        });
        for (const stale of state.longRequests.keys()) {
          if (state.longRequests.size <= MAX_LONG_REQUESTS) break;
          state.longRequests.delete(stale);
        }
        return reply.code(200).type('text/html; charset=UTF-8').send(longPage(token));
      }
    }
  }

  /** Counts the call in flight until its answer is sent or its connection goes. */
  function track(request: FastifyRequest, reply: FastifyReply, instanceId: string | undefined) {
    const end = state.startCall(instanceId);
    reply.raw.once('finish', end);
    reply.raw.once('close', end);
    request.raw.once('close', () => {
      // A request's own stream closes once read; only a lost socket ends the call early.
      if (request.raw.socket?.destroyed) end();
    });
  }

  async function delay() {
    const ms = state.latencyMs();
    if (ms > 0) await new Promise((resolve) => setTimeout(resolve, ms));
  }

  async function handle(request: FastifyRequest, reply: FastifyReply) {
    const params = readParams(request);
    const func = params.func ?? '';
    state.record(func, params);
    track(request, reply, state.instanceOf(func, params));
    await state.holds.pass(func);
    await delay();
    const fault = state.takeFault(func, state.callerOf(func, params));
    if (fault) {
      // A lost answer: the operation ran, then the connection failed (reset, hang, edge page).
      if (fault.afterEffect) runFunction(func, { state, params, lang: params.lang ?? 'en' });
      return injectFault(fault, request, reply, params);
    }
    return answer(reply, params, runFunction(func, { state, params, lang: params.lang ?? 'en' }));
  }

  for (const url of ['/', '/billmgr']) {
    app.route({ method: ['GET', 'POST'], url, handler: handle });
  }

  // A long request's URL: the page again while the operation "runs", then its result.
  app.get<{ Params: { token: string } }>('/long/:token/billmgr', async (request, reply) => {
    const pending = state.longRequests.get(request.params.token);
    // The token is the only key to the result: it is not put in the call log.
    state.record('long', {});
    track(request, reply, pending?.instanceId);
    await delay();
    if (!pending) return reply.code(404).type('text/html').send(edgePage('404 Not Found'));
    if (pending.pollsLeft > 0) {
      pending.pollsLeft -= 1;
      return reply.code(200).type('text/html; charset=UTF-8').send(longPage(request.params.token));
    }
    return answer(reply, pending.params, pending.body);
  });
}
