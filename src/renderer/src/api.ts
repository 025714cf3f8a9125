// The one way the renderer reaches the main process: the typed API of
// src/shared, over IPC in the desktop app (the preload's `window.nianbao`)
// or over HTTP in the browser.
import { createApi, type NianbaoApi } from '../../shared/api/channels';
import { httpInvoke, takeToken } from './transport/http';

declare global {
  interface Window {
    nianbao?: NianbaoApi;
  }
}

function connect(): NianbaoApi | null {
  if (window.nianbao) return window.nianbao;
  const token = takeToken();
  return token ? createApi(httpInvoke(token)) : null;
}

export const api = connect();
