// Every message the shared schemas can produce has a Russian text, and the language is remembered.
import { credentialsSchema, scheduleInputSchema, totpSchema } from '@zomro-dash/shared';
import { describe, expect, it } from 'vitest';
// The schedule form registers its schemas' messages when it loads, as in the app.
import '@/components/ui/form';
import { i18n, setLanguage, translateValidationMessage } from '@/lib/i18n';

function messagesOf(result: { success: boolean; error?: { issues: Array<{ message: string }> } }) {
  return result.error?.issues.map((issue) => issue.message) ?? [];
}

describe('validation messages', () => {
  const messages = new Set([
    ...messagesOf(scheduleInputSchema.safeParse({ name: '', days: [], time: '' })),
    ...messagesOf(
      scheduleInputSchema.safeParse({ name: 'x'.repeat(101), days: [1, 1], time: '9' }),
    ),
    ...messagesOf(scheduleInputSchema.safeParse({ name: 'a\u0007b', days: [2], time: '10:00' })),
    ...messagesOf(scheduleInputSchema.safeParse({})),
    ...messagesOf(credentialsSchema.safeParse({ username: ' ', password: '' })),
    ...messagesOf(totpSchema.safeParse({ code: '12' })),
    ...messagesOf(totpSchema.safeParse({})),
  ]);

  it('found the schemas’ messages to check', () => {
    expect(messages.size).toBeGreaterThanOrEqual(9);
  });

  it.each([...messages])('"%s" has a Russian text and stays English in English', (message) => {
    expect(translateValidationMessage(message, 'en')).toBe(message);
    const russian = translateValidationMessage(message, 'ru');
    expect(russian).not.toBe(message);
    expect(russian).toMatch(/[а-яё]/i);
  });
});

describe('setLanguage', () => {
  it('switches the language, the document language and remembers the choice', async () => {
    await setLanguage('ru');
    expect(i18n.language).toBe('ru');
    expect(document.documentElement.lang).toBe('ru');
    expect(localStorage.getItem('zomro-dash.language')).toBe('ru');
    await setLanguage('en');
    expect(localStorage.getItem('zomro-dash.language')).toBe('en');
  });
});

describe('the text files', () => {
  /** Every text's key, plural forms folded into their key (Russian has more of them). */
  async function keysOf(language: 'en' | 'ru') {
    const keys = new Set<string>();
    const walk = (texts: object, prefix: string) => {
      for (const [key, value] of Object.entries(texts)) {
        if (typeof value === 'string') keys.add(prefix + key.replace(/_(one|few|many|other)$/, ''));
        else walk(value as object, `${prefix}${key}.`);
      }
    };
    const first = (await import(`@/lib/i18n/texts-${language}.ts`)) as { texts: object[] };
    const more = (await import(`@/lib/i18n/on-demand-${language}.ts`)) as Record<string, object>;
    for (const texts of [...first.texts, ...Object.values(more)]) walk(texts, '');
    return keys;
  }

  it('have the same keys in English and Russian, on the first screen and on demand', async () => {
    const [en, ru] = await Promise.all([keysOf('en'), keysOf('ru')]);
    expect([...en].filter((key) => !ru.has(key))).toEqual([]);
    expect([...ru].filter((key) => !en.has(key))).toEqual([]);
    expect(en.size).toBeGreaterThan(300);
  });
});
