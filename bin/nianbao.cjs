#!/usr/bin/env node
// The `nianbao` command runs straight from the TypeScript sources through tsx,
// so a checkout needs no build step before the CLI works.
require('tsx/cjs/api').register();
const { main } = require('../src/main/cli.ts');
main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (err) => { console.error('nianbao: 内部错误：' + (err && err.message ? err.message : String(err))); process.exitCode = 2; }
);
