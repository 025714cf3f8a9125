#!/usr/bin/env node
// The `nianbao` command: runs the CLI bundle that `npm run build` writes
// (out/cli/nianbao.cjs, plain JavaScript, nothing compiled at start-up). In a
// checkout whose CLI sources are newer than the bundle, or that has no bundle
// yet (a fresh clone after npm install), the bundle is built first.
const { existsSync, readdirSync, statSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
const bundle = join(root, 'out', 'cli', 'nianbao.cjs');
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

function fail(message) {
  console.error(`nianbao: ${message}`);
  process.exit(2);
}

function ensureBundle() {
  const built = existsSync(bundle) ? statSync(bundle).mtimeMs : 0;
  if (built > 0 && Math.max(...SOURCES.map(newest)) <= built) return;
  let buildCli;
  try {
    ({ buildCli } = require('../scripts/build-cli.cjs'));
    require.resolve('esbuild');
  } catch {
    if (built > 0) return; // sources newer, but nothing to build with: the bundle there is still a whole program
    fail('命令行程序尚未构建（缺少 out/cli/nianbao.cjs）：请在程序文件夹运行 npm install，再运行 npm run build');
  }
  try {
    buildCli();
  } catch (err) {
    fail(`构建命令行程序失败：${err && err.message ? err.message.split('\n')[0] : String(err)}。请运行 npm run build 查看详情`);
  }
}

ensureBundle();
const { main } = require(bundle);
let settled = false;
main(process.argv.slice(2)).then(
  (code) => {
    settled = true;
    process.exitCode = code;
  },
  (err) => {
    settled = true;
    console.error('nianbao: 内部错误：' + (err && err.message ? err.message : String(err)));
    process.exitCode = 2;
  },
);
// Nothing left to wait for, yet the command never finished (a promise no one settles): that is a
// failure, never a silent success with nothing printed.
process.on('beforeExit', () => {
  if (settled) return;
  settled = true;
  console.error('nianbao: 内部错误：命令没有完成就停止了，没有写出任何结果。请重试；如反复出现请联系技术支持');
  process.exitCode = 2;
});
