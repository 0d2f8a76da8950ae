// Reading Zomro's `out=json` answers: the `doc` envelope, `{"$": "text"}` values, lists that may be
// missing, arrays or lone objects, and `doc.error`. Pure functions, tested with literal answers.
import { ZomroApiError, ZomroBadResponseError } from './errors.js';

export type ZomroDoc = Record<string, unknown>;
export type ZomroRow = Record<string, unknown>;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The text of a value: `{"$": "x"}` → "x"; a bare string or number as a string; anything else → "". */
export function text(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (isRecord(value)) return text(value.$);
  // A repeated element rendered as an array: its first value is the one that counts.
  if (Array.isArray(value)) return value.length > 0 ? text(value[0]) : '';
  return '';
}

/** Rows of a list: `elem` may be missing (empty list), an array, or a lone object (one row). */
export function rows(value: unknown): ZomroRow[] {
  if (Array.isArray(value)) return value.filter(isRecord);
  return isRecord(value) ? [value] : [];
}

/**
 * Parses an answer body into its `doc`, or throws: ZomroBadResponseError when the body is not the
 * JSON envelope, ZomroApiError when Zomro reports `doc.error`.
 */
export function parseDoc(func: string, body: string): ZomroDoc {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    throw new ZomroBadResponseError('Zomro answered with something that is not JSON', func);
  }
  if (!isRecord(json) || !isRecord(json.doc)) {
    throw new ZomroBadResponseError('Zomro answered JSON without a doc envelope', func);
  }
  const doc = json.doc;
  if (doc.error !== undefined) throw apiError(func, doc.error);
  return doc;
}

function apiError(func: string, error: unknown): ZomroApiError {
  // Seen as one object; tolerate a list of them by taking the first.
  const first = rows(error)[0] ?? {};
  const message = text(first.msg) || text(first.$);
  return new ZomroApiError(func, text(first.$type), text(first.$object), message.trim());
}

/** The session id of a `func=auth` answer: `doc.auth.$id`, or the text of `doc.auth`. */
export function authToken(doc: ZomroDoc): string | null {
  const auth = doc.auth;
  const id = (isRecord(auth) ? text(auth.$id) : '') || text(auth);
  return id === '' ? null : id;
}

/** `doc.ok`'s text (`func=totp.confirm` after signing in to a two-factor account), or "". */
export function okText(doc: ZomroDoc): string {
  return text(doc.ok);
}

/** The count attributes of a paged list (`p_elems`, `p_num`, `p_cnt`), when Zomro sent them. */
export function paging(doc: ZomroDoc): { total: number | null } {
  const total = Number.parseInt(text(doc.p_elems), 10);
  return { total: Number.isFinite(total) ? total : null };
}
