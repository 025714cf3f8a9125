// Child process of the two-process tests: `nianbao serve` on a library (the
// command's own code, with a stand-in page for the renderer), printing its
// URL on stdout and its messages on stderr, until it is stopped or killed.
import { serve } from '../../../src/main/serve/command';

const [db, rendererDir] = process.argv.slice(2);

void serve({
  db,
  rendererDir,
  out: (line) => process.stdout.write(line + '\n'),
  err: (line) => process.stderr.write(line + '\n'),
}).then((code) => process.exit(code));
