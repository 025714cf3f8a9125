// Preloaded into a child `node -r count-loads.cjs bin/nianbao.cjs …` by the
// start-up test and bench: records every CommonJS module the command loads
// (its file, its bytes, its package) and writes the list as JSON to the file
// named by NIANBAO_COUNT_LOADS when the process exits.
const Module = require('node:module');
const { statSync, writeFileSync } = require('node:fs');

const out = process.env.NIANBAO_COUNT_LOADS;
const files = new Set();
const load = Module._load;
Module._load = function (request, parent, isMain) {
  const exported = load.apply(this, arguments);
  try {
    const file = Module._resolveFilename(request, parent, isMain);
    if (file.includes('/') || file.includes('\\')) files.add(file);
  } catch {
    // a builtin (node:fs) has no file
  }
  return exported;
};

process.on('exit', () => {
  if (!out) return;
  const packages = new Set();
  let bytes = 0;
  for (const file of files) {
    const name = /node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+)/.exec(file);
    if (name) packages.add(name[1].replace('\\', '/'));
    try {
      bytes += statSync(file).size;
    } catch {
      // removed since: not counted
    }
  }
  writeFileSync(out, JSON.stringify({ modules: files.size, bytes, packages: [...packages].sort(), files: [...files] }));
});
