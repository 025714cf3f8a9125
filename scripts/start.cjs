#!/usr/bin/env node
// `npm start`: builds the app and opens the desktop window. Where the Electron
// binary could not be downloaded at install time (common on office networks),
// it says so in plain words, how to get it, and offers the browser mode.
const { spawnSync, spawn } = require('node:child_process');
const { existsSync } = require('node:fs');
const { join } = require('node:path');
const { ensureElectronSqlite } = require('./electron-native.cjs');

const root = join(__dirname, '..');

function electronBinary() {
  try {
    // electron's index.js throws when its binary was never downloaded.
    const path = require('electron');
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

function explainMissingElectron() {
  console.log(`
年报编制助手的桌面外壳（Electron）没有安装成功：安装时无法下载 Electron（很多单位网络无法访问其下载地址）。

获取方法：使用国内镜像后重新安装——
  1. 在本项目文件夹的 .npmrc 文件中加一行（或运行 npm config set electron_mirror …）：
       electron_mirror=https://npmmirror.com/mirrors/electron/
     也可以设置环境变量 ELECTRON_MIRROR 为同一地址；
  2. 再运行 npm install，然后 npm start。

不装 Electron 也能使用全部功能：运行 npm run web，在浏览器（Edge、Chrome、Chromium）中打开显示的网址即可。
`);
}

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', cwd: root, shell: process.platform === 'win32', ...opts });
  return r.status === 0;
}

async function ask(question) {
  if (!process.stdin.isTTY) return false;
  const rl = require('node:readline').createInterface({ input: process.stdin, output: process.stdout });
  const answer = await new Promise((resolve) => rl.question(question, resolve));
  rl.close();
  return answer.trim() === '' || /^[yY是]/.test(answer.trim());
}

async function main() {
  const electron = electronBinary();
  if (!electron) {
    explainMissingElectron();
    if (await ask('现在以浏览器模式启动吗？[Y/n] ')) return run('npm', ['run', 'web']) ? 0 : 1;
    return 1;
  }
  if (!run('npx', ['electron-vite', 'build'])) return 1;
  const binding = ensureElectronSqlite(root);
  if (!binding.ok) {
    console.error(binding.message);
    return 1;
  }
  const child = spawn(electron, ['.'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, NIANBAO_SQLITE_BINDING: binding.path },
  });
  return new Promise((resolve) => child.on('exit', (code) => resolve(code ?? 0)));
}

main().then((code) => {
  process.exitCode = code;
});
