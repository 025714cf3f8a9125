// The Electron shell, kept thin: one hardened window, the menu, IPC wiring of
// the shared handlers, and flushing pending saves on close. Everything else
// lives in plain Node modules that the CLI and the tests use as well.
import { app, BrowserWindow, dialog, ipcMain, session } from 'electron';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CHANNELS, IPC_PREFIX } from '../shared/api/channels';
import { createHandlers } from './handlers';
import { openServices, type OpenedServices } from './open-services';
import { buildMenu } from './electron/menu';
import { loadWindowState, saveWindowState } from './electron/window-state';
import { desktopPlatform } from './electron/platform';
import { isInsideFolder } from './electron/app-folder';
import { sendToPage } from './electron/page-commands';

/** The built app (main, preload, renderer): the only folder file:// may load from. */
const APP_DIR = join(__dirname, '..');
const RENDERER_HTML = join(APP_DIR, 'renderer/index.html');
const RENDERER_URL = pathToFileURL(RENDERER_HTML).href;

// The portable build keeps its data beside the executable, so it travels on a USB stick.
if (process.env.PORTABLE_EXECUTABLE_DIR && !process.env.NIANBAO_DATA_DIR) {
  process.env.NIANBAO_DATA_DIR = join(process.env.PORTABLE_EXECUTABLE_DIR, '年报编制助手数据');
}
const dataDir = process.env.NIANBAO_DATA_DIR ?? app.getPath('userData');

let services: OpenedServices | undefined;
let win: BrowserWindow | undefined;

function isOurPage(url: string | undefined): boolean {
  return !!url && url.split('#')[0] === RENDERER_URL;
}

function registerIpc(s: OpenedServices): void {
  const handlers = createHandlers(s);
  for (const channel of CHANNELS) {
    ipcMain.handle(IPC_PREFIX + channel, (event, payload: unknown) => {
      // Only our own page may call: a frame navigated elsewhere gets nothing.
      if (!isOurPage(event.senderFrame?.url)) return { ok: false, error: { code: 'forbidden', message: '拒绝访问' } };
      return handlers[channel](payload);
    });
  }
}

/** Asks the page to save what it has not yet saved; gives up after a few seconds rather than hang. */
function flushRenderer(): Promise<void> {
  return sendToPage(win, 'flush');
}

function createWindow(s: OpenedServices): void {
  const state = loadWindowState(dataDir);
  win = new BrowserWindow({
    ...state.bounds,
    minWidth: 1024,
    minHeight: 640,
    show: false,
    title: '年报编制助手',
    icon: join(__dirname, '../../assets/icon.png'),
    webPreferences: {
      preload: join(__dirname, '../preload/index.js'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    },
  });
  if (state.maximized) win.maximize();
  win.setMenu(buildMenu(win, s.info.databasePath, s.info.version));
  win.once('ready-to-show', () => win?.show());

  let closing = false;
  win.on('close', (event) => {
    if (closing || !win) return;
    event.preventDefault();
    closing = true;
    saveWindowState(dataDir, win);
    void flushRenderer().then(() => win?.destroy());
  });
  // Windows logging off or shutting down: save first.
  win.on('session-end', () => void flushRenderer());
  void win.loadFile(RENDERER_HTML);
}

function harden(): void {
  // No camera, microphone, notifications, clipboard reads, USB, HID, serial…: asked or merely checked, the answer is no.
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
  session.defaultSession.setDevicePermissionHandler(() => false);
  // The app makes no network request, ever, and reads no file outside its own folder.
  session.defaultSession.webRequest.onBeforeRequest((details, callback) => {
    const { url } = details;
    const allowed = isInsideFolder(url, APP_DIR) || url.startsWith('devtools://') || url.startsWith('data:') || url.startsWith('blob:');
    callback({ cancel: !allowed });
  });
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event, url) => {
      if (!isOurPage(url)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!win) return;
    if (win.isMinimized()) win.restore();
    win.focus();
  });
  void app.whenReady().then(async () => {
    harden();
    const opened = await openServices({
      databasePath: join(dataDir, 'library.db'),
      shell: 'desktop',
      nativeBinding: process.env.NIANBAO_SQLITE_BINDING,
      platform: desktopPlatform(() => win),
    });
    if (!opened.ok) {
      dialog.showErrorBox('年报编制助手无法启动', opened.error.message);
      app.quit();
      return;
    }
    services = opened.value;
    registerIpc(services);
    createWindow(services);
  });
  app.on('window-all-closed', () => {
    void (services?.close() ?? Promise.resolve()).finally(() => app.quit());
  });
}
