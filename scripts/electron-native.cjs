// better-sqlite3 is a native module: node_modules holds the build for Node
// (used by the CLI, `nianbao serve` and the tests). The desktop app needs a
// build for Electron's ABI. It is made here, at start time, into .cache —
// never during `npm install` — and handed to the app by path.
const { spawnSync } = require('node:child_process');
const { cpSync, existsSync, mkdirSync } = require('node:fs');
const { join } = require('node:path');

function ensureElectronSqlite(root) {
  const electronVersion = require(join(root, 'node_modules/electron/package.json')).version;
  const target = join(root, '.cache/electron-native', `${electronVersion}-${process.platform}-${process.arch}`);
  const binding = join(target, 'build/Release/better_sqlite3.node');
  if (existsSync(binding)) return { ok: true, path: binding };

  console.log(`正在为 Electron ${electronVersion} 准备 SQLite 模块（只需一次）…`);
  const source = join(root, 'node_modules/better-sqlite3');
  mkdirSync(target, { recursive: true });
  for (const part of ['package.json', 'binding.gyp', 'src', 'deps']) cpSync(join(source, part), join(target, part), { recursive: true });
  const opts = { cwd: target, stdio: 'inherit', shell: process.platform === 'win32' };
  const bin = (name) => join(root, 'node_modules/.bin', name);
  // A prebuilt binary for Electron first; compiling from source needs Electron's headers.
  const prebuilt = spawnSync(
    bin('prebuild-install'),
    ['--runtime=electron', `--target=${electronVersion}`, `--arch=${process.arch}`],
    opts,
  );
  if (prebuilt.status !== 0) {
    spawnSync(
      bin('node-gyp'),
      ['rebuild', '--release', '--runtime=electron', `--target=${electronVersion}`, '--dist-url=https://electronjs.org/headers'],
      opts,
    );
  }
  if (existsSync(binding)) return { ok: true, path: binding };
  return {
    ok: false,
    message:
      '无法为 Electron 准备 SQLite 模块（需要联网下载预编译文件或 Electron 头文件）。' +
      '请在能上网的电脑上运行一次 npm start，或改用浏览器模式：npm run web',
  };
}

module.exports = { ensureElectronSqlite };
