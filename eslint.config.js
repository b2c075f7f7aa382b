import js from '@eslint/js'
import astro from 'eslint-plugin-astro'
import globals from 'globals'
import tseslint from 'typescript-eslint'

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'data/',
      'backups/',
      'dist/',
      'cms/.next/',
      'cms/payload-types.ts',
      'cms/migrations/',
      'cms/app/(payload)/admin/importMap.js',
      'cms/next-env.d.ts',
      '.astro/',
      'bench/.cache/',
      'tmp/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  // .astro files: the frontmatter and template, and (as virtual *.astro/*.ts files) the <script> parts
  // that run in the browser, parsed with the TypeScript parser.
  ...astro.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  { files: ['**/*.d.ts'], rules: { '@typescript-eslint/triple-slash-reference': 'off' } },
  {
    // The layer rule for .astro files, which dependency-cruiser cannot parse (.dependency-cruiser.cjs
    // holds the same rule for .ts): pages, components and layouts import only site/ and vocabulary/.
    files: ['site/**/*.astro'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/cms/**', '**/content/**', '**/scripts/**', '**/bench/**', '**/tests/**'],
              message:
                'Pages, components and layouts import only site/ and vocabulary/ (README: Architecture).',
            },
          ],
        },
      ],
    },
  },
)
