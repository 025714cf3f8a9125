// electron-builder beforePack hook: builds better-sqlite3 for the Electron
// version and architecture being packaged (npmRebuild is off, so nothing is
// rebuilt during `npm install`, and CI never needs Electron's headers).
const { Arch } = require('electron-builder');

exports.default = async function beforePack(context) {
  const { rebuild } = require('@electron/rebuild');
  await rebuild({
    buildPath: context.packager.projectDir,
    electronVersion: context.packager.config.electronVersion,
    arch: Arch[context.arch],
    onlyModules: ['better-sqlite3'],
    force: true,
  });
};
