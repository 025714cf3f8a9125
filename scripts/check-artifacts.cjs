#!/usr/bin/env node
// Checks what `npm run dist` made before anyone installs it: for each app
// folder electron-builder unpacked (win-unpacked, linux-unpacked,
// linux-arm64-unpacked…) — exactly what goes into the installer, the deb and
// the AppImage — that
//   - the target's native modules are there (resources/native: SQLite built
//     for Electron, resvg-js with the target's binary beside it);
//   - every binary, inside app.asar as well, is for the target's system and CPU;
//   - pdfjs' data (CMaps, standard fonts, wasm) is there whole, unpacked: a
//     PDF whose Chinese font is not embedded reads by it;
//   - no Electron binary rides along in the app (node_modules/electron), and
//     no native module sits packed in app.asar, where it cannot load;
//   - the app's own part stays within its size bound.
// Usage: node scripts/check-artifacts.cjs <dist folder | app folder>…  (exit 1 on a problem).
const { existsSync, readdirSync, statSync } = require('node:fs');
const { basename, join } = require('node:path');
const { binaryKind, targetOf } = require('./targets.cjs');
const { headOf } = require('./target-native.cjs');
const native = require('../src/main/electron/packaged-native.json');

/**
 * The app's own part (app.asar, its unpacked files, resources/native) may not
 * grow past this: about 270 MB today, mostly the production node_modules. An
 * Electron binary or a second copy of the modules would cross it.
 */
const RESOURCES_LIMIT_MB = 320;
const MB = 1024 * 1024;

/** pdfjs-dist's data folders the package must carry unpacked (electron-builder.yml's asarUnpack; a test keeps them equal). */
const PDFJS_DATA = ['cmaps', 'standard_fonts', 'wasm', 'iccs'];
const PDFJS_DIR = join(__dirname, '..', 'node_modules', 'pdfjs-dist');

/** What of pdfjs' data, as installed here, the package lacks: one line per folder. */
function missingPdfjsData(resources) {
  const problems = [];
  for (const folder of PDFJS_DATA) {
    const expected = readdirSync(join(PDFJS_DIR, folder));
    const packaged = join(resources, 'app.asar.unpacked', 'node_modules', 'pdfjs-dist', folder);
    const missing = expected.filter((file) => !existsSync(join(packaged, file)));
    if (missing.length > 0)
      problems.push(
        `${packaged}：缺少 pdfjs 的 ${folder} 文件 ${missing.length} 个（如 ${missing[0]}），中文字体未嵌入的 PDF 将读不出文字`,
      );
  }
  return problems;
}

/** An electron-builder app folder's target from its name: `<os>[-<arch>]-unpacked`, x64 where no arch is named. */
function targetOfFolder(name) {
  const match = /^(win|linux|mac)(?:-(x64|ia32|arm64|armv7l|universal))?-unpacked$/.exec(name);
  if (!match) return undefined;
  const platform = { win: 'win32', linux: 'linux', mac: 'darwin' }[match[1]];
  return { platform, arch: match[2] ?? 'x64' };
}

function* filesUnder(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* filesUnder(path);
    else if (entry.isFile()) yield path;
  }
}

const describe = (kind) => `${kind.platform}-${kind.arch}`;

