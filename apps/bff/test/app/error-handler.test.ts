// The error handler on its own: each kind of failure → its status, code and headers, and a 5xx
// that says nothing about what went wrong inside.
import Fastify from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { HttpError } from '../../src/http-errors.js';
import { createLogger } from '../../src/logger.js';
import errorHandler, { toApiError } from '../../src/plugins/error-handler.js';
import {
  ZomroApiError,
  ZomroBadResponseError,
  ZomroBlockedError,
  ZomroSessionExpiredError,
  ZomroTimeoutError,
  ZomroUnavailableError,
} from '../../src/zomro/errors.js';

describe('toApiError', () => {
  it.each([
    [new ZomroSessionExpiredError('instances'), 401, 'SESSION_EXPIRED'],
    [new ZomroApiError('x', 'missed', 'elid', 'No such object'), 404, 'NOT_FOUND'],
    [new ZomroApiError('x', 'access', '', 'Insufficient privileges'), 403, 'FORBIDDEN'],
    [new ZomroApiError('x', 'value', 'name', 'Bad name'), 422, 'UPSTREAM_REJECTED'],
    [new ZomroApiError('x', 'exists', 'name', 'Exists'), 422, 'UPSTREAM_REJECTED'],
    [new ZomroApiError('x', 'provider_thing', '', ''), 422, 'UPSTREAM_REJECTED'],
    [new ZomroApiError('x', 'value', 'runningoperation', 'Busy'), 409, 'UPSTREAM_BUSY'],
    [new ZomroApiError('x', 'runningoperation', '', ''), 409, 'UPSTREAM_BUSY'],
    [new ZomroApiError('x', 'error', '', 'Request in process, please wait'), 409, 'UPSTREAM_BUSY'],
    [new ZomroBlockedError('x', 460), 503, 'UPSTREAM_BLOCKED'],
    [new ZomroBadResponseError('not json', 'x'), 502, 'UPSTREAM_BAD_RESPONSE'],
    [new ZomroUnavailableError('refused', 'x'), 502, 'UPSTREAM_UNAVAILABLE'],
    [new ZomroTimeoutError('slow', 'x'), 504, 'UPSTREAM_TIMEOUT'],
    [new HttpError(401, 'TOTP_INVALID', 'Wrong code'), 401, 'TOTP_INVALID'],
    [new Error('database password is hunter2'), 500, 'INTERNAL_ERROR'],
    ['a string', 500, 'INTERNAL_ERROR'],
    [null, 500, 'INTERNAL_ERROR'],
    [Object.assign(new Error('x'), { statusCode: 404 }), 404, 'NOT_FOUND'],
    [
      Object.assign(new Error('x'), { statusCode: 413, code: 'FST_ERR_CTP_BODY_TOO_LARGE' }),
      413,
      'PAYLOAD_TOO_LARGE',
    ],
    [
      Object.assign(new Error('x'), { statusCode: 415, code: 'FST_ERR_CTP_INVALID_MEDIA_TYPE' }),
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    ],
  ])('%o → %i %s', (error, status, code) => {
    const { body } = toApiError(error);
    expect(body.statusCode).toBe(status);
    expect(body.code).toBe(code);
    if (status >= 500) expect(Object.keys(body).sort()).toEqual(['code', 'message', 'statusCode']);
  });

  it('passes Zomro message and its type and object on', () => {
    expect(toApiError(new ZomroApiError('x', 'value', 'name', 'Bad name')).body).toEqual({
      statusCode: 422,
      code: 'UPSTREAM_REJECTED',
      message: 'Bad name',
      upstream: { type: 'value', object: 'name' },
    });
    // Without a message of its own, a sentence of ours.
    expect(toApiError(new ZomroApiError('x', 'missed', '', '')).body.message).not.toBe('');
  });

  it('sets Retry-After for a busy Zomro only', () => {
    expect(toApiError(new ZomroApiError('x', 'value', 'runningoperation', '')).headers).toEqual({
      'retry-after': '5',
    });
    expect(toApiError(new ZomroApiError('x', 'value', 'name', '')).headers).toEqual({});
  });

  it('never lets a 5xx show the message it was thrown with', () => {
    const { body } = toApiError(new Error('ECONNREFUSED 10.0.0.3:5432 token=abc'));
    expect(body).toEqual({
      statusCode: 500,
      code: 'INTERNAL_ERROR',
      message: 'Something went wrong on the server',
    });
  });
});

describe('the error handler in an app', () => {
  async function appWith(thrown: () => unknown) {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk: Buffer, _encoding, callback) {
        lines.push(chunk.toString('utf8'));
        callback();
      },
    });
    const app = Fastify({ loggerInstance: createLogger('info', stream) });
    app.setValidatorCompiler(validatorCompiler);
    app.setSerializerCompiler(serializerCompiler);
    await app.register(errorHandler);
    app.get('/throw', () => {
      throw thrown();
    });
    app.post('/validate', { schema: { body: z.object({ n: z.number().int().max(9) }) } }, () => ({
      ok: true,
    }));
    app.get(
      '/bad-response',
      { schema: { response: { 200: z.object({ id: z.string() }) } } },
      () => ({
        id: 1,
      }),
    );
    return { app, lines };
  }

  it('answers 500 INTERNAL_ERROR and logs the cause with its stack', async () => {
    const { app, lines } = await appWith(() => new TypeError('secret internals'));
    const response = await app.inject({ method: 'GET', url: '/throw' });
    expect(response.statusCode).toBe(500);
    expect(response.json()).toEqual({
      statusCode: 500,
      code: 'INTERNAL_ERROR',
      message: 'Something went wrong on the server',
    });
    expect(response.body).not.toContain('secret internals');
    const logged = lines.map((l) => JSON.parse(l) as { level: number; err?: { message: string } });
    expect(logged.some((l) => l.level === 50 && l.err?.message === 'secret internals')).toBe(true);
  });

  it('answers 500 when a response does not match its schema', async () => {
    const { app } = await appWith(() => null);
    const response = await app.inject({ method: 'GET', url: '/bad-response' });
    expect(response.json()).toMatchObject({ statusCode: 500, code: 'INTERNAL_ERROR' });
  });

  it('turns schema failures into 400 VALIDATION_FAILED with field paths', async () => {
    const { app } = await appWith(() => null);
    const response = await app.inject({ method: 'POST', url: '/validate', payload: { n: 10.5 } });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual({
      statusCode: 400,
      code: 'VALIDATION_FAILED',
      message: 'Some fields are not valid',
      details: [{ path: 'n', message: 'Invalid input: expected int, received number' }],
    });
  });

  it('sends an HttpError as it is, with its headers, keeping Zomro internals out', async () => {
    const { app } = await appWith(
      () =>
        new HttpError(503, 'UPSTREAM_BLOCKED', 'Blocked for a while', {
          upstream: { type: 'auth', object: 'blocklogon' },
          headers: { 'retry-after': '20' },
        }),
    );
    const response = await app.inject({ method: 'GET', url: '/throw' });
    expect(response.statusCode).toBe(503);
    expect(response.headers['retry-after']).toBe('20');
    expect(response.json()).toEqual({
      statusCode: 503,
      code: 'UPSTREAM_BLOCKED',
      message: 'Blocked for a while',
    });
  });

  it('answers a busy Zomro with 409 and Retry-After', async () => {
    const { app } = await appWith(
      () => new ZomroApiError('x', 'value', 'runningoperation', 'Request in process, please wait'),
    );
    const response = await app.inject({ method: 'GET', url: '/throw' });
    expect(response.statusCode).toBe(409);
    expect(response.headers['retry-after']).toBe('5');
  });
});
