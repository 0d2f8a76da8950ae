// What every BILLmanager function of the emulator is built from: the call's context, the
// errors it answers in BILLmanager's words, and reading its parameters.
import type { InstanceRecord } from './demo-data.js';
import type { Account, EmulatorState, Session } from './state.js';
import {
  pageNumber,
  requestedPageSize,
  type DocNode,
  type ErrorInfo,
  type Paging,
} from './wire.js';

export const ACCESS_MESSAGE = 'Insufficient privileges to perform the function';
export const BAD_PASSWORD_MESSAGE = 'Invalid username or password';
export const RUNNING_OPERATION_MESSAGE = 'Request in process, please wait';

// Zomro's panel matches these in both languages (src/utils/checkIfTokenAlive.js).
export const ACCESS_MESSAGE_RU = 'У вас недостаточно прав на выполнение функции';
export const RUNNING_OPERATION_MESSAGE_RU = 'Ваш запрос обрабатывается, пожалуйста, подождите';
export const BAD_PASSWORD_MESSAGE_RU = 'Неверное имя пользователя или пароль';

export const ACCESS_ERROR: ErrorInfo = {
  type: 'access',
  message: ACCESS_MESSAGE,
  ru: ACCESS_MESSAGE_RU,
};
export const RUNNING_OPERATION_ERROR: ErrorInfo = {
  type: 'value',
  object: 'runningoperation',
  message: RUNNING_OPERATION_MESSAGE,
  ru: RUNNING_OPERATION_MESSAGE_RU,
};

export interface CallContext {
  state: EmulatorState;
  params: Record<string, string>;
  lang: string;
}

export interface SignedIn extends CallContext {
  session: Session;
  account: Account;
}

/** Which session a function needs: a password-only one, or a fully confirmed one. */
export type Access = 'password' | 'confirmed';

export interface BillmgrFunction {
  access: Access;
  run(ctx: SignedIn): DocNode;
}

export class CallError extends Error {
  constructor(readonly info: ErrorInfo) {
    super(info.message);
  }
}

export const fail = (info: ErrorInfo): never => {
  throw new CallError(info);
};

/** "Field is missing", with the field named in `$object` as BILLmanager does. */
export const missed = (field: string, label: string): never =>
  fail({
    type: 'missed',
    object: field,
    message: `The "${label}" field is required`,
    params: { object: field },
  });

export const invalid = (field: string, label: string, value: string, why: string): never =>
  fail({
    type: 'value',
    object: field,
    message: `The value of the "${label}" field is invalid: ${why}`,
    params: { object: field, value },
  });

export const notFound = (field: string, id: string): never =>
  fail({
    type: 'missed',
    object: field,
    message: `The object with id "${id}" was not found`,
    params: { object: field, value: id },
  });

export const OK: DocNode = { ok: {} };

export const param = (ctx: CallContext, name: string): string | undefined => {
  const value = ctx.params[name];
  return value === undefined || value.trim() === '' ? undefined : value;
};

export function findInstance(account: Account, field: string, id: string): InstanceRecord {
  return account.instances.find((i) => i.id === id) ?? notFound(field, id);
}

/**
 * The page a list call asks for, at the account's saved rows per page. A `p_cnt` in the request
 * changes that setting first (BILLmanager saves it, and the emulator records the change).
 */
export function paging(ctx: SignedIn): Paging {
  const requested = requestedPageSize(ctx.params);
  if (requested !== undefined) ctx.state.changePageSize(ctx.account, requested);
  return { count: ctx.account.pageSize, page: pageNumber(ctx.params) };
}
