// Remembers the window's size, position and maximised state between runs.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { screen, type BrowserWindow, type Rectangle } from 'electron';

interface WindowState {
  bounds: Rectangle;
  maximized: boolean;
}

const DEFAULT: WindowState = { bounds: { x: 0, y: 0, width: 1366, height: 768 }, maximized: false };

export function loadWindowState(dir: string): WindowState {
  try {
    const state = JSON.parse(readFileSync(join(dir, 'window-state.json'), 'utf8')) as WindowState;
    // A window saved on a monitor that is gone would open out of sight.
    const visible = screen.getAllDisplays().some((d) => {
      const a = d.workArea;
      return (
        state.bounds.x < a.x + a.width &&
        state.bounds.x + state.bounds.width > a.x &&
        state.bounds.y < a.y + a.height &&
        state.bounds.y + state.bounds.height > a.y
      );
    });
    return visible ? state : { ...DEFAULT, maximized: state.maximized };
  } catch {
    return DEFAULT;
  }
}

export function saveWindowState(dir: string, win: BrowserWindow): void {
  const state: WindowState = { bounds: win.getNormalBounds(), maximized: win.isMaximized() };
  try {
    writeFileSync(join(dir, 'window-state.json'), JSON.stringify(state));
  } catch {
    // Losing the window position is not worth bothering the user about.
  }
}
