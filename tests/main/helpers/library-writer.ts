// Child process of the durability test: waits for its tag on stdin (so the
// test can start it ahead, while it checks the previous run), opens the
// library and saves edits in a loop, printing "ack <tag>.<n>" only after each
// save has committed, until the test kills it with SIGKILL. Every
// acknowledged save must survive the kill.
import { writeSync } from 'node:fs';
import { openLibrary, type ReportLibrary } from '../../../src/main/services/library';

const [dbPath, idText] = process.argv.slice(2);
const id = Number(idText);

process.stdin.setEncoding('utf8').once('data', (line: string) => {
  process.stdin.pause();
  start(line.trim());
});

function start(tag: string): void {
  writeSync(1, 'opening\n');
  // A revision every few seconds, so some kills land in snapshot writes too
  // (each snapshot holds every explanation saved so far, so not at every run); the saves synced to the file
  // within milliseconds, so kills land in those checkpoints too.
  const opened = openLibrary(dbPath!, { revisionMinutes: 0.05, syncDelayMs: 5 });
  if (!opened.ok) {
    writeSync(2, `open failed: ${opened.error.message}\n`);
    process.exit(3);
  }
  writeSync(1, 'ready\n');
  void saveForever(opened.value.library, tag);
}

async function saveForever(library: ReportLibrary, tag: string): Promise<never> {
  for (let n = 0; ; n++) {
    const saved = library.applyEdit(id, {
      cells: { 'requests.received.natural': n },
      narratives: { overview: `${tag} 第 ${n} 次保存` },
      explanations: { [`${tag}.${n}`]: `核实说明 ${n}` },
    });
    if (!saved.ok) {
      writeSync(2, `save failed: ${saved.error.message}\n`);
      process.exit(4);
    }
    // Synchronous, so an acknowledgement is never printed for a save that didn't commit.
    writeSync(1, `ack ${tag}.${n}\n`);
    // A millisecond between saves, as an author's saves come apart: the background backup taken at opening makes
    // progress, and the checkpoint that syncs the saves runs between them (so kills land in it too). Without a
    // pause, saves that no longer wait for an fsync would pile up thousands of explanations per run.
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
}
