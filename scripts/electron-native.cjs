// better-sqlite3 is a native module: node_modules holds the build for Node
// (used by the CLI, `nianbao serve` and the tests) and is never rebuilt in
// place. The desktop app needs a build for Electron's ABI, and a package one
// for its target's system and CPU: each is made here, apart, into
// .cache/electron-native/<electron>-<platform>-<arch> — at `npm start` for this
// machine, at `npm run dist` for each target — never during `npm install`.
const { spawnSync } = require('node:child_process');
const { cpSync, existsSync, mkdirSync } = require('node:fs');
const { join } = require('node:path');

/**
 * The Electron build of better-sqlite3 for a target (this machine by default):
 * { ok, path } or { ok: false, message } with one line saying what to do.
 */
function ensureElectronSqlite(root, target = {}) {
  const { platform = process.platform, arch = process.arch } = target;
  const electronVersion = target.electronVersion ?? require(join(root, 'node_modules/electron/package.json')).version;
  const dir = join(root, '.cache/electron-native', `${electronVersion}-${platform}-${arch}`);
  const binding = join(dir, 'build/Release/better_sqlite3.node');
  if (existsSync(binding)) return { ok: true, path: binding };

  console.log(`正在为 Electron ${electronVersion}（${platform}-${arch}）准备 SQLite 模块（只需一次）…`);
  const source = join(root, 'node_modules/better-sqlite3');
  mkdirSync(dir, { recursive: true });
  for (const part of ['package.json', 'binding.gyp', 'src', 'deps']) cpSync(join(source, part), join(dir, part), { recursive: true });
  const opts = { cwd: dir, stdio: 'inherit', shell: process.platform === 'win32' };
  const bin = (name) => join(root, 'node_modules/.bin', name);
  // A prebuilt binary for Electron first: the only way for another system or CPU.
  const prebuilt = spawnSync(
    bin('prebuild-install'),
    ['--runtime=electron', `--target=${electronVersion}`, `--platform=${platform}`, `--arch=${arch}`],
    opts,
  );
  const native = platform === process.platform && arch === process.arch;
  // Compiling from source needs Electron's headers, and can only make this machine's build.
  if (prebuilt.status !== 0 && native) {
    spawnSync(
      bin('node-gyp'),
      [
        'rebuild',
        '--release',
        '--runtime=electron',
        `--target=${electronVersion}`,
        `--arch=${arch}`,
        '--dist-url=https://electronjs.org/headers',
      ],
      opts,
    );
  }
  if (existsSync(binding)) return { ok: true, path: binding };
  return {
    ok: false,
    message: native
      ? '无法为 Electron 准备 SQLite 模块（需要联网下载预编译文件或 Electron 头文件）。' +
        '请在能上网的电脑上运行一次 npm start，或改用浏览器模式：npm run web'
      : `无法为 ${platform}-${arch} 准备 SQLite 模块：下载不到 Electron ${electronVersion} 的预编译文件，本机（${process.platform}-${process.arch}）也不能为它编译。` +
        `请联网重试，或在 ${platform}-${arch} 的电脑上运行 npm run dist`,
  };
}

module.exports = { ensureElectronSqlite };
