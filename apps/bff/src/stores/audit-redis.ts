// The audit trail in Redis, shared by every BFF process: final entries in a Stream per Zomro
// account (newest first with XREVRANGE, the entry id is the page cursor), intents in a hash until
// their outcome is written, and each schedule's last change in a hash per instance. A process
// that dies mid-change stops renewing its liveness key; any live process then closes its open
// intents as `unknown`, as the file trail does on restart. Durable with appendfsync always.
import { randomUUID } from 'node:crypto';
import { auditEntrySchema, type AuditEntry } from '@zomro-dash/shared';
import {
  matchesQuery,
  type AuditPageQuery,
  type AuditPageResult,
  type AuditRecord,
  type AuditStore,
  type LastChange,
} from './audit.js';
import type { RedisConnection } from './redis-client.js';

// KEYS: stream, open intents, last changes. ARGV: entry json, id, 'open-only' | 'any',
// last-change op ('set' | 'del' | ''), schedule id, last change json.
const FINAL = `
local closed = redis.call('HDEL', KEYS[2], ARGV[2])
if ARGV[3] == 'open-only' and closed == 0 then return 0 end
redis.call('XADD', KEYS[1], '*', 'e', ARGV[1])
if ARGV[4] == 'set' then redis.call('HSET', KEYS[3], ARGV[5], ARGV[6]) end
if ARGV[4] == 'del' then redis.call('HDEL', KEYS[3], ARGV[5]) end
return 1
`;

const LIVENESS_MS = 15_000;
const CURSOR = /^\d{1,20}-\d{1,20}$/;

export interface RedisAuditLogger {
  warn(details: object, message: string): void;
}

const b64 = (text: string) => Buffer.from(text).toString('base64url');
const toEntry = ({ phase: _phase, ...entry }: AuditRecord): AuditEntry => entry;

export class RedisAuditStore implements AuditStore {
  readonly #redis: RedisConnection;
  readonly #logger: RedisAuditLogger | undefined;
  readonly #owner = randomUUID();
  readonly #openKey: string;
  /** Intents this process wrote and has not closed: their final must claim them (one final). */
  readonly #mine = new Set<string>();
  #timer: NodeJS.Timeout | null = null;

  private constructor(redis: RedisConnection, logger?: RedisAuditLogger) {
    this.#redis = redis;
    this.#logger = logger;
    this.#openKey = redis.key('audit-open');
  }

