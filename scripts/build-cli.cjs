#!/usr/bin/env node
// Bundles the `nianbao` command (src/main/cli.ts and what it imports of
// src/) into one CommonJS file, out/cli/nianbao.cjs, so the command starts
// without compiling TypeScript. Libraries stay outside the bundle and load
// from node_modules as usual (better-sqlite3 is native; the others are as
// installed). Part of `npm run build`; bin/nianbao.cjs also calls it when
// the sources are newer than the bundle.
const { existsSync, mkdirSync, readdirSync, renameSync, statSync, writeFileSync } = require('node:fs');
const { dirname, join } = require('node:path');

const root = join(__dirname, '..');
const BUNDLE = join(root, 'out', 'cli', 'nianbao.cjs');
/** The review's reading worker, bundled beside the command. */
const WORKER = join(root, 'out', 'cli', 'read-worker.cjs');
const SOURCES = ['src/main', 'src/shared'].map((d) => join(root, d));

/** The newest modification time of the files under `dir` (0 when it does not exist: an installed copy without sources). */
function newest(dir) {
  if (!existsSync(dir)) return 0;
  let time = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) time = Math.max(time, statSync(join(entry.parentPath, entry.name)).mtimeMs);
  }
  return time;
}

/** Whether the bundle is due: missing, or older than a source (never for an installed copy without sources). The command and its reading worker are built together, so the older of the two counts. */
function bundleState() {
  const built = Math.min(...[BUNDLE, WORKER].map((f) => (existsSync(f) ? statSync(f).mtimeMs : 0)));
  return { built: built > 0, stale: built === 0 || Math.max(...SOURCES.map(newest)) > built };
}

/**
 * Writes each output file beside its place and renames it there: several
 * commands started at once (a test run) may all find the bundle due, and
 * none of them must load a half-written one.
 */
async function buildCli() {
  // esbuild is a development dependency: required only when a build is due.
  const { build } = require('esbuild');
  const { outputFiles } = await build({
    // The command, and the worker thread that reads the files of a review under its own budget (beside it: src/main/review/reading.ts finds it there).
    entryPoints: { nianbao: join(root, 'src', 'main', 'cli.ts'), 'read-worker': join(root, 'src', 'main', 'review', 'read-worker.ts') },
    outdir: dirname(BUNDLE),
    outExtension: { '.js': '.cjs' },
    write: false,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: externalPackages(),
    plugins: [withoutZodLocales],
    sourcemap: true,
    logLevel: 'warning',
  });
  mkdirSync(dirname(BUNDLE), { recursive: true });
  for (const file of outputFiles) {
    const temp = `${file.path}.${process.pid}.tmp`;
    writeFileSync(temp, file.contents);
    renameSync(temp, file.path);
  }
}

/**
 * Packages the bundle leaves to node_modules: all but zod. zod is the JSON
 * reader every command needs, and its package entry loads some forty locales
 * at start-up (as long as node's own start); bundled, it loads only what the
 * schemas use.
 */
function externalPackages() {
  const pkg = require(join(root, 'package.json'));
  return Object.keys({ ...pkg.dependencies, ...pkg.devDependencies, ...pkg.optionalDependencies }).filter((name) => name !== 'zod');
}

/**
 * zod's \`z.locales\` namespace (messages in other languages) is never used:
 * every message the user sees is our own, in Chinese, and zod's default
 * English one is imported by zod apart from this namespace.
 */
const withoutZodLocales = {
  name: 'without-zod-locales',
  setup(build) {
    build.onResolve({ filter: /[\\/]locales[\\/]index\.js$/ }, (args) =>
      /[\\/]node_modules[\\/]zod[\\/]/.test(args.importer) ? { path: 'zod-locales', namespace: 'unused' } : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'unused' }, () => ({ contents: 'export {};', loader: 'js' }));
  },
};

module.exports = { BUNDLE, WORKER, buildCli, bundleState };

if (require.main === module)
  buildCli().catch((err) => {
    console.error(err && err.message ? err.message : String(err));
    process.exitCode = 1;
  });
