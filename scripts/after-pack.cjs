// electron-builder afterPack hook: flips Electron's fuses in the packaged
// executable, so the shipped program cannot be turned into a plain Node.js
// (ELECTRON_RUN_AS_NODE), take code from NODE_OPTIONS or --inspect, or run an
// app.asar other than the one it was packaged with (integrity checked where
// Electron supports it, Windows and macOS), nor app code outside app.asar.
const { join } = require('node:path');
const { flipFuses, FuseV1Options, FuseVersion } = require('@electron/fuses');

const FUSES = {
  version: FuseVersion.V1,
  [FuseV1Options.RunAsNode]: false,
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
};

/** The packaged executable, where electron-builder put it for each platform. */
function executableOf(context) {
  const { appOutDir, electronPlatformName, packager } = context;
  if (electronPlatformName === 'win32') return join(appOutDir, `${packager.appInfo.productFilename}.exe`);
  if (electronPlatformName === 'darwin' || electronPlatformName === 'mas')
    return join(appOutDir, `${packager.appInfo.productFilename}.app`);
  return join(appOutDir, packager.executableName);
}

exports.FUSES = FUSES;
exports.executableOf = executableOf;
exports.default = async function afterPack(context) {
  await flipFuses(executableOf(context), FUSES);
};
