// The API client: the BFF's error body becomes ApiError; a lost session waits for sign-in and
// the request is then sent again.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, apiRequest } from '@/lib/api-client';
import { sessionExpiry } from '@/lib/session-expiry';

function json(status: number, body: unknown, headers: Record<string, string> = {}) {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json', ...headers },
  });
}

const mockFetch = (...responses: Array<() => Response>) => {
  const fn = vi.fn<typeof fetch>();
  for (const response of responses) fn.mockImplementationOnce(() => Promise.resolve(response()));
  vi.stubGlobal('fetch', fn);
  return fn;
};

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('apiRequest', () => {
  it('sends JSON with the cookie and returns the checked body', async () => {
    const fetchMock = mockFetch(() => json(200, { schedules: [], retention: null }));
    await expect(
      apiRequest('/api/instances/1/schedules', {
        method: 'POST',
        body: { a: 1 },
      }),
    ).resolves.toEqual({ schedules: [], retention: null });
    const [, init] = fetchMock.mock.calls[0] ?? [];
    expect(init?.credentials).toBe('same-origin');
    expect(init?.body).toBe('{"a":1}');
    expect((init?.headers as Record<string, string>)['Content-Type']).toBe('application/json');
  });

  it('turns the error body into an ApiError with code, message, details and Retry-After', async () => {
    mockFetch(() =>
      json(
        409,
        { statusCode: 409, code: 'UPSTREAM_BUSY', message: 'Request in process, please wait' },
        { 'Retry-After': '5' },
      ),
    );
    const error = await apiRequest('/api/x').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      statusCode: 409,
      code: 'UPSTREAM_BUSY',
      message: 'Request in process, please wait',
      retryAfterSeconds: 5,
      isRetryable: true,
    });
  });

  it('keeps field details of a validation error', async () => {
    mockFetch(() =>
      json(400, {
        statusCode: 400,
        code: 'VALIDATION_FAILED',
        message: 'Invalid',
        details: [{ path: 'name', message: 'Name is required' }],
      }),
    );
    const error = (await apiRequest('/api/x').catch((e: unknown) => e)) as ApiError;
    expect(error.details).toEqual([{ path: 'name', message: 'Name is required' }]);
    expect(error.isRetryable).toBe(false);
  });

  it('explains an answer that is not the error shape, and an unreachable server', async () => {
    mockFetch(() => new Response('<html>Bad gateway</html>', { status: 502 }));
    await expect(apiRequest('/api/x')).rejects.toMatchObject({
      code: 'BAD_RESPONSE',
      statusCode: 502,
    });
    vi.stubGlobal(
      'fetch',
      vi.fn(() => Promise.reject(new TypeError('Failed to fetch'))),
    );
    await expect(apiRequest('/api/x')).rejects.toMatchObject({
      code: 'NETWORK_ERROR',
      statusCode: 0,
    });
  });

  it('refuses a success answer that is not a JSON object (a proxy’s page, a bare list)', async () => {
    mockFetch(() => new Response('<html>Gateway</html>', { status: 200 }));
    await expect(apiRequest('/api/x')).rejects.toMatchObject({ code: 'BAD_RESPONSE' });
    mockFetch(() => json(200, [1, 2]));
    await expect(apiRequest('/api/x')).rejects.toMatchObject({ code: 'BAD_RESPONSE' });
    mockFetch(() => new Response(null, { status: 200 }));
    await expect(apiRequest('/api/x')).rejects.toMatchObject({ code: 'BAD_RESPONSE' });
  });

  it('returns undefined for 204', async () => {
    mockFetch(() => new Response(null, { status: 204 }));
    await expect(apiRequest('/api/x', { method: 'DELETE' })).resolves.toBeUndefined();
  });

  it('waits for sign-in after SESSION_EXPIRED and then sends the request again', async () => {
    const expired = () =>
      json(401, { statusCode: 401, code: 'SESSION_EXPIRED', message: 'Session expired' });
    const fetchMock = mockFetch(expired, () => json(200, { ok: true }));
    const result = apiRequest('/api/instances/1/schedules/2', { method: 'PUT', body: { n: 1 } });
    await vi.waitFor(() => expect(sessionExpiry.isExpired()).toBe(true));
    expect(fetchMock).toHaveBeenCalledTimes(1);
    sessionExpiry.signedIn();
    await expect(result).resolves.toEqual({ ok: true });
    expect(fetchMock).toHaveBeenCalledTimes(2);
    expect(fetchMock.mock.calls[1]?.[1]?.body).toBe('{"n":1}');
    expect(sessionExpiry.isExpired()).toBe(false);
  });

  it('fails with the reason given when the operator closes the sign-in dialog', async () => {
    mockFetch(() => json(401, { statusCode: 401, code: 'UNAUTHENTICATED', message: 'Sign in' }));
    const result = apiRequest('/api/instances');
    await vi.waitFor(() => expect(sessionExpiry.isExpired()).toBe(true));
    const reason = new ApiError({ statusCode: 401, code: 'SESSION_EXPIRED', message: 'gave up' });
    sessionExpiry.dismiss(reason);
    await expect(result).rejects.toBe(reason);
  });

  it('after the dialog was closed, reads fail at once and changes still ask', async () => {
    sessionExpiry.dismiss(new Error('closed'));
    const expired = () =>
      json(401, { statusCode: 401, code: 'SESSION_EXPIRED', message: 'Session expired' });
    mockFetch(expired, expired, () => json(200, { ok: true }));
    await expect(apiRequest('/api/instances')).rejects.toMatchObject({ code: 'SESSION_EXPIRED' });
    expect(sessionExpiry.isExpired()).toBe(false);

    const change = apiRequest('/api/instances/1/schedules', { method: 'POST', body: {} });
    await vi.waitFor(() => expect(sessionExpiry.isExpired()).toBe(true));
    sessionExpiry.signedIn();
    await expect(change).resolves.toEqual({ ok: true });
    expect(sessionExpiry.wasDismissed()).toBe(false);
  });

  it('does not wait on 401 for the session endpoints, where it is the answer', async () => {
    mockFetch(() =>
      json(401, {
        statusCode: 401,
        code: 'BAD_CREDENTIALS',
        message: 'Invalid username or password',
      }),
    );
    await expect(
      apiRequest('/api/session', { method: 'POST', body: {}, waitForSignInOn401: false }),
    ).rejects.toMatchObject({ code: 'BAD_CREDENTIALS', message: 'Invalid username or password' });
    expect(sessionExpiry.isExpired()).toBe(false);
  });
});
