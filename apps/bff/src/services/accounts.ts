// The account service: who an operator is and which Zomro session their requests use. Personal
// mode signs operators in to Zomro with their own credentials; team mode checks them against the
// operators file (or believes a trusted proxy) and lends them the server's shared Zomro session.
// Every sign-in, failed sign-in and sign-out goes on the audit trail.
import type { Credentials, Mode, SessionUser, SignInOptions } from '@zomro-dash/shared';
import type { OperatorDirectory } from '../auth/operators.js';
import { DomainError } from './domain-error.js';
import { errorCodeOf } from '../error-mapping.js';
import type {
  DashboardSession,
  OperatorSession,
  SessionStore,
  ZomroSession,
} from '../stores/sessions.js';
import { isAccessError, isBusyError, type ZomroClient } from '../zomro/client.js';
import { ZomroApiError, ZomroSessionExpiredError } from '../zomro/errors.js';
import type { Actor } from './actor.js';
import type { AuditTrail } from './audit-trail.js';
import type { TeamAccount, TeamAccountStatus } from './team-account.js';

/** Zomro's reasons for refusing a login that are about where it comes from, not who. */
const LOGIN_BLOCKS = new Set(['badip', 'blocked_ip', 'blockgeoip', 'blocklogon']);
/** Zomro blocks logins for 20 seconds after too many failures. */
const LOGIN_BLOCK_SECONDS = 20;

/** A half-signed-in session (code owed) lasts this long, and takes this many codes. */
export const TOTP_PENDING_MS = 5 * 60_000;
export const TOTP_MAX_ATTEMPTS = 5;

const totpSessionOver = () =>
  new DomainError(
    'SESSION_EXPIRED',
    'Too many codes or too long since the password; sign in again',
  );

/** Where a half-signed-in session's codes are counted (the session store). */
export type TotpCodeCounter = Pick<SessionStore, 'countTotpCode' | 'delete'>;

const badCredentials = (message = 'Wrong username or password') =>
  new DomainError('BAD_CREDENTIALS', message);

/** A refused Zomro login in the API's terms. */
function zomroSignInError(error: unknown): unknown {
  if (!(error instanceof ZomroApiError) || isBusyError(error)) return error;
  const upstream = { type: error.type, object: error.object };
  if (LOGIN_BLOCKS.has(error.object)) {
    return new DomainError(
      'UPSTREAM_BLOCKED',
      error.upstreamMessage || 'Zomro is refusing sign-ins from here for a while',
      {
        upstream,
        ...(error.object === 'blocklogon' && {
          retryAfterSeconds: LOGIN_BLOCK_SECONDS,
        }),
      },
    );
  }
  return new DomainError('BAD_CREDENTIALS', error.upstreamMessage || 'Wrong username or password', {
    upstream,
  });
}

export type SignInResult =
  { session: DashboardSession; user: SessionUser } | { session: ZomroSession; totpRequired: true };

interface Team {
  account: TeamAccount;
  operators: OperatorDirectory | null;
  proxy: boolean;
  /** Proxy operators who are editors (`*`: all); the others are viewers. */
  proxyEditors: ReadonlySet<string> | '*';
}

export class AccountService {
  readonly #client: ZomroClient;
  readonly #audit: AuditTrail;
  readonly #team: Team | null;
  readonly #now: () => number;

  constructor(options: {
    client: ZomroClient;
    audit: AuditTrail;
    team: Team | null;
    now?: () => number;
  }) {
    this.#client = options.client;
    this.#audit = options.audit;
    this.#team = options.team;
    this.#now = options.now ?? Date.now;
  }

  get mode(): Mode {
    return this.#team ? 'team' : 'personal';
  }

  signInOptions(): SignInOptions {
    return {
      mode: this.mode,
      password: this.#team ? this.#team.operators !== null : true,
      proxy: this.#team?.proxy ?? false,
    };
  }

