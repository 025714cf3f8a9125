// electron-builder beforePack hook: gathers the native modules of the target
// being packed (system and CPU, for Electron's ABI) into the folder
// electron-builder.yml copies to resources/native. node_modules is left as it
// is, built for Node: the CLI, `npm run web` and the tests keep working after
// `npm run dist`. Where a target's modules cannot be had, packaging stops with
// one line saying what to do.
const { Arch } = require('electron-builder');
const { prepareTargetNative } = require('./target-native.cjs');

exports.default = async function beforePack(context) {
  const prepared = prepareTargetNative(context.packager.projectDir, {
    platform: context.electronPlatformName,
    arch: Arch[context.arch],
    electronVersion: context.packager.config.electronVersion,
  });
  if (!prepared.ok) {
    console.error(prepared.message);
    throw new Error(prepared.message);
  }
};
