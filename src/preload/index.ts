// Sandboxed preload (CommonJS): exposes `window.nianbao`, the typed API built
// by the shared createApi over IPC, and nothing else — no ipcRenderer.
import { contextBridge, ipcRenderer } from 'electron';
import { createApi, IPC_PREFIX } from '../shared/api/channels';

contextBridge.exposeInMainWorld(
  'nianbao',
  createApi((channel, payload) => ipcRenderer.invoke(IPC_PREFIX + channel, payload)),
);
