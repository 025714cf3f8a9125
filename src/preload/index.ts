// Sandboxed preload (CommonJS): exposes `window.nianbao`, the typed API built
// by the shared createApi over IPC, and `window.nianbaoShell`, the shell's
// commands to the page (shared/api/shell.ts); nothing else — no ipcRenderer.
import { contextBridge, ipcRenderer } from 'electron';
import { createApi, IPC_PREFIX } from '../shared/api/channels';
import { SHELL_COMMAND_EVENT, SHELL_DONE_EVENT, type ShellBridge, type ShellCommand, type ShellMessage } from '../shared/api/shell';

contextBridge.exposeInMainWorld(
  'nianbao',
  createApi((channel, payload) => ipcRenderer.invoke(IPC_PREFIX + channel, payload)),
);

let handler: ((command: ShellCommand) => void | Promise<void>) | undefined;
// Every command is answered, handled or not, so the shell never waits on a page that has no handler yet.
ipcRenderer.on(SHELL_COMMAND_EVENT, (_event, message: ShellMessage) => {
  void Promise.resolve()
    .then(() => handler?.(message.command))
    .catch(() => undefined)
    .finally(() => ipcRenderer.send(SHELL_DONE_EVENT, message.id));
});

const shell: ShellBridge = {
  onCommand(next) {
    handler = next;
  },
};
contextBridge.exposeInMainWorld('nianbaoShell', shell);
