// The UI's languages (English and Russian): the choice remembered in localStorage, only the chosen
// language's texts loaded (a chunk for the first screen, another for the screens that load on
// demand, each per language), plurals by the browser's Intl.PluralRules, and the
// translation of the shared schemas' English validation messages. A small replacement for
// i18next that keeps its key format (`a.b.c`, `{{name}}`, `_one`/`_few`/`_many`/`_other`), so
// the text files did not change (docs/decisions/017-first-screen.md).
import { useMemo, useSyncExternalStore } from 'react';
import { SCHEDULE_NAME_MAX, SIGN_IN_MESSAGES } from '@zomro-dash/shared/plain';

export const LANGUAGES = ['en', 'ru'] as const;
export type Language = (typeof LANGUAGES)[number];
export const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', ru: 'Русский' };

/** A tree of texts as the text files write it; the leaves are templates. */
export interface Texts {
  [key: string]: string | Texts;
}
export type TOptions = Record<string, unknown> & {
  count?: number;
  /** i18next's context: `key_context` is preferred when the texts have it. */
  context?: string;
  /** What an unknown key shows instead of itself. */
  defaultValue?: string;
  lng?: string;
};
export type TFunction = (key: string, options?: TOptions) => string;

const STORAGE_KEY = 'zomro-dash.language';

/** Each language's texts, flattened to dotted keys; filled when the language loads. */
const dictionaries: Record<Language, Map<string, string>> = { en: new Map(), ru: new Map() };
const loaded = new Set<string>();
const loaders: Record<string, () => Promise<Texts[]>> = {
  en: () => import('./texts-en').then((m) => m.texts),
  ru: () => import('./texts-ru').then((m) => m.texts),
  'en+': () => import('./on-demand-en').then((m) => [m.onDemandEn]),
  'ru+': () => import('./on-demand-ru').then((m) => [m.onDemandRu]),
};
/** Whether a screen has asked for the on-demand texts: a language switch then loads them too. */
let moreWanted = false;

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

/** The remembered choice, else the browser's language when it is Russian, else English. */
export function initialLanguage(): Language {
  const stored = storedLanguage();
  if (stored) return stored;
  const browser = globalThis.navigator?.language ?? 'en';
  return browser.toLowerCase().startsWith('ru') ? 'ru' : 'en';
}

let language: Language = initialLanguage();
const listeners = new Set<() => void>();

function flatten(texts: Texts, prefix: string, into: Map<string, string>) {
  for (const [key, value] of Object.entries(texts)) {
    if (typeof value === 'string') into.set(prefix + key, value);
    else flatten(value, `${prefix}${key}.`, into);
  }
}

/** Adds texts to a language (a feature's own texts, loaded with its chunk). */
export function addTexts(lng: Language, texts: Texts): void {
  flatten(texts, '', dictionaries[lng]);
}

const pluralRules = new Map<string, Intl.PluralRules>();
function pluralForm(lng: string, count: number): string {
  let rules = pluralRules.get(lng);
  if (!rules) pluralRules.set(lng, (rules = new Intl.PluralRules(lng)));
  return rules.select(count);
}

function translate(lng: string, key: string, options?: TOptions): string {
  const dictionary = isLanguage(lng) ? dictionaries[lng] : dictionaries[language];
  // i18next's order: with a context first, then the plural form, then the key itself.
  const keys = options?.context ? [`${key}_${options.context}`, key] : [key];
  let template: string | undefined;
  for (const base of keys) {
    if (typeof options?.count === 'number') {
      template ??=
        dictionary.get(`${base}_${pluralForm(lng, options.count)}`) ??
        dictionary.get(`${base}_other`);
    }
    template ??= dictionary.get(base);
  }
  // Like i18next: an unknown key shows itself (or the default given), which tests notice.
  if (template === undefined) return options?.defaultValue ?? key;
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) =>
    options && name in options ? String(options[name]) : whole,
  );
}

function setDocumentLanguage(lng: Language) {
  if (typeof document !== 'undefined') document.documentElement.lang = lng;
}

async function load(lng: Language, more: boolean): Promise<void> {
  const key = more ? `${lng}+` : lng;
  if (loaded.has(key)) return;
  for (const texts of await loaders[key]!()) addTexts(lng, texts);
  loaded.add(key);
}

/** Loads a language's texts (once, all of them) without switching to it. */
export async function loadLanguage(lng: Language): Promise<void> {
  await Promise.all([load(lng, false), load(lng, true)]);
}

/**
 * Loads the current language's texts of the screens that load on demand (forms, dialogs,
 * Activity); their loaders wait for it, so that they never show a key.
 */
export function loadMoreTexts(): Promise<void> {
  moreWanted = true;
  return load(language, true);
}

/** The i18next-like handle that code outside components uses. */
export const i18n = {
  get language(): Language {
    return language;
  },
  t: ((key, options) => translate(options?.lng ?? language, key, options)) as TFunction,
  /** Whether the current language has a text for this key. */
  exists(key: string): boolean {
    return dictionaries[language].has(key);
  },
  /** A `t` for one language (its texts must have been loaded). */
  getFixedT(lng: string): TFunction {
    return (key, options) => translate(lng, key, options);
  },
  async changeLanguage(lng: string): Promise<void> {
    if (!isLanguage(lng)) return;
    await Promise.all([load(lng, false), moreWanted && load(lng, true)]);
    language = lng;
    setDocumentLanguage(lng);
    for (const listener of listeners) listener();
  },
};

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The current language's `t`; the component renders again when the language changes. */
export function useTranslation(): { t: TFunction; i18n: typeof i18n } {
  const lng = useSyncExternalStore(subscribe, () => language);
  const t = useMemo<TFunction>(() => (key, options) => translate(lng, key, options), [lng]);
  return { t, i18n };
}

/** Loads the language the UI starts in; main.tsx renders once it is there. */
export function startI18n(): Promise<void> {
  return i18n.changeLanguage(language);
}

export async function setLanguage(lng: Language): Promise<void> {
  try {
    localStorage.setItem(STORAGE_KEY, lng);
  } catch {
    // See storedLanguage().
  }
  await i18n.changeLanguage(lng);
}

// The shared rules speak English; their messages are the keys of the translations. The sign-in
// form's are here; the schedule form adds its own when it loads (addValidationMessages).
const VALIDATION_KEYS = new Map<string, string>([
  [SIGN_IN_MESSAGES.usernameRequired, 'validation.usernameRequired'],
  [SIGN_IN_MESSAGES.passwordRequired, 'validation.passwordRequired'],
  [SIGN_IN_MESSAGES.totpRequired, 'validation.totpRequired'],
  [SIGN_IN_MESSAGES.totpInvalid, 'validation.totpInvalid'],
]);

/** Names the text key of more validation messages (English message → key). */
export function addValidationMessages(entries: Iterable<[string, string]>): void {
  for (const [message, key] of entries) VALIDATION_KEYS.set(message, key);
}

/** A validation message in the current language; an unknown message is shown as it came. */
export function translateValidationMessage(message: string, lng: string = language): string {
  const key = VALIDATION_KEYS.get(message);
  if (!key) return message;
  return translate(lng, key, { max: SCHEDULE_NAME_MAX });
}
