// Install and packaging settings that keep `npm install` working where
// Electron's download is unreachable, while packaging still knows its version.
import { readFileSync } from 'node:fs';
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
