// The first screen's path (issue 12): what the browser loads from opening the sign-in page,
// through signing in and the overview it lands on, to an instance's schedules. One list for the
// build (vite.config.ts puts these modules' static imports into one chunk), the budget check
// (scripts/check-bundle-size.mjs) and the end-to-end test that walks the path
// (e2e/first-screen.spec.ts). Paths are relative to apps/web.

/** The modules the path starts from: the entry, and the page after sign-in (loaded on demand). */
export const FIRST_PATH_ROOTS = ['src/main.tsx', 'src/app/routes/overview.tsx'];

/** The texts of one language, loaded on demand before the first render. */
export const languageTexts = (language) => `src/lib/i18n/texts-${language}.ts`;

export const LANGUAGES = ['en', 'ru'];

/**
 * Issue 12 asked for at most 100 KB (100 000 bytes) of JavaScript on the path, gzipped at level 6;
 * 102 000 since 8 Dec: issue 20's overview split and lost-server handling added 2 KB to the path
 * (decision 017's addendum says what to win back).
 */
export const FIRST_SCREEN_BUDGET_GZIP_BYTES = 102_000;
