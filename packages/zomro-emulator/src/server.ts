// Starts the emulator on a TCP port, for the CLI, the BFF's embedded mode and HTTP-level tests.
import type { AddressInfo } from 'node:net';
import { buildEmulatorApp } from './app.js';
import type { EmulatorControl, EmulatorOptions } from './types.js';

export interface RunningEmulator {
  /** Base URL with a trailing slash, e.g. `http://127.0.0.1:41234/`. */
  url: string;
  control: EmulatorControl;
  close(): Promise<void>;
}

export async function startEmulator(
  options: EmulatorOptions & { port?: number; host?: string } = {},
): Promise<RunningEmulator> {
  const { port = 0, host = '127.0.0.1', ...emulatorOptions } = options;
  const { app, control } = buildEmulatorApp(emulatorOptions);
  await app.listen({ port, host });
  const address = app.server.address() as AddressInfo;
  const hostPart = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${hostPart}:${address.port}/`,
    control,
    close: () => app.close(),
  };
}
