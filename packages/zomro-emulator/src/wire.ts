// BILLmanager's answer format: the `doc` envelope with `{"$": text}` values and `$`-prefixed
// attributes, its JSON rendering and the equivalent short XML document.

/** A node of the document: text under `$`, attributes under `$name`, children under plain keys. */
export interface DocNode {
  [key: string]: string | DocNode | DocNode[] | undefined;
}

export type Row = Record<string, string>;

export interface ErrorInfo {
  type: string;
  object?: string;
  message: string;
  /** The message in Russian, answered for `lang=ru`. */
  ru?: string;
  /** Extra `param` entries, as BILLmanager attaches to field errors. */
  params?: Record<string, string>;
}

export const text = (value: string): DocNode => ({ $: value });

/** A table row as BILLmanager renders it: every column an object holding its text. */
export function renderRow(row: Row): DocNode {
  const node: DocNode = {};
  for (const [key, value] of Object.entries(row)) node[key] = text(value);
  return node;
}

export interface Paging {
  /** Rows per page: the account's saved setting. */
  count: number;
  /** 1-based page number. */
  page: number;
}

/** `p_num` as a page number; a missing or nonsensical one is page 1. */
export function pageNumber(params: Record<string, string>): number {
  const page = Number(params.p_num);
  return Number.isInteger(page) && page >= 1 ? page : 1;
}

/** `p_cnt` when it is a positive integer (a rows-per-page setting), else undefined. */
export function requestedPageSize(params: Record<string, string>): number | undefined {
  if (params.p_cnt === undefined) return undefined;
  const count = Number(params.p_cnt);
  return Number.isInteger(count) && count >= 1 ? count : undefined;
}

/**
 * A list answer, one page of it: `elem` (absent when the page is empty; an object instead of an
 * array for a lone row when `oneRowAsObject`), and always `p_cnt`, `p_num` and `p_elems`.
 */
export function renderList(rows: readonly Row[], paging: Paging, oneRowAsObject: boolean): DocNode {
  const node: DocNode = {};
  const pageRows = rows.slice((paging.page - 1) * paging.count, paging.page * paging.count);
  if (pageRows.length === 1 && oneRowAsObject) node.elem = renderRow(pageRows[0] as Row);
  else if (pageRows.length > 0) node.elem = pageRows.map(renderRow);
  node.p_cnt = text(String(paging.count));
  node.p_num = text(String(paging.page));
  node.p_elems = text(String(rows.length));
  return node;
}

export function renderError(error: ErrorInfo, lang: string): DocNode {
  const node: DocNode = { $type: error.type };
  if (error.object !== undefined) node.$object = error.object;
  node.$lang = lang;
  if (error.params) {
    node.param = Object.entries(error.params).map(([name, value]) => ({ $name: name, $: value }));
  }
  node.msg = text(lang === 'ru' && error.ru !== undefined ? error.ru : error.message);
  return { error: node };
}

export interface Envelope {
  func: string;
  lang: string;
  /** The request's parameters echoed back, secrets already removed. */
  tparams: Record<string, string>;
  body: DocNode;
}

/** The whole `doc`, with the bookkeeping keys the real service adds around the content. */
export function buildDoc({ func, lang, tparams, body }: Envelope): DocNode {
  const echoed: DocNode = {};
  for (const [key, value] of Object.entries(tparams)) echoed[key] = text(value);
  return {
    $lang: lang,
    $func: func,
    $binary: '/billmgr',
    $features: '',
    ...body,
    tparams: echoed,
  };
}

export function toJson(doc: DocNode): string {
  return JSON.stringify({ doc });
}

const escapeXml = (value: string): string =>
  value.replace(/[<>&"']/g, (c) =>
    c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '&' ? '&amp;' : c === '"' ? '&quot;' : '&apos;',
  );

function xmlElement(name: string, node: DocNode): string {
  let attributes = '';
  let content = '';
  for (const [key, value] of Object.entries(node)) {
    if (value === undefined) continue;
    if (key === '$') content += escapeXml(value as string);
    else if (key.startsWith('$')) attributes += ` ${key.slice(1)}="${escapeXml(value as string)}"`;
    else if (Array.isArray(value)) content += value.map((child) => xmlElement(key, child)).join('');
    else if (typeof value === 'string') content += `<${key}>${escapeXml(value)}</${key}>`;
    else content += xmlElement(key, value);
  }
  return content === '' ? `<${name}${attributes}/>` : `<${name}${attributes}>${content}</${name}>`;
}

/** The same document as BILLmanager's XML output (`out=xml`, or any `out` other than json). */
export function toXml(doc: DocNode): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${xmlElement('doc', doc)}\n`;
}
