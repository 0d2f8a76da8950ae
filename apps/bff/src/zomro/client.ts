// The one client of Zomro's BILLmanager API: form-encoded POSTs with out=json and lang=en, the doc
// envelope, typed errors, time-outs, one retry for reads, session checks, and the schedule calls.
import {
  formatRotationDaysParam,
  type Instance,
  type ValidScheduleInput,
} from '@zomro-dash/shared';
import { authToken, okText, parseDoc, text, type ZomroDoc } from './envelope.js';
import {
  ZomroApiError,
  ZomroBadResponseError,
  ZomroBlockedError,
  ZomroSessionExpiredError,
  ZomroTimeoutError,
  ZomroUnavailableError,
} from './errors.js';
import { listPages, type ListedPages } from './list-pages.js';
import {
  longRequestPath,
  longRequestUrl,
  nextPollDelay,
  POLL_FIRST_DELAY_MS,
  POLL_MAX_FAILURES,
  wait,
} from './long-request.js';
import { toInstance, toRetention, toSchedule, type ListedSchedule } from './mappers.js';
import { fetchTransport, undiciTransport, type Transport } from './transport.js';

const FORM_TYPE = 'application/x-www-form-urlencoded;charset=UTF-8';

export const FUNC = {
  auth: 'auth',
  whoami: 'whoami',
  totpConfirm: 'totp.confirm',
  keepalive: 'keepalive',
  logout: 'logon',
  instances: 'instances',
  instanceEdit: 'instances.edit',
  schedules: 'instances.fleio_bckps.schedule',
  scheduleEdit: 'instances.fleio_bckps.schedule.edit',
  scheduleDelete: 'instances.fleio_bckps.schedule.delete',
} as const;

/**
 * A read may be sent twice (after a connection failure); a change never is, since Zomro may have
 * done it before the connection broke.
 */
export type CallKind = 'read' | 'change';

export interface ZomroClientLogger {
  warn(details: object, message: string): void;
}

export interface ZomroClientOptions {
  /** Zomro's endpoint, e.g. https://api.zomro.com/ */
  url: string;
  /** The time-out of one call, the looks at a long request's URL included. */
  timeoutMs: number;
  logger?: ZomroClientLogger;
  fetch?: typeof fetch;
}

// Zomro's panel matches these in English and in Russian (src/utils/checkIfTokenAlive.js): the BFF
// asks for English (lang=en) but matches both.
const BUSY_MESSAGE = /request in process|ваш запрос обрабатывается/i;
const ACCESS_MESSAGE = /insufficient privileges|недостаточно прав/i;

export function isBusyError(error: ZomroApiError): boolean {
  return (
    error.object === 'runningoperation' ||
    error.type === 'runningoperation' ||
    BUSY_MESSAGE.test(error.upstreamMessage)
  );
}

/**
 * Zomro's "insufficient privileges": a real lack of permission, or (Zomro says it the same way) an
 * expired or unknown session.
 */
export function isAccessError(error: ZomroApiError): boolean {
  return (
    !isBusyError(error) && (error.type === 'access' || ACCESS_MESSAGE.test(error.upstreamMessage))
  );
}

/** How a list is read: at most `pageConcurrency` pages at once after the first (default 4). */
export interface ListOptions {
  pageConcurrency?: number;
}

export interface SignInResult {
  token: string;
  totpRequired: boolean;
}

/** An instance's schedules and how many scheduled backups Zomro keeps for it. */
export interface ScheduleList {
  schedules: ListedSchedule[];
  retention: number | null;
}

export class ZomroClient {
  readonly #url: string;
  readonly #timeoutMs: number;
  readonly #transport: Transport;
  readonly #logger: ZomroClientLogger | undefined;

  constructor(options: ZomroClientOptions) {
    this.#url = options.url;
    this.#timeoutMs = options.timeoutMs;
    this.#transport = options.fetch ? fetchTransport(options.fetch) : undiciTransport();
    this.#logger = options.logger;
  }

