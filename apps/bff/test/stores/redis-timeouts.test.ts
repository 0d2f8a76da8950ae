// A Redis that stops answering without closing its connections (a partition, a frozen server)
// makes requests answer 503 STORE_UNAVAILABLE instead of hanging, and a change whose lock cannot
// be renewed fails instead of running on without it (issue 19 item 8).
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { LockLostError } from '../../src/stores/locks.js';
import { RedisInstanceLocks } from '../../src/stores/locks-redis.js';
import { RedisConnection, StoreUnavailableError } from '../../src/stores/redis-client.js';
import { buildCluster, type Cluster } from '../cluster-helper.js';
import { signIn } from '../helper.js';
import { startRedis, type TestRedis } from '../redis-server.js';

let redis: TestRedis;
beforeAll(async () => {
  redis = await startRedis();
});
afterAll(async () => {
  await redis.stop();
});

let cluster: Cluster | undefined;
afterEach(async () => {
  redis.resume();
  await cluster?.close();
  cluster = undefined;
});

describe('a frozen Redis', () => {
  it('a command fails with StoreUnavailableError after the command time-out', async () => {
    const connection = await RedisConnection.connect(redis.url, { commandTimeoutMs: 200 });
    try {
      redis.pause();
      await expect(connection.command(['PING'])).rejects.toBeInstanceOf(StoreUnavailableError);
      expect(await connection.ping()).toBe(false);
      redis.resume();
    } finally {
      redis.resume();
      await connection.close();
    }
  });

  it('a signed-in request answers 503 STORE_UNAVAILABLE, not never', async () => {
    cluster = await buildCluster(redis, {
      configure: () => ({
        redis: { url: redis.url, keyPrefix: 'timeouts:', commandTimeoutMs: 200 },
      }),
    });
    const account = cluster.emulator.control.createAccount();
    const cookie = await signIn(cluster.a, account);
    redis.pause();
    const response = await cluster.a.inject({
      method: 'GET',
      url: '/api/instances',
      headers: { cookie },
    });
    expect(response.statusCode).toBe(503);
    expect(response.json()).toMatchObject({ code: 'STORE_UNAVAILABLE' });
    redis.resume();
    const again = await cluster.a.inject({
      method: 'GET',
      url: '/api/instances',
      headers: { cookie },
    });
    expect(again.statusCode).toBe(200);
  });
});

describe('a lock whose renewal fails', () => {
  it('fails the change with LockLostError instead of letting it run on', async () => {
    const connection = await RedisConnection.connect(redis.url, {
      prefix: 'lock-lost:',
      commandTimeoutMs: 200,
    });
    // A short TTL so that renewals come soon; the task ends only after one has failed.
    const locks = new RedisInstanceLocks(connection, { ttlMs: 60 });
    let renewalFailed!: () => void;
    const failed = new Promise<void>((resolve) => (renewalFailed = resolve));
    const evaluate = connection.evaluate.bind(connection);
    let held = false;
    connection.evaluate = (script, keys, args) => {
      if (held && script.includes('PEXPIRE')) {
        // After the failure has been handled (a macrotask later), the task may end.
        setImmediate(renewalFailed);
        return Promise.reject(new StoreUnavailableError());
      }
      return evaluate(script, keys, args);
    };
    try {
      const outcome = locks.run('instance-1', async () => {
        held = true;
        await failed;
        return 'done';
      });
      await expect(outcome).rejects.toBeInstanceOf(LockLostError);
    } finally {
      await connection.close();
    }
  });
});
