// Every message the shared schemas can produce has a Russian text, and the language is remembered.
import { credentialsSchema, scheduleInputSchema, totpSchema } from '@zomro-dash/shared';
import { describe, expect, it } from 'vitest';
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
