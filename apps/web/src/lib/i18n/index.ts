// The UI's languages (English and Russian), the choice remembered in localStorage, and the
// translation of the shared schemas' English validation messages.
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { SCHEDULE_NAME_MAX } from '@zomro-dash/shared';
import { en } from './en';
import { fleetEn } from './fleet-en';
import { fleetRu } from './fleet-ru';
import { ru } from './ru';
import { teamEn } from './team-en';
import { teamRu } from './team-ru';

export const LANGUAGES = ['en', 'ru'] as const;
export type Language = (typeof LANGUAGES)[number];
export const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', ru: 'Русский' };

const STORAGE_KEY = 'zomro-dash.language';

function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

function storedLanguage(): Language | null {
  try {
    const value = globalThis.localStorage?.getItem(STORAGE_KEY);
    return isLanguage(value) ? value : null;
  } catch {
    // Storage can be disabled (privacy settings); the UI then simply forgets the choice.
    return null;
  }
}

function initialLanguage(): Language {
  const stored = storedLanguage();
  if (stored) return stored;
  const browser = globalThis.navigator?.language ?? 'en';
  return browser.toLowerCase().startsWith('ru') ? 'ru' : 'en';
}

export const i18n = i18next.createInstance();

void i18n.use(initReactI18next).init({
  resources: {
    en: { translation: { ...en, ...teamEn, ...fleetEn } },
    ru: { translation: { ...ru, ...teamRu, ...fleetRu } },
  },
  lng: initialLanguage(),
  fallbackLng: 'en',
  supportedLngs: [...LANGUAGES],
  interpolation: { escapeValue: false },
  initAsync: false,
});

function applyDocumentLanguage(language: string) {
  if (typeof document !== 'undefined') document.documentElement.lang = language;
}
applyDocumentLanguage(i18n.language);
i18n.on('languageChanged', applyDocumentLanguage);

/** The current language, narrowed to the ones the UI has. */
export function currentLanguage(): Language {
  return isLanguage(i18n.language) ? i18n.language : 'en';
}

export async function setLanguage(language: Language): Promise<void> {
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // See storedLanguage().
  }
  await i18n.changeLanguage(language);
}

// The shared zod schemas speak English; their messages are the keys of the translations.
const VALIDATION_KEYS = new Map<string, string>([
  ['Name is required', 'validation.nameRequired'],
  [`Name must be at most ${SCHEDULE_NAME_MAX} characters`, 'validation.nameTooLong'],
  ['Name must not contain control characters', 'validation.nameControl'],
  ['Choose at least one day', 'validation.daysRequired'],
  ['Each day may appear only once', 'validation.daysDistinct'],
  ['Time is required', 'validation.timeRequired'],
  ['Time must be a valid time between 00:00 and 23:59', 'validation.timeInvalid'],
  ['Username is required', 'validation.usernameRequired'],
  ['Password is required', 'validation.passwordRequired'],
  ['Enter the 6-digit code', 'validation.totpRequired'],
  ['Enter the 6-digit code from your authenticator app', 'validation.totpInvalid'],
]);

/** A validation message in the current language; an unknown message is shown as it came. */
export function translateValidationMessage(message: string, language = i18n.language): string {
  const key = VALIDATION_KEYS.get(message);
  if (!key) return message;
  return i18n.t(key, { lng: language, max: SCHEDULE_NAME_MAX });
}
