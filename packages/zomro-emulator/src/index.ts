// A faithful stand-in for Zomro's BILLmanager API, with faults on demand: the app, a server
// starter, the demo accounts and an RFC 6238 code generator for two-factor tests.
export { buildEmulatorApp, DEFAULT_PAGE_SIZE, DEFAULT_SESSION_TTL_MS } from './app.js';
export { startEmulator, type RunningEmulator } from './server.js';
export { DEMO_ACCOUNT, DEMO_TOTP_ACCOUNT, demoAccountData, type DemoAccount } from './demo-data.js';
export { totpCode } from './totp.js';
export { BACKUP_MINUTES, BACKUP_FAULT_KINDS, type BackupFaultKind } from './backups.js';
export { MANUAL_PER_DAY, MANUAL_TOTAL, STAT_COST } from './backup-functions.js';
export type {
  BackupView,
  EmulatorControl,
  EmulatorOptions,
  Fault,
  FaultKind,
  InFlight,
  Latency,
  PageSizeChange,
  RecordedCall,
} from './types.js';
export { FAULT_KINDS } from './types.js';