/** The problems of one unpacked app folder for its target, each one line in Chinese. */
function checkApp(appDir, { platform, arch }) {
  const problems = [];
  const target = targetOf(platform, arch);
  if (!target) return { problems: [`${appDir}：不是本程序打包的目标（${platform}-${arch}）`], summary: appDir };
  const resources = join(appDir, 'resources');
  const wrong = (where, kind) => problems.push(`${where}：是 ${describe(kind)} 的二进制文件，不是 ${target.name}（${platform}-${arch}）的`);
  const isTargets = (kind) => kind.platform === platform && (kind.arch === arch || kind.arch === 'universal');

  // The target's own native modules, where the shell loads them from.
  const nativeDir = join(resources, native.dir);
  for (const file of [native.sqlite, join(native.resvg, `resvgjs.${target.resvg}.node`), join(native.resvg, 'index.js')]) {
    if (!existsSync(join(nativeDir, file)))
      problems.push(`${join(nativeDir, file)}：缺少，安装后${file.includes('sqlite') ? '程序无法打开资料库' : '无法导出一图读懂图片'}`);
  }

  problems.push(...missingPdfjsData(resources));

  // Every binary on disk: Electron's own files, the unpacked modules, resources/native.
  let nativeModules = 0;
  for (const file of filesUnder(appDir)) {
    const kind = binaryKind(headOf(file));
    if (!kind) continue;
    if (file.endsWith('.node')) nativeModules += 1;
    if (!isTargets(kind)) wrong(file, kind);
  }

  // Inside app.asar: no Electron, no packed native module, no foreign binary.
  const asarPath = join(resources, 'app.asar');
  let asarBytes = 0;
  if (!existsSync(asarPath)) problems.push(`${asarPath}：缺少程序文件 app.asar`);
  else {
    const asar = require('@electron/asar');
    for (const listed of asar.listPackage(asarPath, { isPack: false })) {
      const entry = listed.replace(/\\/g, '/').replace(/^\//, '');
      const stat = asar.statFile(asarPath, entry, false);
      if (!('size' in stat)) continue; // a folder or a link
      if (/^node_modules\/electron\//.test(entry)) {
        problems.push(`${asarPath}：带有 Electron 本身（${entry}），安装包无谓增大 100 MB 以上`);
        continue;
      }
      if (stat.unpacked) continue; // on disk beside the archive: checked above
      asarBytes += stat.size;
      const kind = binaryKind(asar.extractFile(asarPath, entry, false).subarray(0, 4096));
      if (entry.endsWith('.node')) problems.push(`${asarPath}/${entry}：原生模块打包在 app.asar 内，无法加载（应在 app.asar.unpacked）`);
      if (kind && !isTargets(kind)) wrong(`${asarPath}/${entry}`, kind);
    }
  }

  const onDisk = (dir) => (existsSync(dir) ? [...filesUnder(dir)].reduce((sum, f) => sum + statSync(f).size, 0) : 0);
  const appBytes = asarBytes + onDisk(join(resources, 'app.asar.unpacked')) + onDisk(nativeDir);
  if (appBytes > RESOURCES_LIMIT_MB * MB)
    problems.push(
      `${resources}：程序部分 ${Math.round(appBytes / MB)} MB，超过上限 ${RESOURCES_LIMIT_MB} MB（是否带进了 Electron 或重复的模块？）`,
    );
  return { problems, summary: `${appDir}：${target.name}，原生模块 ${nativeModules} 个，程序部分 ${Math.round(appBytes / MB)} MB` };
}

/** The app folders to check: the arguments themselves, or the unpacked folders inside a dist folder. */
function appFolders(path) {
  const own = targetOfFolder(basename(path));
  if (own) return [{ dir: path, target: own }];
  return readdirSync(path, { withFileTypes: true })
    .filter((e) => e.isDirectory() && targetOfFolder(e.name))
    .map((e) => ({ dir: join(path, e.name), target: targetOfFolder(e.name) }));
}

function main(args) {
  if (args.length === 0) {
    console.error('用法：node scripts/check-artifacts.cjs <dist 文件夹或打包后的程序文件夹>…');
    return 2;
  }
  let failed = false;
  for (const arg of args) {
    if (!existsSync(arg)) {
      console.error(`${arg}：不存在。请先运行 npm run dist`);
      failed = true;
      continue;
    }
    const apps = appFolders(arg);
    if (apps.length === 0) {
      console.error(`${arg}：没有找到打包后的程序文件夹（如 win-unpacked、linux-arm64-unpacked）`);
      failed = true;
    }
    for (const { dir, target } of apps) {
      const { problems, summary } = checkApp(dir, target);
      for (const problem of problems) console.error(problem);
      if (problems.length > 0) failed = true;
      else console.log(`${summary}：检查通过`);
    }
  }
  return failed ? 1 : 0;
}

module.exports = { PDFJS_DATA, RESOURCES_LIMIT_MB, checkApp, appFolders, targetOfFolder, main };
if (require.main === module) process.exitCode = main(process.argv.slice(2));
