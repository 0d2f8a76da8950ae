// Reading Zomro's `out=json` answers: the `doc` envelope, `{"$": "text"}` values, lists that may be
// missing, arrays or lone objects, and `doc.error`. Pure functions, tested with literal answers.
import { ZomroApiError, ZomroBadResponseError, type ZomroFieldError } from './errors.js';
import { apiFieldName } from './fields.js';

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

/** Zomro's sentences may be shown to operators: longer than this is a trace, not a sentence. */
export const UPSTREAM_MESSAGE_MAX = 300;

/**
 * Zomro's error text as plain words: tags removed (it sometimes sends HTML, even a trace), white
 * space collapsed, cut at UPSTREAM_MESSAGE_MAX characters (never inside a surrogate pair).
 */
export function plainMessage(raw: string): string {
  const plain = raw
    .replace(/<[^>]*>/g, ' ')
    .replace(/[<>]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (plain.length <= UPSTREAM_MESSAGE_MAX) return plain;
  const cut = plain.slice(0, UPSTREAM_MESSAGE_MAX - 1);
  return `${/[\ud800-\udbff]$/.test(cut) ? cut.slice(0, -1) : cut}…`;
}

function apiError(func: string, error: unknown): ZomroApiError {
  // Seen as one object; tolerate a list of them by taking the first.
  const first = rows(error)[0] ?? {};
  const message = plainMessage(text(first.msg) || text(first.$));
  const object = text(first.$object);
  const fields = fieldErrors(object);
  if (fields.length === 0) return new ZomroApiError(func, text(first.$type), object, message);
  // As Zomro's panel shows it: the sentence, then what was wrong with the first field.
  const [{ zomroField, message: detail }] = fields as [ZomroFieldError];
  const sentence = plainMessage(message && detail ? `${message}: ${detail}` : message || detail);
  return new ZomroApiError(func, text(first.$type), zomroField, sentence, fields);
}

/**
 * Some Fleio-backed functions put a JSON object in `$object`: `{"field": ["what is wrong", …]}`
 * (Zomro's panel parses it, src/Redux/cloudVps/cloudVpsOperations.js `editSsh`). Its fields with
 * the API's names; none when `$object` is not such JSON.
 */
export function fieldErrors(object: string): ZomroFieldError[] {
  if (!object.trimStart().startsWith('{')) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(object);
  } catch {
    return [];
  }
  if (!isRecord(parsed)) return [];
  return Object.entries(parsed).map(([zomroField, detail]) => {
    const messages = (Array.isArray(detail) ? detail : [detail]).map(text).filter(Boolean);
    return {
      zomroField,
      field: apiFieldName(zomroField),
      message: plainMessage(messages.join(' ')),
    };
  });
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

export interface Paging {
  /** `p_elems`: rows in the whole list. */
  total: number | null;
  /** `p_cnt`: rows per page (the operator's saved setting). */
  size: number | null;
  /** `p_num`: which page this is, from 1. */
  page: number | null;
}

/** The count attributes of a paged list (`p_elems`, `p_cnt`, `p_num`), each null when missing. */
export function paging(doc: ZomroDoc): Paging {
  const count = (value: unknown, min: number) => {
    const raw = text(value).trim();
    const n = /^\d+$/.test(raw) ? Number(raw) : Number.NaN;
    return Number.isSafeInteger(n) && n >= min ? n : null;
  };
  return { total: count(doc.p_elems, 0), size: count(doc.p_cnt, 1), page: count(doc.p_num, 1) };
}
