// Install and packaging settings that keep `npm install` working where
// Electron's download is unreachable, while packaging still knows its version.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { describe, expect, it } from 'vitest';
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
