// LOG_FILE: every line to the file, only warnings and worse to the console (npm start's banner
// stays readable); without it, every line to the one destination as before.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../src/logger.js';
import { logInto, tempDir } from './helper.js';

describe('createLogger with a log file', () => {
  it('writes every line to the file and only warnings and worse to the console', () => {
    const file = path.join(tempDir(), 'logs', 'bff.log');
    const console: string[] = [];
    const logger = createLogger('info', undefined, file, logInto(console));
    logger.info({ req: { url: '/api/instances' } }, 'request completed');
    logger.warn('Zomro is slow');
    logger.debug('not at this level');
    logger.info({ password: 'hunter2' }, 'a secret is redacted in the file too');
    const lines = readFileSync(file, 'utf8').trim().split('\n');
    expect(lines.map((line) => (JSON.parse(line) as { msg: string }).msg)).toEqual([
      'request completed',
      'Zomro is slow',
      'a secret is redacted in the file too',
    ]);
    expect(lines.join('\n')).not.toContain('hunter2');
    expect(console.map((line) => (JSON.parse(line) as { msg: string }).msg)).toEqual([
      'Zomro is slow',
    ]);
  });

  it('keeps the console as quiet as the file at a level above warn', () => {
    const file = path.join(tempDir(), 'bff.log');
    const console: string[] = [];
    const logger = createLogger('error', undefined, file, logInto(console));
    logger.warn('below the level');
    logger.error('shown');
    expect(console.map((line) => (JSON.parse(line) as { msg: string }).msg)).toEqual(['shown']);
  });

  it('without a file, writes every line at the level to the destination', () => {
    const lines: string[] = [];
    const logger = createLogger('info', logInto(lines));
    logger.info('one');
    logger.warn('two');
    expect(lines).toHaveLength(2);
  });
});
