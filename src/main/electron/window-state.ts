// Remembers the window's size, position and maximised state between runs;
// where it opens is decided by window-fit.ts from the displays as they are now.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { screen, type BrowserWindow } from 'electron';
import { minimumSizeFor, placementFor, type WindowPlacement } from './window-fit';

const STATE_FILE = 'window-state.json';

export function loadWindowPlacement(dir: string): WindowPlacement & { minimum: { width: number; height: number } } {
  let saved: unknown;
  try {
    saved = JSON.parse(readFileSync(join(dir, STATE_FILE), 'utf8'));
  } catch {
    saved = undefined; // first run, or a damaged file: the default placement
  }
  const primary = screen.getPrimaryDisplay().workArea;
  const placement = placementFor(
    saved,
    screen.getAllDisplays().map((d) => d.workArea),
    primary,
  );
  return { ...placement, minimum: minimumSizeFor(primary) };
}

export function saveWindowPlacement(dir: string, win: BrowserWindow): void {
  const state: WindowPlacement = { bounds: win.getNormalBounds(), maximized: win.isMaximized() };
  try {
    writeFileSync(join(dir, STATE_FILE), JSON.stringify(state));
  } catch {
    // Losing the window position is not worth bothering the user about.
  }
}
