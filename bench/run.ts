// `npm run bench`: runs every bench/*.bench.ts (or those named on the command
// line) and prints their figures. Goals are printed beside the figures; no
// benchmark fails the build.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

async function main() {
  const only = process.argv.slice(2);
  const files = readdirSync(__dirname)
    .filter((f) => f.endsWith('.bench.ts'))
    .filter((f) => only.length === 0 || only.some((o) => f.startsWith(o)))
    .sort();
  for (const file of files) {
    console.log(`\n== ${file.replace('.bench.ts', '')} ==`);
    const mod = (await import(join(__dirname, file))) as { run: () => Promise<void> };
    await mod.run();
  }
}

void main();
