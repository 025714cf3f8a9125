// Sandboxed preload (CommonJS): exposes the typed API and nothing else.
import { contextBridge, ipcRenderer } from 'electron';

contextBridge.exposeInMainWorld('nianbao', {
  ping: () => ipcRenderer.invoke('app:ping'),
});
