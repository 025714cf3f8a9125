// The native modules a package carries for its target, gathered apart from
// node_modules (which stays this machine's, for Node) into
// .cache/target-native/<os>-<arch>/, which electron-builder.yml copies to the
// package's resources/native: better-sqlite3 built for Electron and the
// target, and resvg-js with the target's binary beside it (its loader takes
// that one first). Every binary is checked to be the target's before packing.
const { Buffer } = require('node:buffer');
const { spawnSync } = require('node:child_process');
const { copyFileSync, existsSync, mkdirSync, mkdtempSync, openSync, readSync, closeSync, readdirSync, rmSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const { ensureElectronSqlite } = require('./electron-native.cjs');
const { binaryKind, targetOf, TARGETS } = require('./targets.cjs');
const native = require('../src/main/electron/packaged-native.json');

/** The first bytes of a file, enough for its executable header. */
function headOf(path) {
  const fd = openSync(path, 'r');
  try {
    const head = Buffer.alloc(4096);
    return head.subarray(0, readSync(fd, head, 0, head.length, 0));
  } finally {
    closeSync(fd);
  }
}

/** Where a target's native modules are gathered (electron-builder's `${os}-${arch}`). */
function stagingDir(root, target) {
  return join(root, '.cache/target-native', `${target.os}-${target.arch}`);
}

/** resvg's binary for the target: from node_modules where npm installed it (this machine's), else its npm package fetched as is. */
function resvgBinary(root, target, into) {
  const file = `resvgjs.${target.resvg}.node`;
  const installed = join(root, 'node_modules/@resvg', `resvg-js-${target.resvg}`, file);
  if (existsSync(installed)) return installed;
  const { version } = require(join(root, 'node_modules/@resvg/resvg-js/package.json'));
  const shell = process.platform === 'win32';
  const packed = spawnSync('npm', ['pack', `@resvg/resvg-js-${target.resvg}@${version}`, '--pack-destination', into, '--silent'], {
    cwd: into,
    encoding: 'utf8',
    shell,
  });
  const tarball = packed.status === 0 ? readdirSync(into).find((f) => f.endsWith('.tgz')) : undefined;
  if (!tarball) return null;
  // npm's tarballs hold package/<files>; tar ships with Windows 10 and every Linux.
  const unpacked = spawnSync('tar', ['-xzf', tarball, `package/${file}`], { cwd: into, shell });
  const binary = join(into, 'package', file);
  return unpacked.status === 0 && existsSync(binary) ? binary : null;
}

/**
 * Gathers the target's native modules: { ok: true, dir } or { ok: false,
 * message }, one line that says what to do (packaging stops on it).
 */
function prepareTargetNative(root, { platform, arch, electronVersion }) {
  const target = targetOf(platform, arch);
  if (!target) {
    const built = Object.values(TARGETS)
      .map((t) => t.name)
      .join('、');
    return { ok: false, message: `不为 ${platform}-${arch} 打包：本程序的安装包只有 ${built}。请在 electron-builder.yml 中只选这些目标` };
  }
  const dir = stagingDir(root, target);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, native.resvg), { recursive: true });

  const sqlite = ensureElectronSqlite(root, { platform, arch, electronVersion });
  if (!sqlite.ok) return sqlite;
  copyFileSync(sqlite.path, join(dir, native.sqlite));

  const work = mkdtempSync(join(tmpdir(), 'nianbao-resvg-'));
  try {
    const binary = resvgBinary(root, target, work);
    if (!binary)
      return {
        ok: false,
        message: `无法取得 ${target.name} 的图片模块（@resvg/resvg-js-${target.resvg}）：请联网后重试 npm run dist，或在 ${target.name} 的电脑上打包`,
      };
    const resvgJs = join(root, 'node_modules/@resvg/resvg-js');
    for (const file of ['package.json', 'index.js', 'js-binding.js']) copyFileSync(join(resvgJs, file), join(dir, native.resvg, file));
    copyFileSync(binary, join(dir, native.resvg, `resvgjs.${target.resvg}.node`));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }

  // What was gathered must be the target's: a download or a cache of the wrong kind stops here, not on the clerk's PC.
  for (const file of [join(dir, native.sqlite), join(dir, native.resvg, `resvgjs.${target.resvg}.node`)]) {
    const kind = binaryKind(headOf(file));
    if (!kind || kind.platform !== platform || kind.arch !== arch)
      return {
        ok: false,
        message: `${file} 不是 ${target.name} 的文件（${kind ? `${kind.platform}-${kind.arch}` : '不是可执行文件'}）：请删除 .cache 文件夹后重新运行 npm run dist`,
      };
  }
  return { ok: true, dir };
}

module.exports = { headOf, prepareTargetNative, stagingDir };
