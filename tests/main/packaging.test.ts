// Install and packaging settings that keep `npm install` working where
// Electron's download is unreachable, while packaging still knows its version.
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import pkg from '../../package.json';

const builder = readFileSync('electron-builder.yml', 'utf8');

describe('install and packaging', () => {
  it('keeps Electron optional, so a failed binary download does not fail npm install', () => {
    expect(pkg.optionalDependencies.electron).toMatch(/^\d+\.\d+\.\d+$/);
    expect(Object.keys(pkg.dependencies)).not.toContain('electron');
    expect(Object.keys(pkg.devDependencies)).not.toContain('electron');
  });

  it('packages with the same Electron version that npm installs', () => {
    expect(/^electronVersion:\s*(\S+)$/m.exec(builder)?.[1]).toBe(pkg.optionalDependencies.electron);
  });

  it('never rebuilds native modules during install, and unpacks them from asar', () => {
    expect(builder).toMatch(/^npmRebuild: false$/m);
    expect(builder).toMatch(/asarUnpack:\s*\n\s*- '\*\*\/\*\.node'/);
    expect(JSON.stringify(pkg.scripts)).not.toMatch(/install-app-deps|electron-rebuild|postinstall/);
  });
});

// The fuse wire as Electron's binaries carry it: sentinel, wire version, length, one byte a fuse.
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const ENABLE = 0x31;
const DISABLE = 0x30;

