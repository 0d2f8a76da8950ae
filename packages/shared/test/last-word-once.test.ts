import { describe, expect, it } from 'vitest';
import { lastWordOnce } from '../src/index.js';

describe('lastWordOnce', () => {
  it.each([
    { entries: [], expected: [] },
    { entries: [['a', 'ok']], expected: [['a', 'ok']] },
    {
      entries: [
        ['a', 'ok'],
        ['b', 'failed'],
        ['a', 'unknown'],
      ],
      expected: [
        ['a', 'ok'],
        ['b', 'failed'],
      ],
    },
  ])('keeps the newest entry of each id: $entries', ({ entries, expected }) => {
    const toEntry = ([id, outcome]: string[]) => ({ id: id!, outcome: outcome! });
    expect(lastWordOnce(entries.map(toEntry))).toEqual(expected.map(toEntry));
  });
});
