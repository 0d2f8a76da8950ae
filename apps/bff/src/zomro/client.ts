// The one client of Zomro's BILLmanager API: form-encoded POSTs with out=json and lang=en, the doc
// envelope, typed errors, time-outs, one retry for reads, session checks, and the schedule calls.
import {
  formatRotationDaysParam,
  type Instance,
  type ValidScheduleInput,
} from '@zomro-dash/shared';
import {
  authToken,
  okText,
  paging,
  parseDoc,
  rows,
  text,
  type ZomroDoc,
  type ZomroRow,
} from './envelope.js';
import {
  ZomroApiError,
  ZomroBadResponseError,
  ZomroBlockedError,
  ZomroSessionExpiredError,
  ZomroTimeoutError,
  ZomroUnavailableError,
} from './errors.js';
import { toInstance, toSchedule, type ListedSchedule } from './mappers.js';

export const FUNC = {
  auth: 'auth',
  whoami: 'whoami',
  totpConfirm: 'totp.confirm',
  keepalive: 'keepalive',
  logout: 'logon',
  instances: 'instances',
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
  timeoutMs: number;
  logger?: ZomroClientLogger;
  fetch?: typeof fetch;
  /** Rows asked for per page of a list (tests make it small to see paging). */
  pageSize?: number;
}

/** Rows asked for per page of a list; further pages are fetched only when `p_elems` says so. */
const DEFAULT_PAGE_SIZE = 500;
const MAX_PAGES = 100;

export function isBusyError(error: ZomroApiError): boolean {
  return (
    error.object === 'runningoperation' ||
    error.type === 'runningoperation' ||
    /request in process/i.test(error.upstreamMessage)
  );
}

export interface SignInResult {
  token: string;
  totpRequired: boolean;
}

export class ZomroClient {
  readonly #url: string;
  readonly #timeoutMs: number;
  readonly #fetch: typeof fetch;
  readonly #logger: ZomroClientLogger | undefined;
  readonly #pageSize: number;

  constructor(options: ZomroClientOptions) {
    this.#url = options.url;
    this.#timeoutMs = options.timeoutMs;
    this.#fetch = options.fetch ?? globalThis.fetch;
    this.#logger = options.logger;
    this.#pageSize = options.pageSize ?? DEFAULT_PAGE_SIZE;
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

  async #post(func: string, body: URLSearchParams): Promise<ZomroDoc> {
    const signal = AbortSignal.timeout(this.#timeoutMs);
    let status: number;
    let payload: string;
    try {
      const response = await this.#fetch(this.#url, {
        method: 'POST',
        body,
        headers: { accept: 'application/json' },
        signal,
      });
      status = response.status;
      payload = await response.text();
    } catch (error) {
      if (signal.aborted) {
        throw new ZomroTimeoutError(`Zomro did not answer within ${this.#timeoutMs} ms`, func);
      }
      throw new ZomroUnavailableError('Zomro could not be reached', func, { cause: error });
    }
    if (status === 403 || status === 460) throw new ZomroBlockedError(func, status);
    if (status < 200 || status > 299) {
      throw new ZomroBadResponseError(`Zomro answered HTTP ${status}`, func);
    }
    return parseDoc(func, payload);
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
      if (!(error instanceof ZomroApiError) || error.type !== 'access' || isBusyError(error)) {
        throw error;
      }
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
      if (error instanceof ZomroApiError && (error.type === 'access' || error.type === 'auth')) {
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

  /** Sends the 2FA code; returns the session id to use from now on (Zomro may issue a new one). */
  async confirmTotp(token: string, code: string): Promise<string> {
    const doc = await this.call(
      FUNC.totpConfirm,
      { qrcode: code, sok: 'ok' },
      { token, kind: 'change' },
    );
    return authToken(doc) ?? token;
  }

  async signOut(token: string): Promise<void> {
    await this.call(FUNC.logout, { sok: 'ok' }, { token, kind: 'change' });
  }

  /** Every row of a list, page after page while `p_elems` says there are more. */
  async #listAll(token: string, func: string, params: Record<string, string>): Promise<ZomroRow[]> {
    const seen = new Set<string>();
    const all: ZomroRow[] = [];
    for (let page = 1; page <= MAX_PAGES; page++) {
      const doc = await this.#inSession(
        token,
        func,
        { ...params, p_cnt: String(this.#pageSize), p_num: String(page) },
        'read',
      );
      let added = 0;
      const pageRows = rows(doc.elem);
      for (const row of pageRows) {
        const id = text(row.id);
        if (id !== '' && seen.has(id)) continue;
        seen.add(id);
        all.push(row);
        added++;
      }
      const { total } = paging(doc);
      // A server that ignores p_num repeats the first page: stop when a page brings nothing new.
      if (added === 0) break;
      // Without a total, only a short page says it was the last one.
      if (total === null ? pageRows.length < this.#pageSize : all.length >= total) break;
    }
    return all;
  }

  async listInstances(token: string): Promise<Instance[]> {
    const found = await this.#listAll(token, FUNC.instances, {});
    return found.map(toInstance).filter((instance) => instance !== null);
  }

  async listSchedules(token: string, instanceId: string): Promise<ListedSchedule[]> {
    const found = await this.#listAll(token, FUNC.schedules, { elid: instanceId });
    return found.map((row) => toSchedule(row, instanceId)).filter((s) => s !== null);
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
