// `npm run emulator`: serves the emulator on 127.0.0.1:8090 (EMULATOR_PORT, EMULATOR_HOST) and
// prints the demo accounts; `--test-control` or EMULATOR_TEST_CONTROL=true enables /__emulator.
import { DEMO_ACCOUNT, DEMO_TOTP_ACCOUNT } from './demo-data.js';
import { startEmulator } from './server.js';

const port = Number(process.env.EMULATOR_PORT ?? 8090);
const host = process.env.EMULATOR_HOST ?? '127.0.0.1';
const testControl =
  process.argv.includes('--test-control') || process.env.EMULATOR_TEST_CONTROL === 'true';

if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`EMULATOR_PORT must be a port number, not "${process.env.EMULATOR_PORT}"`);
  process.exit(1);
}

const emulator = await startEmulator({ port, host, testControl });
// The emulator's output is its user interface: the URL and the demo credentials to sign in with.
const lines = [
  `Zomro emulator listening on ${emulator.url}`,
  `  account ${DEMO_ACCOUNT.username} / ${DEMO_ACCOUNT.password}`,
  `  account ${DEMO_TOTP_ACCOUNT.username} / ${DEMO_TOTP_ACCOUNT.password} (two-factor, TOTP secret ${DEMO_TOTP_ACCOUNT.totpSecret})`,
  testControl ? `  test control on: ${emulator.url}__emulator/` : '  test control off',
];
process.stdout.write(`${lines.join('\n')}\n`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void emulator.close().then(() => process.exit(0));
  });
}