  /** Team mode: whether Zomro accepts the configured account; null in personal mode. */
  teamAccountStatus(): Promise<TeamAccountStatus> | null {
    return this.#team ? this.#team.account.status() : null;
  }

  /** `address`: the client's, for the record of a failed attempt. */
  async signIn({ username, password }: Credentials, address?: string): Promise<SignInResult> {
    if (this.#team) return this.#signInOperator(this.#team, username, password, address);
    let result: { token: string; totpRequired: boolean };
    try {
      result = await this.#client.signIn(username, password);
    } catch (error) {
      const mapped = zomroSignInError(error);
      await this.#audit.session(
        'session.sign-in-failed',
        username,
        username,
        codeOf(mapped),
        address,
      );
      throw mapped;
    }
    const session: ZomroSession = {
      kind: 'zomro',
      username,
      zomroToken: result.token,
      totpPending: result.totpRequired,
      createdAt: this.#now(),
    };
    // A two-factor sign-in is on record once the code is confirmed.
    if (result.totpRequired) return { session, totpRequired: true };
    await this.#signedIn(username, username, session.zomroToken);
    return { session, user: { username, role: 'editor' } };
  }

  /** A sign-in refused before it was tried (too many failures): on record, with the address. */
  async signInRefused(username: string, address: string, errorCode: string): Promise<void> {
    const account = this.#team ? this.#team.account.username : username;
    await this.#audit.session('session.sign-in-failed', username, account, errorCode, address);
  }

