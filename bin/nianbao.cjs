#!/usr/bin/env node
// The `nianbao` command: runs the CLI bundle that `npm run build` writes
// (out/cli/nianbao.cjs, plain JavaScript, nothing compiled at start-up). In a
// checkout whose CLI sources are newer than the bundle, or that has no bundle
// yet (a fresh clone after npm install), the bundle is built first.
const { existsSync } = require('node:fs');
const { join } = require('node:path');

const bundle = join(__dirname, '..', 'out', 'cli', 'nianbao.cjs');

function fail(message) {
  console.error(`nianbao: ${message}`);
  process.exit(2);
}

async function ensureBundle() {
  let tools;
  try {
    tools = require('../scripts/build-cli.cjs');
    require.resolve('esbuild');
  } catch {
    if (existsSync(bundle)) return; // an installed copy, or nothing to build with: the bundle there is still a whole program
    fail('命令行程序尚未构建（缺少 out/cli/nianbao.cjs）：请在程序文件夹运行 npm install，再运行 npm run build');
  }
  if (!tools.bundleState().stale) return;
  try {
    await tools.buildCli();
  } catch (err) {
    fail(`构建命令行程序失败：${err && err.message ? err.message.split('\n')[0] : String(err)}。请运行 npm run build 查看详情`);
  }
}

let settled = false;
ensureBundle()
  .then(() => require(bundle).main(process.argv.slice(2)))
  .then(
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
