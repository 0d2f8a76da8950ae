// Lint for the whole workspace: typed typescript-eslint rules everywhere, React hooks and
// accessibility rules for the web app.
import { readdirSync } from 'node:fs';
import js from '@eslint/js';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// The first screen loads no zod (docs/decisions/017-first-screen.md): the web app takes the
// shared package's values from its zod-free entry, and schemas only through src/lib/schemas.ts,
// which switches zod to jitless before any schema exists (decision 042).
const ZOD_PATHS = [
  {
    name: '@zomro-dash/shared',
    allowTypeImports: true,
    message:
      "Values come from '@zomro-dash/shared/plain'; schemas from '@/lib/schemas' (on-demand screens only).",
  },
  {
    name: 'zod',
    allowTypeImports: true,
    message: "Schemas come from '@/lib/schemas', which makes zod jitless first.",
  },
];
const ZOD_EXEMPT = ['apps/web/src/lib/schemas.ts', 'apps/web/src/lib/zod-config.ts'];

/**
 * Bulletproof-react's unidirectional layers, said with ESLint's own rule (no plugin): a feature
 * never imports another feature (what two share lives in src/lib, src/components or src/hooks),
 * and the shared layers never import features or the app; only src/app composes features.
 * Each block repeats the zod paths, since a later block's options replace an earlier one's.
 */
function webImportRules() {
  const features = readdirSync(new URL('./apps/web/src/features', import.meta.url));
  const restrict = (patterns) => ({
    '@typescript-eslint/no-restricted-imports': ['error', { paths: ZOD_PATHS, patterns }],
  });
  return [
    {
      files: ['apps/web/src/**/*.{ts,tsx}'],
      ignores: ZOD_EXEMPT,
      rules: restrict([]),
    },
    ...features.map((feature) => {
      const others = features.filter((f) => f !== feature);
      return {
        files: [`apps/web/src/features/${feature}/**/*.{ts,tsx}`],
        rules: restrict([
          {
            group: others.flatMap((f) => [
              `@/features/${f}`,
              `@/features/${f}/**`,
              `../../${f}/**`,
            ]),
            message: `A feature imports no other feature: move what '${feature}' shares to src/lib, src/components or src/hooks.`,
          },
          { group: ['@/app/**'], message: 'Features never import the app; the app composes them.' },
        ]),
      };
    }),
    {
      files: ['apps/web/src/{components,hooks,lib,config}/**/*.{ts,tsx}'],
      // The dictionaries take each feature's texts: the one place the shared layer names a feature.
      ignores: [...ZOD_EXEMPT, 'apps/web/src/lib/i18n/texts-*.ts'],
      rules: restrict([
        {
          group: ['@/features/**', '@/app/**'],
          message:
            'The shared layers (components, hooks, lib, config) import no feature or app code.',
        },
      ]),
    },
  ];
}

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      '**/node_modules/**',
      '**/coverage/**',
      'test-results/**',
      'playwright-report/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: {
          allowDefaultProject: ['*.js', '*.mjs', 'scripts/*.mjs'],
        },
        tsconfigRootDir: import.meta.dirname,
      },
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/no-floating-promises': 'error',
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    files: ['apps/web/**/*.{ts,tsx}'],
    ...jsxA11y.flatConfigs.recommended,
    languageOptions: {
      ...jsxA11y.flatConfigs.recommended.languageOptions,
      globals: { ...globals.browser },
    },
  },
  {
    files: ['apps/web/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  // The web app's imports: zod stays off the first screen, and features stay apart.
  ...webImportRules(),
  {
    // The BFF's layers (issue 19, "Layering"): services and stores know nothing of HTTP or Fastify
    // plugins — services throw DomainError (a code from packages/shared), and the error handler
    // alone (src/error-mapping.ts) maps codes to statuses.
    files: ['apps/bff/src/services/**/*.ts', 'apps/bff/src/stores/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/plugins/*', '**/routes/**'],
              message:
                'Services and stores do not import plugins or routes; pass what they need in.',
            },
            {
              group: ['**/http-errors.js'],
              message: 'Services throw DomainError (services/domain-error.ts): a code, no status.',
            },
          ],
        },
      ],
    },
  },
  {
    // A route imports no other route: what routes share lives in src/routes/lib.
    files: ['apps/bff/src/routes/api/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['./*'],
              message: 'A route imports no other route; move what they share to src/routes/lib.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['scripts/**/*.mjs'],
    rules: { 'no-console': 'off' },
  },
);
