// Types of first-path.mjs (plain JavaScript, so that node scripts read it without a build).
export declare const FIRST_PATH_ROOTS: readonly string[];
export declare const languageTexts: (language: string) => string;
export declare const LANGUAGES: readonly string[];
export declare const FIRST_SCREEN_BUDGET_GZIP_BYTES: number;