  /** Starts this process's liveness key and closes what dead processes left open. */
  static async open(redis: RedisConnection, logger?: RedisAuditLogger): Promise<RedisAuditStore> {
    const store = new RedisAuditStore(redis, logger);
    await store.#beat();
    await store.#sweep();
    store.#timer = setInterval(() => {
      store.#beat().then(
        () => store.#sweep(),
        () => undefined,
      );
    }, LIVENESS_MS / 3);
    store.#timer.unref();
    return store;
  }

  #ownerKey(owner: string): string {
    return this.#redis.key('audit-owner', owner);
  }

  #stream(account: string): string {
    return this.#redis.key('audit', b64(account));
  }

  #lastKey(account: string, instanceId: string): string {
    return this.#redis.key('audit-last', b64(account), b64(instanceId));
  }

  async #beat(): Promise<void> {
    await this.#redis.command(['SET', this.#ownerKey(this.#owner), '1', 'PX', LIVENESS_MS]);
  }

  /** Intents of processes that stopped beating get their outcome: unknown. */
  async #sweep(): Promise<void> {
    try {
      const open = (await this.#redis.command(['HGETALL', this.#openKey])) as string[];
      for (let i = 0; i + 1 < open.length; i += 2) {
        const { owner, record } = JSON.parse(open[i + 1]!) as {
          owner: string;
          record: AuditRecord;
        };
        if (owner === this.#owner) continue;
        if ((await this.#redis.command(['EXISTS', this.#ownerKey(owner)])) === 1) continue;
        const closed = await this.#final({ ...record, phase: 'final', outcome: 'unknown' }, true);
        if (closed) {
          this.#logger?.warn(
            { id: record.id },
            'audit: a change interrupted by a stopped process was recorded with outcome unknown',
          );
        }
      }
    } catch {
      // Redis is away: the next beat tries again.
    }
  }

  async append(record: AuditRecord): Promise<void> {
    if (record.phase === 'intent') {
      const value = JSON.stringify({ owner: this.#owner, record });
      await this.#redis.command(['HSET', this.#openKey, record.id, value]);
      this.#mine.add(record.id);
      return;
    }
    // A change's final claims its open intent, as the sweep does: whichever comes first writes
    // the one final entry. A process that stalled past its liveness finds its change already
    // closed as `unknown` by another; it keeps that word (the log has what it learnt).
    const written = await this.#final(record, this.#mine.has(record.id));
    this.#mine.delete(record.id);
    if (!written) {
      this.#logger?.warn(
        { id: record.id, outcome: record.outcome },
        'audit: another process already recorded this change as unknown (this one stalled)',
      );
    }
  }

  async #final(record: AuditRecord, openOnly: boolean): Promise<boolean> {
    const entry = toEntry(record);
    let op = '';
    let change = '';
    if (entry.outcome === 'ok' && entry.instanceId !== null && entry.scheduleId !== null) {
      if (entry.action === 'schedule.delete') op = 'del';
      else if (entry.action === 'schedule.create' || entry.action === 'schedule.update') {
        op = 'set';
        change = JSON.stringify({ actor: entry.actor, at: entry.at, action: entry.action });
      }
    }
    const reply = await this.#redis.evaluate(
      FINAL,
      [
        this.#stream(entry.account),
        this.#openKey,
        this.#lastKey(entry.account, entry.instanceId ?? ''),
      ],
      [
        JSON.stringify(entry),
        entry.id,
        openOnly ? 'open-only' : 'any',
        op,
        entry.scheduleId ?? '',
        change,
      ],
    );
    return reply === 1;
  }

  async page(query: AuditPageQuery): Promise<AuditPageResult> {
    const stream = this.#stream(query.account);
    const entries: AuditEntry[] = [];
    const batch = Math.max(100, query.limit * 2);
    let end = query.cursor !== undefined && CURSOR.test(query.cursor) ? `(${query.cursor}` : '+';
    let lastTaken: string | null = null;
    // A change has one final since decision 097; a trail written before may hold two under one
    // id: the newest (the last word) is shown, once (the web does the same across pages).
    const seen = new Set<string>();
    for (;;) {
      const rows = (await this.#redis.command([
        'XREVRANGE',
        stream,
        end,
        '-',
        'COUNT',
        batch,
      ])) as Array<[string, string[]]>;
      for (const [id, fields] of rows) {
        const parsed = auditEntrySchema.safeParse(JSON.parse(fields[1] ?? 'null'));
        if (!parsed.success || !matchesQuery(parsed.data, query)) continue;
        if (seen.has(parsed.data.id)) continue;
        seen.add(parsed.data.id);
        if (entries.length === query.limit) return { entries, nextCursor: lastTaken };
        entries.push(parsed.data);
        lastTaken = id;
      }
      if (rows.length < batch) return { entries, nextCursor: null };
      end = `(${rows[rows.length - 1]![0]}`;
    }
  }

  async lastChanges(account: string, instanceId: string): Promise<ReadonlyMap<string, LastChange>> {
    const flat = (await this.#redis.command([
      'HGETALL',
      this.#lastKey(account, instanceId),
    ])) as string[];
    const changes = new Map<string, LastChange>();
    for (let i = 0; i + 1 < flat.length; i += 2) {
      changes.set(flat[i]!, JSON.parse(flat[i + 1]!) as LastChange);
    }
    return changes;
  }

  writable(): Promise<boolean> {
    return this.#redis.ping();
  }

  async close(): Promise<void> {
    if (this.#timer) clearInterval(this.#timer);
    // What this process left open (nothing, after a graceful stop) is closed by the others.
    await this.#redis.command(['DEL', this.#ownerKey(this.#owner)]).catch(() => undefined);
  }
}
