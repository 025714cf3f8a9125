// Sends the shell's commands to the page over the typed bridge
// (shared/api/shell.ts) and waits for the page's answer, never longer than
// the caller allows: a page that hangs must not keep the window from closing.
import { ipcMain, type BrowserWindow, type IpcMainEvent } from 'electron';
import { SHELL_COMMAND_EVENT, SHELL_DONE_EVENT, type ShellCommand, type ShellMessage } from '../../shared/api/shell';

const waiting = new Map<number, () => void>();
let nextId = 1;
let listening = false;

function listen(): void {
  if (listening) return;
  listening = true;
  ipcMain.on(SHELL_DONE_EVENT, (_event: IpcMainEvent, id: unknown) => {
    if (typeof id !== 'number') return;
    waiting.get(id)?.();
    waiting.delete(id);
  });
}

/** Sends a command; resolves when the page is done with it, or after `timeoutMs`, or at once if the window is gone. */
export function sendToPage(win: BrowserWindow | undefined, command: ShellCommand, timeoutMs = 3000): Promise<void> {
  if (!win || win.isDestroyed()) return Promise.resolve();
  listen();
  const message: ShellMessage = { id: nextId++, command };
  return new Promise<void>((resolve) => {
    const timer = setTimeout(() => {
      waiting.delete(message.id);
      resolve();
    }, timeoutMs);
    waiting.set(message.id, () => {
      clearTimeout(timer);
      resolve();
    });
    win.webContents.send(SHELL_COMMAND_EVENT, message);
  });
}
