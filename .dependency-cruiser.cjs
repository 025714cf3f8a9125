// The layering the architecture promises, checked on every `npm test`:
// src/shared is pure TypeScript; the renderer reaches main only through the
// typed API in src/shared; nothing imports the renderer.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'shared-is-pure',
      comment: 'src/shared knows the domain only: no Node, Electron, database, exceljs, React or DOM code.',
      severity: 'error',
      from: { path: '^src/shared' },
      to: { pathNot: ['^src/shared', '(^|/)node_modules/zod/'] },
    },
    {
      name: 'renderer-through-api',
      comment: 'The renderer reaches the main process only through the typed API of src/shared.',
      severity: 'error',
      from: { path: '^src/renderer' },
      to: { path: ['^src/main', '^src/preload', '(^|/)node_modules/(electron|better-sqlite3|exceljs|docx)/'] },
    },
    {
      name: 'renderer-no-node',
      severity: 'error',
      from: { path: '^src/renderer' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'nobody-imports-renderer',
      severity: 'error',
      from: { pathNot: '^src/renderer' },
      to: { path: '^src/renderer' },
    },
    {
      name: 'services-without-electron',
      comment: 'Services take paths and data, never Electron objects, so the CLI and tests use the same code.',
      severity: 'error',
      from: { path: '^src/main/services' },
      to: { path: '(^|/)node_modules/electron/' },
    },
    {
      name: 'services-self-contained',
      comment: 'src/main/services are the ground floor: they import src/shared, libraries and each other, nothing else of src/main.',
      severity: 'error',
      from: { path: '^src/main/services' },
      to: { path: '^src/main', pathNot: '^src/main/services' },
    },
    {
      name: 'charts-run-anywhere',
      comment:
        'src/charts runs in Node (the exports) and in the page (the 概览): it imports src/shared and ECharts, nothing of main or the renderer, no Node module.',
      severity: 'error',
      from: { path: '^src/charts' },
      to: { pathNot: ['^src/charts', '^src/shared', 'node_modules/(echarts|zrender|tslib)/'] },
    },
    {
      name: 'report-page-on-top',
      comment:
        'The report page owns its panels and dialogs and hands them what they show: only the app imports the editor, so no renderer folder loops back through it.',
      severity: 'error',
      from: { path: '^src/renderer/src/', pathNot: ['^src/renderer/src/report/', '^src/renderer/src/App\\.tsx$'] },
      to: { path: '^src/renderer/src/report/' },
    },
    { name: 'no-circular', severity: 'error', from: {}, to: { circular: true } },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
