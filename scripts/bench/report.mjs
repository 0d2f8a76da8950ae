// What the benchmark writes: the machine it ran on, and its tables in docs/benchmarks.md.
import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { runCollected } from '../lib.mjs';

/** The date, Node, the CPUs, the memory and the kernel. */
export function machineLine() {
  const cpus = os.cpus();
  return (
    `${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${cpus.length} × ` +
    `${cpus[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ` +
    `${os.platform()} ${os.release()}`
  );
}

/** Replaces what stands between `<!-- NAME:BEGIN -->` and `<!-- NAME:END -->` in the file. */
export async function writeSection(name, text) {
  const file = 'docs/benchmarks.md';
  const begin = `<!-- ${name}:BEGIN -->`;
  const end = `<!-- ${name}:END -->`;
  const current = readFileSync(file, 'utf8');
  const at = current.indexOf(begin);
  const until = current.indexOf(end);
  if (at === -1 || until === -1) throw new Error(`${file} has no ${begin} … ${end} markers`);
  writeFileSync(file, `${current.slice(0, at + begin.length)}\n${text}${current.slice(until)}`);
  // Aligned as prettier aligns tables, so that `prettier --check` passes after a run.
  await runCollected('corepack', ['pnpm', 'exec', 'prettier', '--write', file]);
  console.log(`written to ${file} (${name})`);
}