describe("Electron's fuses", () => {
  // The hook is CommonJS, as electron-builder loads it.
  const hook = createRequire(__filename)('../../scripts/after-pack.cjs') as {
    default: (context: unknown) => Promise<void>;
    FUSES: Record<number, boolean>;
  };

  it('are flipped by the afterPack hook wired in electron-builder.yml', () => {
    expect(/^afterPack:\s*(\S+)$/m.exec(builder)?.[1]).toBe('scripts/after-pack.cjs');
    expect(hook.FUSES).toMatchObject({
      [FuseV1Options.RunAsNode]: false,
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
      [FuseV1Options.EnableNodeCliInspectArguments]: false,
      [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
      [FuseV1Options.OnlyLoadAppFromAsar]: true,
    });
  });

  it('are set in the packaged executable itself', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-fuses-'));
    try {
      // An executable as Electron ships it: every fuse at its default (the first four on, the rest off).
      const wire = [ENABLE, ENABLE, ENABLE, ENABLE, DISABLE, DISABLE, DISABLE, ENABLE];
      const exe = join(dir, 'nianbao');
      writeFileSync(
        exe,
        Buffer.concat([Buffer.alloc(4096, 0x90), Buffer.from(SENTINEL), Buffer.from([1, wire.length, ...wire]), Buffer.alloc(4096, 0x90)]),
      );
      await hook.default({
        appOutDir: dir,
        electronPlatformName: 'linux',
        packager: { executableName: 'nianbao', appInfo: { productFilename: '年报编制助手' } },
      });
      const fuses = await getCurrentFuseWire(exe);
      expect(fuses[FuseV1Options.RunAsNode]).toBe(DISABLE);
      expect(fuses[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(DISABLE);
      expect(fuses[FuseV1Options.EnableNodeCliInspectArguments]).toBe(DISABLE);
      expect(fuses[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(ENABLE);
      expect(fuses[FuseV1Options.OnlyLoadAppFromAsar]).toBe(ENABLE);
      // What the hook does not name keeps Electron's default.
      expect(fuses[FuseV1Options.EnableCookieEncryption]).toBe(ENABLE);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

// ——— Each target's package carries its own native modules, and the artifact check proves it ———

interface Target {
  platform: string;
  arch: string;
  os: string;
  resvg: string;
  name: string;
}
interface Checked {
  problems: string[];
  summary: string;
}
const load = createRequire(__filename);
const targets = load('../../scripts/targets.cjs') as {
  TARGETS: Record<string, Omit<Target, 'platform' | 'arch' | 'os'>>;
  OS_OF: Record<string, string>;
  targetOf: (platform: string, arch: string) => Target | null;
  binaryKind: (head: Buffer) => { platform: string; arch: string } | null;
};
const checker = load('../../scripts/check-artifacts.cjs') as {
  RESOURCES_LIMIT_MB: number;
  PDFJS_DATA: string[];
  checkApp: (dir: string, target: { platform: string; arch: string }) => Checked;
  targetOfFolder: (name: string) => { platform: string; arch: string } | undefined;
  main: (args: string[]) => number;
};
const staging = load('../../scripts/target-native.cjs') as {
  stagingDir: (root: string, target: Target) => string;
  prepareTargetNative: (root: string, t: { platform: string; arch: string; electronVersion: string }) => { ok: boolean; message?: string };
};
const asar = load('@electron/asar') as {
  createPackageWithOptions: (src: string, dest: string, options: { unpack?: string }) => Promise<unknown>;
};
const native = load('../../src/main/electron/packaged-native.json') as { dir: string; sqlite: string; resvg: string };
const config = (load('js-yaml') as { load: (text: string) => unknown }).load(builder) as {
  files: (string | object)[];
  asarUnpack: string[];
  extraResources: { from: string; to: string }[];
  win: { target: { target: string; arch: string[] }[] };
  linux: { target: { target: string; arch: string[] }[] };
};

describe('the targets packaging builds', () => {
  it('are exactly those electron-builder.yml names, each with what npm installs only for its own machine', () => {
    const configured = new Set<string>();
    for (const [platform, section] of [
      ['win32', config.win],
      ['linux', config.linux],
    ] as const)
      for (const t of section.target) for (const arch of t.arch) configured.add(`${platform}-${arch}`);
    expect([...configured].sort()).toEqual(Object.keys(targets.TARGETS).sort());
    // resvg's platform packages as resvg-js names them.
    const optional = Object.keys(
      (load('@resvg/resvg-js/package.json') as { optionalDependencies: Record<string, string> }).optionalDependencies,
    );
    for (const t of Object.values(targets.TARGETS)) expect(optional).toContain(`@resvg/resvg-js-${t.resvg}`);
  });

  it('copy the folder the beforePack hook fills into resources/native, and leave the build machine binaries out', () => {
    const [resources] = config.extraResources;
    expect(resources?.to).toBe(native.dir);
    const linuxArm = targets.targetOf('linux', 'arm64')!;
    // electron-builder's macros: ${os} is its platform key, ${arch} the target's arch.
    const expanded = resources!.from.replace('${os}', linuxArm.os).replace('${arch}', linuxArm.arch);
    expect(join(process.cwd(), expanded)).toBe(staging.stagingDir(process.cwd(), linuxArm));
    for (const excluded of ['!node_modules/electron/**', '!node_modules/@resvg/resvg-js-*/**']) expect(config.files).toContain(excluded);
    expect(config.files.some((f) => typeof f === 'string' && f.startsWith('!node_modules/better-sqlite3/') && f.includes('build'))).toBe(
      true,
    );
    // pdfjs' data stays plain files, the very folders the check looks for.
    expect(config.asarUnpack).toContain(`node_modules/pdfjs-dist/{${checker.PDFJS_DATA.join(',')}}/**`);
    // The check runs on what was built, every time.
    expect(pkg.scripts.dist).toMatch(/electron-builder && node scripts\/check-artifacts\.cjs dist$/);
  });

  it('refuse a target they are not built for with one line, touching nothing', () => {
    for (const [platform, arch] of [
      ['darwin', 'arm64'],
      ['win32', 'ia32'],
      ['linux', 'riscv64'],
    ] as const) {
      const refused = staging.prepareTargetNative(process.cwd(), { platform, arch, electronVersion: pkg.optionalDependencies.electron });
      expect(refused.ok).toBe(false);
      expect(refused.message).toMatch(new RegExp(`^不为 ${platform}-${arch} 打包：本程序的安装包只有 Windows x64、Linux x64`));
      expect(refused.message).not.toContain('\n');
    }
  });
});

describe('binaries are told apart by their headers', () => {
  it("knows this machine's own, and fabricated foreign ones", () => {
    const own = readFileSync('node_modules/better-sqlite3/build/Release/better_sqlite3.node').subarray(0, 4096);
    expect(targets.binaryKind(own)).toEqual({ platform: process.platform, arch: process.arch });
    expect(targets.binaryKind(peHeader(0x8664))).toEqual({ platform: 'win32', arch: 'x64' });
    expect(targets.binaryKind(peHeader(0xaa64))).toEqual({ platform: 'win32', arch: 'arm64' });
    expect(targets.binaryKind(elfHeader(0xb7))).toEqual({ platform: 'linux', arch: 'arm64' });
    expect(targets.binaryKind(elfHeader(0x3e))).toEqual({ platform: 'linux', arch: 'x64' });
    expect(targets.binaryKind(Buffer.from('MZ is also how this sentence starts, and it is text'))).toBeNull();
    expect(targets.binaryKind(readFileSync('package.json'))).toBeNull();
  });
});

/** A Windows PE header for a CPU (IMAGE_FILE_MACHINE_*), as a DLL or .node starts. */
function peHeader(machine: number): Buffer {
  const head = Buffer.alloc(512);
  head.write('MZ', 0, 'latin1');
  head.writeUInt32LE(0x80, 0x3c);
  head.write('PE\0\0', 0x80, 'latin1');
  head.writeUInt16LE(machine, 0x84);
  return head;
}

/** A 64-bit little-endian ELF header for a CPU (e_machine). */
function elfHeader(machine: number): Buffer {
  const head = Buffer.alloc(64);
  Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1]).copy(head);
  head.writeUInt16LE(3, 16); // ET_DYN: a shared object, as .node files are
  head.writeUInt16LE(machine, 18);
  return head;
}

describe('the artifact check', () => {
  const here = targets.targetOf(process.platform, process.arch);
  // This machine's real binaries: better-sqlite3 as npm built it, resvg's as npm installed it.
  const sqliteNode = 'node_modules/better-sqlite3/build/Release/better_sqlite3.node';
  const smallNode = 'node_modules/better-sqlite3/build/Release/test_extension.node';
  let dist: string;

  /** An unpacked app as electron-builder leaves it for this machine's target, made of real files. */
  async function unpackedApp(name: string, extra: (appSource: string, resources: string) => void = () => undefined): Promise<string> {
    const app = join(dist, name);
    const resources = join(app, 'resources');
    const source = join(dist, `${name}-source`);
    mkdirSync(join(source, 'out/main'), { recursive: true });
    writeFileSync(join(source, 'package.json'), JSON.stringify({ name: 'nianbao', main: 'out/main/index.js' }));
    writeFileSync(join(source, 'out/main/index.js'), '"use strict";\n');
    mkdirSync(join(source, 'node_modules/better-sqlite3/lib'), { recursive: true });
    writeFileSync(join(source, 'node_modules/better-sqlite3/lib/index.js'), 'module.exports = {};\n');
    mkdirSync(join(source, 'node_modules/some-addon/build/Release'), { recursive: true });
    copyFileSync(smallNode, join(source, 'node_modules/some-addon/build/Release/addon.node'));
    mkdirSync(join(resources, native.dir, native.resvg), { recursive: true });
    // pdfjs' data, unpacked beside the archive as asarUnpack leaves it.
    for (const folder of checker.PDFJS_DATA)
      cpSync(join('node_modules/pdfjs-dist', folder), join(resources, 'app.asar.unpacked/node_modules/pdfjs-dist', folder), {
        recursive: true,
      });
    extra(source, resources);
    await asar.createPackageWithOptions(source, join(resources, 'app.asar'), { unpack: '*.node' });
    // The Electron executable itself: any real binary of this machine stands in for it.
    copyFileSync(smallNode, join(app, process.platform === 'win32' ? 'nianbao.exe' : 'nianbao'));
    copyFileSync(sqliteNode, join(resources, native.dir, native.sqlite));
    const resvgDir = join(resources, native.dir, native.resvg);
    writeFileSync(join(resvgDir, 'index.js'), 'module.exports = require("./js-binding.js");\n');
    const resvgPackage = dirname(load.resolve(`@resvg/resvg-js-${here!.resvg}/package.json`));
    copyFileSync(join(resvgPackage, `resvgjs.${here!.resvg}.node`), join(resvgDir, `resvgjs.${here!.resvg}.node`));
    return app;
  }
  const folderName = (arch = process.arch) => `${targets.OS_OF[process.platform]}${arch === 'x64' ? '' : `-${arch}`}-unpacked`;

  beforeEach(() => {
    dist = mkdtempSync(join(tmpdir(), 'nianbao-dist-'));
  });
  afterEach(() => rmSync(dist, { recursive: true, force: true }));

  it('names each unpacked folder as electron-builder does', () => {
    expect(checker.targetOfFolder('win-unpacked')).toEqual({ platform: 'win32', arch: 'x64' });
    expect(checker.targetOfFolder('linux-unpacked')).toEqual({ platform: 'linux', arch: 'x64' });
    expect(checker.targetOfFolder('linux-arm64-unpacked')).toEqual({ platform: 'linux', arch: 'arm64' });
    expect(checker.targetOfFolder('nianbao-setup-0.1.0-x64.exe')).toBeUndefined();
  });

  it("passes a package of this machine's target that carries its own modules", async () => {
    expect(here, `${process.platform}-${process.arch} 不是打包目标：本测试需在 Windows x64 或 Linux x64/arm64 上运行`).not.toBeNull();
    const app = await unpackedApp(folderName());
    const checked = checker.checkApp(app, { platform: process.platform, arch: process.arch });
    expect(checked.problems).toEqual([]);
    expect(checked.summary).toMatch(/原生模块 3 个/);
    // Run as `npm run dist` runs it, over the dist folder.
    expect(checker.main([dist])).toBe(0);
  });

  it('finds foreign binaries on disk and in app.asar, and names each file and its system', async () => {
    const app = await unpackedApp(folderName(), (source) => {
      writeFileSync(join(source, 'node_modules/some-addon/build/Release/windows.node'), peHeader(0x8664));
      writeFileSync(join(source, 'node_modules/some-addon/libhelper.so'), elfHeader(0xb7));
    });
    writeFileSync(join(app, 'resources', native.dir, 'extra.node'), elfHeader(0xb7));
    const { problems } = checker.checkApp(app, { platform: process.platform, arch: process.arch });
    const foreign = (file: string, kind: string) => problems.filter((p) => p.includes(file) && p.includes(`是 ${kind} 的二进制文件`));
    expect(foreign('windows.node', 'win32-x64')).toHaveLength(1);
    expect(foreign('libhelper.so', 'linux-arm64')).toHaveLength(1);
    expect(foreign('extra.node', 'linux-arm64')).toHaveLength(1);
    expect(problems).toHaveLength(3);
  });

  it('refuses this machine’s build labelled as another CPU: every binary is named', async () => {
    const other = process.arch === 'x64' ? 'arm64' : 'x64';
    const app = await unpackedApp(folderName(other));
    const { problems } = checker.checkApp(app, checker.targetOfFolder(folderName(other))!);
    // The executable, the unpacked addon, SQLite, resvg's binary; and the binary under the other CPU's name is missing.
    expect(problems.filter((p) => p.includes(`是 ${process.platform}-${process.arch} 的二进制文件`))).toHaveLength(4);
    expect(
      problems.some((p) => p.includes(`resvgjs.${targets.targetOf(process.platform, other)?.resvg ?? ''}.node`) && p.includes('缺少')),
    ).toBe(true);
    expect(checker.main([dist])).toBe(1);
  });

  it('finds Electron inside the app, a native module packed where it cannot load, a missing module or CMap, and a package over its size', async () => {
    const app = await unpackedApp(folderName(), (source, resources) => {
      mkdirSync(join(source, 'node_modules/electron/dist'), { recursive: true });
      copyFileSync(smallNode, join(source, 'node_modules/electron/dist/electron'));
      writeFileSync(join(source, 'node_modules/electron/package.json'), '{"name":"electron"}');
      // A huge file, sparse on disk: the bound is on what the package would weigh.
      mkdirSync(join(resources, 'app.asar.unpacked', 'big'), { recursive: true });
      const big = join(resources, 'app.asar.unpacked', 'big', 'data.bin');
      writeFileSync(big, '');
      truncateSync(big, (checker.RESOURCES_LIMIT_MB + 1) * 1024 * 1024);
    });
    rmSync(join(app, 'resources', native.dir, native.sqlite));
    rmSync(join(app, 'resources/app.asar.unpacked/node_modules/pdfjs-dist/cmaps/UniGB-UCS2-H.bcmap'));
    // A native module packed inside the archive: made apart, without unpacking.
    const packedSource = join(dist, 'packed-source');
    mkdirSync(packedSource);
    copyFileSync(smallNode, join(packedSource, 'inside.node'));
    const second = join(dist, folderName('x64').replace('-unpacked', '-packed'));
    await asar.createPackageWithOptions(packedSource, join(second, 'app.asar'), {});
    const { problems } = checker.checkApp(app, { platform: process.platform, arch: process.arch });
    expect(problems.some((p) => p.includes('带有 Electron 本身') && p.includes('node_modules/electron/'))).toBe(true);
    expect(problems.some((p) => p.includes(native.sqlite) && p.includes('缺少') && p.includes('无法打开资料库'))).toBe(true);
    expect(problems.some((p) => p.includes('缺少 pdfjs 的 cmaps 文件 1 个（如 UniGB-UCS2-H.bcmap）'))).toBe(true);
    expect(problems.some((p) => p.includes(`超过上限 ${checker.RESOURCES_LIMIT_MB} MB`))).toBe(true);
    // The packed module: checked as an app whose archive holds it.
    mkdirSync(join(second, 'resources'));
    copyFileSync(join(second, 'app.asar'), join(second, 'resources', 'app.asar'));
    const packed = checker.checkApp(second, { platform: process.platform, arch: process.arch }).problems;
    expect(packed.some((p) => p.includes('inside.node') && p.includes('无法加载'))).toBe(true);
  });

  it('says so when there is nothing to check', () => {
    expect(checker.main([join(dist, 'missing')])).toBe(1);
    expect(checker.main([dist])).toBe(1);
  });
});