  /** One API call; `doc` on success, a ZomroError otherwise. */
  async call(
    func: string,
    params: Record<string, string>,
    options: { token?: string; kind: CallKind },
  ): Promise<ZomroDoc> {
    const body = new URLSearchParams({ func, out: 'json', lang: 'en' });
    if (options.token !== undefined) body.set('auth', options.token);
    for (const [key, value] of Object.entries(params)) body.set(key, value);
    try {
      return await this.#post(func, body);
    } catch (error) {
      if (!(error instanceof ZomroUnavailableError) || options.kind !== 'read') throw error;
      this.#logger?.warn({ func, err: error }, 'Zomro connection failed; retrying the read once');
      return this.#post(func, body);
    }
  }

  /**
   * Sends the call and reads its answer. A long-request page is followed: its URL is looked at,
   * with a short growing wait, until JSON comes; all within the one time-out of the call.
   */
  async #post(func: string, body: URLSearchParams): Promise<ZomroDoc> {
    const signal = AbortSignal.timeout(this.#timeoutMs);
    let payload = await this.#request(func, this.#url, { method: 'POST', body }, signal);
    let path = longRequestPath(payload);
    let delay = POLL_FIRST_DELAY_MS;
    let failures = 0;
    while (path !== null) {
      await wait(delay, signal, () => this.#timeout(func));
      delay = nextPollDelay(delay);
      try {
        payload = await this.#request(func, longRequestUrl(path, this.#url), {}, signal);
      } catch (error) {
        // Looking again is safe (it only reads the result); a connection that keeps failing is not.
        if (error instanceof ZomroUnavailableError && ++failures < POLL_MAX_FAILURES) continue;
        throw error;
      }
      failures = 0;
      // Still running: the page again, perhaps naming another URL.
      path = longRequestPath(payload);
    }
    return parseDoc(func, payload);
  }

  /** One HTTP exchange with Zomro: the body of a 2xx answer, or a ZomroError. */
  async #request(
    func: string,
    url: string,
    init: { method?: 'POST'; body?: URLSearchParams },
    signal: AbortSignal,
  ): Promise<string> {
    let status: number;
    let payload: string;
    try {
      const response = await this.#transport.send(url, {
        method: init.method ?? 'GET',
        ...(init.body && { body: init.body.toString() }),
        headers: init.body
          ? { accept: 'application/json', 'content-type': FORM_TYPE }
          : { accept: 'application/json' },
        signal,
      });
      status = response.status;
      payload = response.body;
    } catch (error) {
      if (signal.aborted) throw this.#timeout(func);
      throw new ZomroUnavailableError('Zomro could not be reached', func, { cause: error });
    }
    if (status === 403 || status === 460) throw new ZomroBlockedError(func, status);
    if (status < 200 || status > 299) {
      throw new ZomroBadResponseError(`Zomro answered HTTP ${status}`, func);
    }
    return payload;
  }

  #timeout(func: string): ZomroTimeoutError {
    return new ZomroTimeoutError(`Zomro did not answer within ${this.#timeoutMs} ms`, func);
  }

  /**
   * A call inside a Zomro session. Zomro reports an unknown or expired session as an `access`
   * error, the same as a real lack of permission; `keepalive` tells them apart, as Zomro's panel does.
   */
  async #inSession(
    token: string,
    func: string,
    params: Record<string, string>,
    kind: CallKind,
  ): Promise<ZomroDoc> {
    try {
      return await this.call(func, params, { token, kind });
    } catch (error) {
      if (!(error instanceof ZomroApiError) || !isAccessError(error)) throw error;
      if (!(await this.keepalive(token))) throw new ZomroSessionExpiredError(func);
      throw error;
    }
  }

  /** Whether the session is still alive; other failures (time-out, unreachable) are thrown. */
  async keepalive(token: string): Promise<boolean> {
    try {
      await this.call(FUNC.keepalive, {}, { token, kind: 'read' });
      return true;
    } catch (error) {
      if (error instanceof ZomroApiError && (isAccessError(error) || error.type === 'auth')) {
        return false;
      }
      throw error;
    }
  }

  /** Signs in; a two-factor account then needs confirmTotp before anything else. */
  async signIn(username: string, password: string): Promise<SignInResult> {
    const doc = await this.call(
      FUNC.auth,
      { username, password, sok: 'ok' },
      // Not retried: a login attempt counts towards Zomro's temporary block.
      { kind: 'change' },
    );
    const token = authToken(doc);
    if (token === null) {
      throw new ZomroBadResponseError('Zomro signed in without a session id', FUNC.auth);
    }
    const whoami = await this.call(FUNC.whoami, {}, { token, kind: 'read' });
    return { token, totpRequired: okText(whoami).includes('totp.confirm') };
  }

  /**
   * Sends the 2FA code as Zomro's panel does; returns the session id to use from now on: the one
   * in the answer (Zomro issues a new one), else the one the code was sent with.
   */
  async confirmTotp(token: string, code: string): Promise<string> {
    const doc = await this.call(
      FUNC.totpConfirm,
      { qrcode: code, sok: 'ok', clicked_button: 'ok' },
      { token, kind: 'change' },
    );
    return authToken(doc) ?? token;
  }

  /** Closes the connections kept open to Zomro. */
  close(): Promise<void> {
    return this.#transport.close();
  }

  /** Ends the session as Zomro's panel logs out: `logon` without `sok` (it answers the login form). */
  async signOut(token: string): Promise<void> {
    await this.call(FUNC.logout, {}, { token, kind: 'change' });
  }

  /** Every row of a list, its pages asked for with `p_num` alone (never `p_cnt`). */
  #listAll(
    token: string,
    func: string,
    params: Record<string, string>,
    options: ListOptions,
  ): Promise<ListedPages> {
    return listPages(
      (page) => this.#inSession(token, func, { ...params, p_num: String(page) }, 'read'),
      this.#logger,
      options.pageConcurrency,
    );
  }

  async listInstances(token: string, options: ListOptions = {}): Promise<Instance[]> {
    const { rows } = await this.#listAll(token, FUNC.instances, {}, options);
    return rows.map(toInstance).filter((instance) => instance !== null);
  }

  async listSchedules(
    token: string,
    instanceId: string,
    options: ListOptions = {},
  ): Promise<ScheduleList> {
    const { rows, first } = await this.#listAll(
      token,
      FUNC.schedules,
      { elid: instanceId },
      options,
    );
    return {
      schedules: rows.map((row) => toSchedule(row, instanceId)).filter((s) => s !== null),
      retention: toRetention(first),
    };
  }

  /** Sets how many scheduled backups Zomro keeps for the instance, as Zomro's panel does. */
  async setRetention(token: string, instanceId: string, retention: number): Promise<void> {
    await this.#inSession(
      token,
      FUNC.instanceEdit,
      { elid: instanceId, backup_rotation: String(retention), sok: 'ok', clicked_button: 'ok' },
      'change',
    );
  }

  /**
   * Sends a create. Zomro answers a bare ok with no id: the caller learns the new schedule by
   * listing before and after (under the instance's lock). Should some BILLmanager build answer
   * with the id after all, it is returned.
   */
  async createSchedule(
    token: string,
    instanceId: string,
    input: ValidScheduleInput,
  ): Promise<{ answeredId: string | null }> {
    const doc = await this.#inSession(
      token,
      FUNC.scheduleEdit,
      { plid: instanceId, ...scheduleParams(input), sok: 'ok' },
      'change',
    );
    return { answeredId: text(doc.id) || text(doc.elid) || null };
  }

  /** Sends an edit of every field of a schedule of this instance. */
  async updateSchedule(
    token: string,
    instanceId: string,
    scheduleId: string,
    input: ValidScheduleInput,
  ): Promise<void> {
    await this.#inSession(
      token,
      FUNC.scheduleEdit,
      { plid: instanceId, elid: scheduleId, ...scheduleParams(input), sok: 'ok' },
      'change',
    );
  }

  /**
   * Sends a delete. Zomro's call names only the schedule: the caller checks first that it
   * belongs to the instance the operator named.
   */
  async deleteSchedule(token: string, scheduleId: string): Promise<void> {
    await this.#inSession(token, FUNC.scheduleDelete, { elid: scheduleId }, 'change');
  }
}

function scheduleParams(input: ValidScheduleInput): Record<string, string> {
  return {
    name: input.name,
    rotation_days: formatRotationDaysParam(input.days),
    rotation_time: input.time,
  };
}
