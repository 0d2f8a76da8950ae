// The plain banner `npm start` prints once listening: where to point a browser, and how to sign in
// — the demo accounts of the embedded emulator in personal mode, what team mode needs in team mode
// (the demo accounts do not sign in there).
import type { AddressInfo } from 'node:net';
import { DEMO_ACCOUNT, DEMO_TOTP_ACCOUNT } from '@zomro-dash/zomro-emulator';

export interface BannerOptions {
  address: string | AddressInfo | null;
  host: string;
  /** The embedded emulator stands in for Zomro. */
  demo: boolean;
  /** Team mode: the account the server holds, and how operators sign in. */
  team: { account: string; operatorsFile: string | null; proxyHeader: string | null } | null;
  /** Where the log lines go when not to the console (LOG_FILE). */
  logFile?: string | null;
}

export function startBanner({ address, host, demo, team, logFile }: BannerOptions): string {
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  const shownHost = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
  const lines = ['', `  Backup schedules dashboard: open http://${shownHost}:${port}/`];
  if (team) {
    lines.push(
      `  Team mode: operators sign in as themselves; the server works with Zomro account ` +
        `${team.account}${demo ? ' (in the built-in emulator)' : ''}.`,
    );
    if (team.operatorsFile !== null) {
      lines.push(
        `    Operators file: ${team.operatorsFile}`,
        '    Add an operator: npm run operator:add -- <name> [--role viewer]',
      );
    }
    if (team.proxyHeader !== null) {
      lines.push(
        `    Or through the trusted proxy: it names the operator in ${team.proxyHeader} ` +
          '(viewers unless EDITOR_OPERATORS lists them)',
      );
    }
  } else if (demo) {
    lines.push(
      '  Demo (built-in Zomro emulator), sign in as:',
      `    ${DEMO_ACCOUNT.username} / ${DEMO_ACCOUNT.password}`,
      `    ${DEMO_TOTP_ACCOUNT.username} / ${DEMO_TOTP_ACCOUNT.password}  (two-factor; TOTP secret ` +
        `${DEMO_TOTP_ACCOUNT.totpSecret ?? '?'}; current code: npm run totp)`,
    );
  }
  if (logFile) {
    lines.push(`  Log: ${logFile} (the console shows warnings and errors only)`);
  }
  return `${lines.join('\n')}\n\n`;
}
