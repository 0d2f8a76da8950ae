// Reading every row of a Zomro list without changing the operator's "rows per page": BILLmanager
// keeps the page size as a saved per-user setting that a `p_cnt` in a request would change, so no
// `p_cnt` is ever sent. The first page tells the size (`p_cnt`) and the total (`p_elems`); the
// other pages are then asked for with `p_num`, a few at a time.
import { paging, rows, text, type ZomroDoc, type ZomroRow } from './envelope.js';

/** Pages asked for at once after the first, unless the caller bounds it otherwise. */
export const PAGE_CONCURRENCY = 4;
/** A list longer than this many pages is cut (and said so in the log). */
export const MAX_PAGES = 100;

export interface ListedPages {
  rows: ZomroRow[];
  /** The first page's `doc`: lists carry other keys (`backup_rotation`) there. */
  first: ZomroDoc;
}

export interface ListPagesLogger {
  warn(details: object, message: string): void;
}

/** One page, from 1. */
export type FetchPage = (page: number) => Promise<ZomroDoc>;

/** Rows in order, each id once (a page may repeat rows when the list moved meanwhile). */
class Rows {
  readonly #seen = new Set<string>();
  readonly all: ZomroRow[] = [];

  /** Adds a page's rows; how many were new. */
  add(pageRows: readonly ZomroRow[]): number {
    let added = 0;
    for (const row of pageRows) {
      const id = text(row.id);
      if (id !== '' && this.#seen.has(id)) continue;
      if (id !== '') this.#seen.add(id);
      this.all.push(row);
      added++;
    }
    return added;
  }
}

/**
 * Every row of a list. If the page size changed between pages (the operator changed it in
 * Zomro's panel meanwhile), rows may have been skipped: the list is read once more.
 */
export async function listPages(
  fetchPage: FetchPage,
  logger?: ListPagesLogger,
  concurrency = PAGE_CONCURRENCY,
) {
  const once = await readOnce(fetchPage, concurrency, logger);
  if (once.consistent) return once.listed;
  logger?.warn({}, 'Zomro changed the page size while the list was read; reading it again');
  return (await readOnce(fetchPage, concurrency, logger)).listed;
}

async function readOnce(
  fetchPage: FetchPage,
  concurrency: number,
  logger?: ListPagesLogger,
): Promise<{ listed: ListedPages; consistent: boolean }> {
  const first = await fetchPage(1);
  const firstRows = rows(first.elem);
  const { total, size } = paging(first);
  // Without p_cnt, the first page's length is the best guess at the page size.
  const pageSize = size ?? firstRows.length;
  if (total === null || pageSize === 0) {
    return { listed: await readOneByOne(fetchPage, first, pageSize), consistent: true };
  }
  let pages = Math.ceil(total / pageSize);
  if (pages > MAX_PAGES) {
    logger?.warn({ total, pageSize }, `Zomro's list has more than ${MAX_PAGES} pages; cut there`);
    pages = MAX_PAGES;
  }
  const byPage: ZomroRow[][] = [firstRows];
  const arrived = new Set(firstRows.map((row) => text(row.id)));
  let consistent = true;
  // A server that ignores p_num answers the first page again: a page with nothing new (or
  // nothing at all) means nothing more is asked for.
  let stop = false;
  let next = 2;
  const worker = async () => {
    while (!stop && next <= pages) {
      const page = next++;
      const doc = await fetchPage(page);
      const answered = paging(doc);
      if (answered.page !== null && answered.page !== page) {
        stop = true;
        continue;
      }
      if (answered.size !== null && answered.size !== pageSize) consistent = false;
      const pageRows = rows(doc.elem);
      byPage[page - 1] = pageRows;
      const ids = pageRows.map((row) => text(row.id));
      if (ids.every((id) => arrived.has(id))) stop = true;
      for (const id of ids) arrived.add(id);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, pages - 1)) }, worker));
  const collected = new Rows();
  for (const pageRows of byPage) if (pageRows) collected.add(pageRows);
  if (collected.all.length < Math.min(total, pages * pageSize) && !stop) consistent = false;
  return { listed: { rows: collected.all, first }, consistent };
}

/** Without a total: page after page while pages come back full and bring new rows. */
async function readOneByOne(
  fetchPage: FetchPage,
  first: ZomroDoc,
  pageSize: number,
): Promise<ListedPages> {
  const collected = new Rows();
  let pageRows = rows(first.elem);
  let added = collected.add(pageRows);
  for (let page = 2; page <= MAX_PAGES; page++) {
    if (pageSize === 0 || pageRows.length < pageSize || added === 0) break;
    pageRows = rows((await fetchPage(page)).elem);
    added = collected.add(pageRows);
  }
  return { rows: collected.all, first };
}
