#!/usr/bin/env node
// Bundles the `nianbao` command (src/main/cli.ts and what it imports of
// src/) into one CommonJS file, out/cli/nianbao.cjs, so the command starts
// without compiling TypeScript. Libraries stay outside the bundle and load
// from node_modules as usual (better-sqlite3 is native; the others are as
// installed). Part of `npm run build`; bin/nianbao.cjs also calls it when
// the sources are newer than the bundle.
const { mkdirSync, renameSync, writeFileSync } = require('node:fs');
const { dirname, join } = require('node:path');

const root = join(__dirname, '..');
const BUNDLE = join(root, 'out', 'cli', 'nianbao.cjs');

/**
 * Writes each output file beside its place and renames it there: several
 * commands started at once (a test run) may all find the bundle due, and
 * none of them must load a half-written one.
 */
function buildCli() {
  // esbuild is a development dependency: required only when a build is due.
  const { buildSync } = require('esbuild');
  const { outputFiles } = buildSync({
    entryPoints: [join(root, 'src', 'main', 'cli.ts')],
    outfile: BUNDLE,
    write: false,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    packages: 'external',
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

module.exports = { BUNDLE, buildCli };

if (require.main === module) buildCli();