  async #signInOperator(
    team: Team,
    name: string,
    password: string,
    address?: string,
  ): Promise<SignInResult> {
    const account = team.account.username;
    if (!team.operators) {
      throw new DomainError(
        'FORBIDDEN',
        'Operators sign in through the organisation’s single sign-on, not here',
      );
    }
    const operator = await team.operators.verify(name, password);
    if (!operator) {
      await this.#audit.session(
        'session.sign-in-failed',
        name,
        account,
        'BAD_CREDENTIALS',
        address,
      );
      throw badCredentials('Wrong operator name or password');
    }
    await this.#audit.session('session.sign-in', operator.name, account);
    const session: OperatorSession = {
      kind: 'operator',
      username: operator.name,
      credential: operator.credential,
      createdAt: this.#now(),
    };
    return { session, user: { username: operator.name, role: operator.role } };
  }

  /**
   * Personal mode, two-factor: the code; the session to keep from now on (Zomro may renew its id).
   * Five codes within five minutes of the password, each counted before Zomro sees it (atomically,
   * so that codes sent at once cannot share a count); after that the half-signed-in session ends
   * (401 `SESSION_EXPIRED`) and the sign-in starts again from the password.
   */
  async confirmTotp(
    id: string,
    session: ZomroSession,
    code: string,
    codes: TotpCodeCounter,
    /** The client's, for the record of a wrong code. */
    address?: string,
  ): Promise<ZomroSession> {
    const left = session.createdAt + TOTP_PENDING_MS - this.#now();
    const count = left > 0 ? await codes.countTotpCode(id, left) : null;
    if (count === null || count > TOTP_MAX_ATTEMPTS) {
      await codes.delete(id);
      // Out of time: Zomro's half session is given up here. Out of codes: by the last code's failure.
      if (left <= 0) this.#client.signOut(session.zomroToken).catch(() => undefined);
      throw totpSessionOver();
    }
    let token: string;
    try {
      token = await this.#client.confirmTotp(session.zomroToken, code);
    } catch (error) {
      if (!(error instanceof ZomroApiError) || isBusyError(error)) throw error;
      if (isAccessError(error)) throw new ZomroSessionExpiredError(error.func);
      await this.#audit.session(
        'session.sign-in-failed',
        session.username,
        session.username,
        'TOTP_INVALID',
        address,
      );
      if (count === TOTP_MAX_ATTEMPTS) {
        await codes.delete(id);
        this.#client.signOut(session.zomroToken).catch(() => undefined);
      }
      throw new DomainError(
        'TOTP_INVALID',
        error.upstreamMessage || 'The code is not valid; try the current one',
        { upstream: { type: error.type, object: error.object } },
      );
    }
    await this.#signedIn(session.username, session.username, token);
    // The confirmed session starts without the count of codes it took.
    const confirmed: ZomroSession = { ...session, zomroToken: token, totpPending: false };
    delete confirmed.totpAttempts;
    return confirmed;
  }

  /** Records a sign-in; if the trail cannot take it, the new Zomro session is given up. */
  async #signedIn(actor: string, account: string, token: string): Promise<void> {
    try {
      await this.#audit.session('session.sign-in', actor, account);
    } catch (error) {
      this.#client.signOut(token).catch(() => undefined);
      throw error;
    }
  }

  /**
   * Ends what a session holds at Zomro (personal mode), best effort: Zomro's session dies within
   * the hour anyway. A sign-out of a known operator goes on record; a broken trail does not keep
   * anyone signed in.
   */
  async signOut(session: DashboardSession, onError: (error: unknown) => void): Promise<void> {
    if (session.kind === 'zomro' && !session.totpPending) {
      const account = session.username;
      await this.#audit.session('session.sign-out', account, account).catch(onError);
    } else if (session.kind === 'operator' && this.#team) {
      await this.#audit
        .session('session.sign-out', session.username, this.#team.account.username)
        .catch(onError);
    }
    if (session.kind === 'zomro') await this.#client.signOut(session.zomroToken).catch(onError);
  }

  /** Personal mode: a replaced session's Zomro side is logged out in the background. */
  forget(session: DashboardSession, onError: (error: unknown) => void): void {
    if (session.kind === 'zomro') this.#client.signOut(session.zomroToken).catch(onError);
  }

  /** The actor behind a stored session, or null when it no longer counts (wrong mode, removed). */
  async actorForSession(id: string, session: DashboardSession): Promise<Actor | null> {
    if (session.kind === 'zomro') {
      if (this.#team || session.totpPending) return null;
      const token = session.zomroToken;
      return {
        username: session.username,
        role: 'editor',
        account: session.username,
        via: 'zomro',
        sessionId: id,
        zomro: { run: (call) => call(token) },
      };
    }
    if (!this.#team?.operators) return null;
    const operator = await this.#team.operators.find(session.username);
    // Removed, or signed in with a password the file no longer holds.
    if (!operator || operator.credential !== session.credential) return null;
    return this.#operatorActor(this.#team, operator.name, operator.role, 'password', id);
  }

  /**
   * Team mode: an operator named by the trusted proxy. The operators file's role wins for a name
   * it lists; anyone else is an editor only if EDITOR_OPERATORS names them (or is `*`).
   */
  async proxyActor(name: string): Promise<Actor | null> {
    const team = this.#team;
    if (!team) return null;
    const listed = await team.operators?.find(name);
    const editor = team.proxyEditors === '*' || team.proxyEditors.has(name);
    const role = listed?.role ?? (editor ? 'editor' : 'viewer');
    return this.#operatorActor(team, name, role, 'proxy', null);
  }

  /** Personal mode: asks Zomro whether the operator's session is alive (and keeps it so). */
  async confirmAlive(actor: Actor): Promise<void> {
    if (actor.via !== 'zomro') return;
    const alive = await actor.zomro.run((token) => this.#client.keepalive(token));
    if (!alive) throw new ZomroSessionExpiredError('keepalive');
  }

  #operatorActor(
    team: Team,
    username: string,
    role: SessionUser['role'],
    via: 'password' | 'proxy',
    sessionId: string | null,
  ): Actor {
    return { username, role, account: team.account.username, via, sessionId, zomro: team.account };
  }
}

const codeOf = (error: unknown) => errorCodeOf(error);
