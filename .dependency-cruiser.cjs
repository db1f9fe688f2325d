/**
 * The layering the code already keeps, made a rule the build checks (`npm run lint:layers`, part of
 * `npm test`). Dependencies point one way: domain ← event-store ← read-models ← application ← platform
 * ← apps; config stands alone. Apps and the benchmark use a library only through its entry point (`@actiemonitor/<lib>`).
 */
const LIBRARY = '^(libs/[^/]+|config)/src/';

module.exports = {
  forbidden: [
    {
      name: 'domain-stands-alone',
      comment: 'The domain is plain TypeScript: no other workspace library, no framework, no I/O.',
      severity: 'error',
      from: { path: '^libs/domain/src' },
      to: { path: ['^libs/(?!domain/)', '^apps/', '^config/', '@nestjs', 'better-sqlite3', '^pg$', 'kurrentdb'] },
    },
    {
      name: 'event-store-depends-on-no-library',
      comment: 'The event store knows events as data, not the domain that gives them meaning.',
      severity: 'error',
      from: { path: '^libs/event-store/src' },
      to: { path: ['^libs/(?!event-store/)', '^apps/', '^config/'] },
    },
    {
      name: 'read-models-below-application',
      severity: 'error',
      from: { path: '^libs/read-models/src' },
      to: { path: ['^libs/(application|platform)/', '^apps/', '^config/'] },
    },
    {
      name: 'application-below-platform-and-apps',
      severity: 'error',
      from: { path: '^libs/application/src' },
      to: { path: ['^libs/platform/', '^apps/'] },
    },
    {
      name: 'config-stands-alone',
      severity: 'error',
      from: { path: '^config/src' },
      to: { path: ['^libs/', '^apps/'] },
    },
    {
      name: 'libraries-never-import-apps',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
    {
      name: 'apps-use-library-entry-points',
      comment: "An app imports `@actiemonitor/<lib>`, never a file inside a library's src.",
      severity: 'error',
      from: { path: '^apps/' },
      to: { path: LIBRARY, pathNot: `${LIBRARY}index\\.ts$` },
    },
    {
      name: 'bench-uses-library-entry-points',
      comment: "The benchmark imports `@actiemonitor/<lib>`, never a file inside a library's src (add a named export instead).",
      severity: 'error',
      from: { path: '^bench/' },
      to: { path: LIBRARY, pathNot: `${LIBRARY}index\\.ts$` },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['^dist/', '^bench/\\.cache/', 'node_modules'] },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
