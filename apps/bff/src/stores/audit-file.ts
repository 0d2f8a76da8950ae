// The audit trail as a JSON-lines file (AUDIT_LOG_PATH): appended with fsync in small batches,
// read newest first by scanning backwards from a byte offset, so a page never loads the file.
import { createReadStream } from 'node:fs';
import { chmod, mkdir, open, statfs, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { auditEntrySchema, type AuditEntry } from '@zomro-dash/shared';
import {
  AuditUnavailableError,
  LastChangeIndex,
  matchesQuery,
  type AuditPageQuery,
  type AuditPageResult,
  type AuditRecord,
  type AuditStore,
  type LastChange,
} from './audit.js';

const CHUNK = 64 * 1024;
/** Below this much free space the trail is reported not writable (GET /api/ready). */
const MIN_FREE_BYTES = 64 * 1024;

interface Pending {
  line: string;
  record: AuditRecord;
  resolve: () => void;
  reject: (error: unknown) => void;
}

export interface FileAuditStoreLogger {
  warn(details: object, message: string): void;
  error(details: object, message: string): void;
}

export interface FileAuditStoreOptions {
  logger?: FileAuditStoreLogger;
  /** How the file is opened: tests wrap the handle to make writes fail (a full disk). */
  openFile?: (file: string, flags: string, mode: number) => Promise<FileHandle>;
}

/** A record read back from the file, or null for a line that is not one (torn, foreign). */
function parseRecord(line: string): AuditRecord | null {
  try {
    const json = JSON.parse(line) as { phase?: unknown };
    if (json.phase !== 'intent' && json.phase !== 'final') return null;
    const entry = auditEntrySchema.safeParse(json);
    return entry.success ? { ...entry.data, phase: json.phase } : null;
  } catch {
    return null;
  }
}

const toEntry = ({ phase: _phase, ...entry }: AuditRecord): AuditEntry => entry;

const encodeCursor = (offset: number) => offset.toString(36);
function decodeCursor(cursor: string | undefined, size: number): number {
  if (cursor === undefined) return size;
  const offset = Number.parseInt(cursor, 36);
  return Number.isSafeInteger(offset) && offset >= 0 ? Math.min(offset, size) : size;
}

export class FileAuditStore implements AuditStore {
  readonly #file: string;
  readonly #handle: FileHandle;
  readonly #index = new LastChangeIndex();
  readonly #logger: FileAuditStoreLogger | undefined;
  /** Bytes known to be whole lines on disk: readers never look past it. */
  #size: number;
  #queue: Pending[] = [];
  #flushing: Promise<void> | null = null;
  #closed = false;
  /** A failed write may have left part of a line past #size: cut before anything else is written. */
  #torn = false;
  #repairing: Promise<void> | null = null;

  private constructor(
    file: string,
    handle: FileHandle,
    size: number,
    logger?: FileAuditStoreLogger,
  ) {
    this.#file = file;
    this.#handle = handle;
    this.#size = size;
    this.#logger = logger;
  }

  /**
   * Opens (creating with mode 0600, its folder 0700) the trail, rebuilds the last-change index
   * and closes the intents a previous process left open as `unknown`.
   */
  static async open(
    file: string,
    logger?: FileAuditStoreLogger,
    options: Omit<FileAuditStoreOptions, 'logger'> = {},
  ): Promise<FileAuditStore> {
    const directory = path.dirname(file);
    await mkdir(directory, { recursive: true, mode: 0o700 });
    const handle = await (options.openFile ?? open)(file, 'a+', 0o600);
    try {
      await chmod(file, 0o600);
    } catch (error) {
      logger?.warn({ err: error, file }, 'could not set the audit file to mode 0600');
    }
    // The new file's name must survive a crash too.
    const dir = await open(directory, 'r');
    await dir.sync().finally(() => dir.close());
    let { size } = await handle.stat();
    const store = new FileAuditStore(file, handle, size, logger);
    const unfinished = await store.#replay();
    if (size > 0) {
      // A torn last line (the process died mid-write) must not glue itself to the next record.
      const last = Buffer.alloc(1);
      await handle.read(last, 0, 1, size - 1);
      if (last[0] !== 0x0a) {
        await handle.write('\n');
        size += 1;
        store.#size = size;
      }
    }
    for (const intent of unfinished.values()) {
      await store.append({ ...intent, phase: 'final', outcome: 'unknown' });
    }
    if (unfinished.size > 0) {
      logger?.warn(
        { count: unfinished.size },
        'audit: changes interrupted by a stop were recorded with outcome unknown',
      );
    }
    return store;
  }

  /** Reads the whole trail once, forwards: the index, and the intents that never got a final. */
  async #replay(): Promise<Map<string, AuditRecord>> {
    const unfinished = new Map<string, AuditRecord>();
    if (this.#size === 0) return unfinished;
    const lines = createInterface({
      input: createReadStream(this.#file, { encoding: 'utf8', end: this.#size - 1 }),
      crlfDelay: Infinity,
    });
    for await (const line of lines) {
      const record = parseRecord(line);
      if (!record) continue;
      if (record.phase === 'intent') unfinished.set(record.id, record);
      else {
        unfinished.delete(record.id);
        this.#index.add(record);
      }
    }
    return unfinished;
  }

  append(record: AuditRecord): Promise<void> {
    if (this.#closed) return Promise.reject(new AuditUnavailableError());
    return new Promise<void>((resolve, reject) => {
      this.#queue.push({ line: `${JSON.stringify(record)}\n`, record, resolve, reject });
      this.#flushing ??= this.#flush();
    });
  }

  /** Writes what is queued in one write and one fsync (group commit), until the queue is empty. */
  async #flush(): Promise<void> {
    while (this.#queue.length > 0) {
      const batch = this.#queue;
      this.#queue = [];
      const data = Buffer.from(batch.map((p) => p.line).join(''), 'utf8');
      try {
        // Never append behind half a line: the next record would glue to it and not parse.
        if (this.#torn) await this.#repair();
        let written = 0;
        while (written < data.length) {
          const { bytesWritten } = await this.#handle.write(data, written);
          written += bytesWritten;
        }
        await this.#handle.datasync();
      } catch (error) {
        this.#logger?.error({ err: error, file: this.#file }, 'audit: could not write the trail');
        for (const pending of batch) pending.reject(new AuditUnavailableError({ cause: error }));
        // Part of the batch may be in the file: cut it now (retried before the next write).
        this.#torn = true;
        await this.#repair().catch((repairError: unknown) => {
          this.#logger?.error(
            { err: repairError, file: this.#file },
            'audit: could not cut a torn line off the trail; changes wait until it can',
          );
        });
        continue;
      }
      this.#size += data.length;
      for (const pending of batch) {
        if (pending.record.phase === 'final') this.#index.add(pending.record);
        pending.resolve();
      }
    }
    this.#flushing = null;
  }

  /**
   * Truncates the file to its last whole line (#size, all acknowledged records). One at a time:
   * a truncation still running when a write starts would cut what that write adds.
   */
  #repair(): Promise<void> {
    this.#repairing ??= (async () => {
      try {
        await this.#handle.truncate(this.#size);
        await this.#handle.datasync();
        this.#torn = false;
      } finally {
        this.#repairing = null;
      }
    })();
    return this.#repairing;
  }

  async writable(): Promise<boolean> {
    if (this.#closed) return false;
    try {
      // Nobody may be writing then (readiness is probed without traffic, so it repairs too).
      if (this.#torn && this.#flushing === null) await this.#repair();
      if (this.#torn) return false;
      const space = await statfs(path.dirname(this.#file));
      return space.bavail * space.bsize >= MIN_FREE_BYTES;
    } catch {
      return false;
    }
  }

  async page(query: AuditPageQuery): Promise<AuditPageResult> {
    const entries: AuditEntry[] = [];
    let end = decodeCursor(query.cursor, this.#size);
    // Where the last entry taken starts: the next page reads below it.
    let lastStart = end;
    let carry = Buffer.alloc(0);
    // A change recorded `pending` has a later final under its id: the newest (read first) is its
    // last word, shown once (the web does the same across pages).
    const seen = new Set<string>();
    while (end > 0) {
      const start = Math.max(0, end - CHUNK);
      const chunk = Buffer.alloc(end - start);
      await this.#handle.read(chunk, 0, chunk.length, start);
      let buffer = Buffer.concat([chunk, carry]);
      // Lines are whole between newlines; the first (partial) one waits for the next chunk.
      let lineEnd = buffer.length;
      for (let i = buffer.length - 1; i >= -1; i--) {
        if (i >= 0 && buffer[i] !== 0x0a) continue;
        if (i < 0 && start > 0) break;
        const lineStart = i + 1;
        if (lineEnd > lineStart) {
          const record = parseRecord(buffer.toString('utf8', lineStart, lineEnd));
          if (record?.phase === 'final' && matchesQuery(record, query) && !seen.has(record.id)) {
            seen.add(record.id);
            if (entries.length === query.limit) {
              return { entries, nextCursor: encodeCursor(lastStart) };
            }
            entries.push(toEntry(record));
            lastStart = start + lineStart;
          }
        }
        lineEnd = i;
      }
      carry = buffer.subarray(0, Math.max(0, lineEnd));
      buffer = Buffer.alloc(0);
      end = start;
    }
    return { entries, nextCursor: null };
  }

  lastChanges(account: string, instanceId: string): Promise<ReadonlyMap<string, LastChange>> {
    return Promise.resolve(this.#index.get(account, instanceId));
  }

  async close(): Promise<void> {
    this.#closed = true;
    await this.#flushing;
    await this.#handle.close();
  }
}
