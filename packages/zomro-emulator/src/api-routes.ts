// The BILLmanager endpoint at `/` and `/billmgr`: reads the call from a query string, an
// urlencoded or a multipart body, applies latency and queued faults, and renders the answer.
import formbody from '@fastify/formbody';
import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ACCESS_ERROR, RUNNING_OPERATION_MESSAGE, runFunction } from './functions.js';
import type { EmulatorState } from './state.js';
import type { Fault } from './types.js';
import { buildDoc, renderError, toJson, toXml, type DocNode } from './wire.js';

const TPARAMS_HIDDEN = new Set(['password', 'auth', 'qrcode', 'authinfo']);

const edgePage = (status: string): string =>
  `<html>\r\n<head><title>${status}</title></head>\r\n<body>\r\n<center><h1>${status}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`;

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
        return answer(
          reply,
          params,
          renderError(
            { type: 'value', object: 'runningoperation', message: RUNNING_OPERATION_MESSAGE },
            lang,
          ),
        );
      case 'session-expired':
        return answer(reply, params, renderError(ACCESS_ERROR, lang));
      case 'error':
        return answer(
          reply,
          params,
          renderError(fault.error ?? { type: 'value', message: 'Injected error' }, lang),
        );
    }
  }

  async function handle(request: FastifyRequest, reply: FastifyReply) {
    const params = readParams(request);
    const func = params.func ?? '';
    state.record(func, params);
    const delay = state.latencyMs();
    if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
    const fault = state.takeFault(func, state.callerOf(func, params));
    if (fault) return injectFault(fault, request, reply, params);
    return answer(reply, params, runFunction(func, { state, params, lang: params.lang ?? 'en' }));
  }

  for (const url of ['/', '/billmgr']) {
    app.route({ method: ['GET', 'POST'], url, handler: handle });
  }
}
