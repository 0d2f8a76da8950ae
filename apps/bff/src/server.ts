// Starts the BFF: configuration, the embedded Zomro emulator when ZOMRO_API_URL is unset, the
// redacting logger, listen, and a graceful shutdown on SIGINT/SIGTERM.
import {
  DEMO_ACCOUNT,
  DEMO_TOTP_ACCOUNT,
  startEmulator,
  type RunningEmulator,
} from '@zomro-dash/zomro-emulator';
import { buildApp } from './app.js';
import { ConfigError, loadConfig, type AppConfig, type ServerConfig } from './config.js';
import { createLogger } from './logger.js';
import { startBanner } from './start-banner.js';
import { StoreStartError } from './stores/redis-client.js';

/** Shutdown waits this long for requests in flight, then gives up. */
const SHUTDOWN_GRACE_MS = 10_000;

async function main(): Promise<void> {
  let serverConfig: ServerConfig;
  try {
    serverConfig = loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  const logger = createLogger(serverConfig.logLevel, undefined, serverConfig.logFile);

  let emulator: RunningEmulator | null = null;
  let config: AppConfig;
  if (serverConfig.zomroApiUrl === null) {
    emulator = await startEmulator({
      port: serverConfig.emulatorPort,
      host: '127.0.0.1',
      testControl: serverConfig.emulatorTestControl,
    });
    config = { ...serverConfig, zomroApiUrl: emulator.url, upstream: 'emulator' };
    // Demo credentials of the emulator, not secrets: printing them is the point.
    logger.info(
      { emulatorUrl: emulator.url, testControl: serverConfig.emulatorTestControl },
      'ZOMRO_API_URL is not set: using the embedded Zomro emulator',
    );
    // In team mode operators sign in from the operators file or the proxy, not as these.
    if (serverConfig.team === null) {
      logger.info(
        `demo accounts: ${DEMO_ACCOUNT.username} / ${DEMO_ACCOUNT.password}; ` +
          `${DEMO_TOTP_ACCOUNT.username} / ${DEMO_TOTP_ACCOUNT.password} with two-factor ` +
          `(TOTP secret ${DEMO_TOTP_ACCOUNT.totpSecret ?? '?'})`,
      );
    }
  } else {
    config = { ...serverConfig, zomroApiUrl: serverConfig.zomroApiUrl, upstream: 'zomro' };
    logger.info({ zomroApiUrl: config.zomroApiUrl }, 'using Zomro');
  }

  let app: Awaited<ReturnType<typeof buildApp>>;
  try {
    app = await buildApp(config, { logger });
  } catch (error) {
    if (error instanceof StoreStartError) {
      // One clear line: the operator fixes REDIS_URL or starts Redis.
      console.error(error.message);
      await emulator?.close();
      process.exit(1);
    }
    throw error;
  }
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal }, 'shutting down');
    const force = setTimeout(() => {
      app.log.error('shutdown took too long; exiting');
      process.exit(1);
    }, SHUTDOWN_GRACE_MS);
    force.unref();
    try {
      await app.close();
      await emulator?.close();
      app.log.info('stopped');
    } catch (error) {
      app.log.error({ err: error }, 'error while shutting down');
      process.exitCode = 1;
    }
  };
  // `on`, not `once`: a second signal while stopping (a process manager's, or tsx's relay, which
  // resends it when the child is slow to report it) must not kill the process mid-shutdown.
  process.on('SIGINT', (signal) => void stop(signal));
  process.on('SIGTERM', (signal) => void stop(signal));

  try {
    await app.listen({ port: config.port, host: config.host });
  } catch (error) {
    app.log.fatal({ err: error }, 'could not listen');
    await emulator?.close();
    process.exit(1);
  }
  // A plain banner for the person who typed `npm start` (stderr: stdout stays JSON lines).
  process.stderr.write(
    startBanner({
      address: app.server.address(),
      host: config.host,
      logFile: config.logFile,
      demo: emulator !== null,
      team: config.team && {
        account: config.team.username,
        operatorsFile: config.operatorsFile,
        proxyHeader: config.proxyAuth?.header ?? null,
      },
    }),
  );
}

await main();
