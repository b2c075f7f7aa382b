/**
 * Import rules between the layers (README: Architecture). `npm run lint` runs
 * `depcruise cms site content vocabulary scripts bench tests` with this file; a rule broken is an error.
 * `.astro` files are checked by eslint's no-restricted-imports (eslint.config.js): dependency-cruiser
 * cannot parse them.
 *   vocabulary ← content ← cms ← site (loader/build) ← pages, components, browser scripts
 *   scripts/ and bench/ on top; tests/ may import anything.
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      severity: 'error',
      comment: 'No module may import itself through others: cycles hide which layer owns what.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'vocabulary-is-pure',
      severity: 'error',
      comment:
        'vocabulary/ runs in the CMS, the build and the browser: no Node, no packages, no other layer.',
      from: { path: '^vocabulary/' },
      to: { pathNot: '^vocabulary/' },
    },
    {
      name: 'content-imports-only-vocabulary',
      severity: 'error',
      comment: 'Seed content is data: it may use the vocabulary, nothing of the CMS, the site or the tools.',
      from: { path: '^content/' },
      to: { path: '^(cms|site|scripts|bench|tests)/' },
    },
    {
      name: 'cms-is-below-site-and-tools',
      severity: 'error',
      comment: 'The CMS never depends on the site, the scripts, the benchmark or the tests.',
      from: { path: '^cms/' },
      to: { path: '^(site|scripts|bench|tests)/' },
    },
    {
      name: 'only-through-the-cms-entry',
      severity: 'error',
      comment:
        'Outside cms/ (tests aside), the CMS is reached through cms/index.ts only, or cms/tools.ts (paths and running a tool, no Payload) for processes that never open the CMS.',
      from: { path: '^(site|scripts|bench|content|vocabulary)/' },
      to: { path: '^cms/', pathNot: '^cms/(index|tools)\\.ts$' },
    },
    {
      name: 'site-is-below-tools',
      severity: 'error',
      comment: 'The site does not depend on the scripts, the benchmark or the tests.',
      from: { path: '^site/' },
      to: { path: '^(scripts|bench|tests)/' },
    },
    {
      name: 'site-views-use-site-and-vocabulary',
      severity: 'error',
      comment: 'Pages, components, layouts and browser scripts import only site/ and the vocabulary.',
      from: { path: '^site/(pages|components|layouts|scripts)/' },
      to: { path: '^(cms|content|scripts|bench|tests)/' },
    },
    {
      name: 'tools-reach-the-site-through-its-entry',
      severity: 'error',
      comment:
        'scripts/ and bench/ import site/index.ts only; astro.config.mjs is the one place that loads the build.',
      from: { path: '^(scripts|bench)/' },
      to: { path: '^site/', pathNot: '^site/index\\.ts$' },
    },
    {
      name: 'bench-never-imports-tests',
      severity: 'error',
      comment: 'Move what both need to a place both may use (scripts/lib, bench/).',
      from: { path: '^bench/' },
      to: { path: '^tests/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(node_modules|\\.next|dist|tmp|data)/|cms/payload-types\\.ts$|cms/migrations/' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
    },
  },
}
