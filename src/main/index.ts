// The Electron shell, kept thin: one hardened window, the menu, IPC wiring of
// the shared handlers, and flushing pending saves before the window goes.
// Its decisions (where the window opens, which URL is ours, what a failure
// says) live in plain modules under ./electron, tested without Electron;
// everything else in plain Node modules that the CLI and the tests use too.
import { app, BrowserWindow, dialog, ipcMain, Menu, session, type Event } from 'electron';
import { join } from 'node:path';
import { CHANNELS, IPC_PREFIX } from '../shared/api/channels';
import { createHandlers } from './handlers';
import { openServices, type OpenedServices } from './open-services';
import { RESVG_BINDING_ENV } from './services/infographic';
import { databaseIn } from './services/library';
import { buildMenu } from './electron/menu';
import { loadWindowPlacement, saveWindowPlacement } from './electron/window-state';
import { desktopPlatform } from './electron/platform';
import { isAppPage, isInsideFolder } from './electron/app-folder';
import { sendToPage } from './electron/page-commands';
import { ShutdownGuard } from './electron/shutdown';
import { contextMenuItems } from './electron/edit-menu';
import { crashMessage, isCrash, loadErrorPage, loadFailure, RELOAD_FRAGMENT, shouldReload } from './electron/trouble';
import { APP_USER_MODEL_ID } from './electron/app-id';
import native from './electron/packaged-native.json';

/** The built app (main, preload, renderer): the only folder file:// may load from. */
const APP_DIR = join(__dirname, '..');
const RENDERER_HTML = join(APP_DIR, 'renderer/index.html');
/** Chromium's code for a load cancelled by another navigation: not a failure. */
const ERR_ABORTED = -3;

// The portable build keeps its data beside the executable, so it travels on a USB stick.
if (process.env.PORTABLE_EXECUTABLE_DIR && !process.env.NIANBAO_DATA_DIR) {
  process.env.NIANBAO_DATA_DIR = join(process.env.PORTABLE_EXECUTABLE_DIR, '年报编制助手数据');
}
const dataDir = process.env.NIANBAO_DATA_DIR ?? app.getPath('userData');

// The package carries its native modules built for its own platform and Electron
// apart from node_modules (scripts/before-pack.cjs); `npm start` passes its own.
const packagedNative = (file: string) => (app.isPackaged ? join(process.resourcesPath, native.dir, file) : undefined);
const sqliteBinding = process.env.NIANBAO_SQLITE_BINDING ?? packagedNative(native.sqlite);
const resvgBinding = packagedNative(native.resvg);
if (resvgBinding) process.env[RESVG_BINDING_ENV] ??= resvgBinding;

let services: OpenedServices | undefined;
let win: BrowserWindow | undefined;

function registerIpc(s: OpenedServices): void {
  const handlers = createHandlers(s);
  for (const channel of CHANNELS) {
    ipcMain.handle(IPC_PREFIX + channel, (event, payload: unknown) => {
      // Only our own page may call: a frame navigated elsewhere gets nothing.
      if (!isAppPage(event.senderFrame?.url, RENDERER_HTML)) return { ok: false, error: { code: 'forbidden', message: '拒绝访问' } };
      return handlers[channel](payload);
    });
  }
}

/** Asks the page to save what it has not yet saved; gives up after a few seconds rather than hang. */
function flushRenderer(): Promise<void> {
  return sendToPage(win, 'flush');
}

function showWindow(): void {
  if (!win || win.isDestroyed()) return;
  if (win.isMinimized()) win.restore();
  win.show();
  win.focus();
}

function createWindow(s: OpenedServices): void {
  const placement = loadWindowPlacement(dataDir);
  const window = new BrowserWindow({
    ...placement.bounds,
    minWidth: placement.minimum.width,
    minHeight: placement.minimum.height,
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
  win = window;
  if (placement.maximized) window.maximize();
  window.setMenu(buildMenu(window, s.info.databasePath, s.info.version));
  window.once('ready-to-show', showWindow);

  // Closing, logging off or shutting down: the page saves first, then the window goes.
  const guard = new ShutdownGuard();
  const holdForSave = (event: Event) => {
    const answer = guard.request();
    if (answer === 'go') return;
    event.preventDefault();
    if (answer === 'hold') return;
    saveWindowPlacement(dataDir, window);
    void flushRenderer().then(() => {
      guard.done();
      if (!window.isDestroyed()) window.destroy();
    });
  };
  window.on('close', holdForSave);
  // Windows asks before logging off or shutting down: held until the save is done
  // (Windows shows 「正在关闭应用」 meanwhile), then the app closes and Windows goes on.
  window.on('query-session-end', holdForSave);
  window.on('session-end', () => void flushRenderer());

  const contents = window.webContents;
  // A page that cannot load: the window still shows, says why in Chinese, and offers 重新载入.
  contents.on('did-fail-load', (_event, errorCode, description, url, isMainFrame) => {
    if (!isMainFrame || errorCode === ERR_ABORTED || url.startsWith('data:')) return;
    void contents.loadURL(`data:text/html;charset=utf-8,${encodeURIComponent(loadErrorPage(loadFailure(errorCode, description)))}`);
    showWindow();
  });
  contents.on('did-navigate-in-page', (_event, url, isMainFrame) => {
    if (isMainFrame && url.startsWith('data:') && url.endsWith(RELOAD_FRAGMENT)) void contents.loadFile(RENDERER_HTML);
  });
  // The page's process died: the library (in this process) is untouched; say so and load the page again.
  const crashes: number[] = [];
  contents.on('render-process-gone', (_event, details) => {
    if (!isCrash(details.reason) || window.isDestroyed()) return;
    const reload = shouldReload(crashes, Date.now());
    showWindow();
    void dialog.showMessageBox(window, { type: 'warning', title: '年报编制助手', ...crashMessage(details.reason, reload) }).then(() => {
      if (reload && !window.isDestroyed()) void contents.loadFile(RENDERER_HTML);
    });
  });
  // 右键: 剪切/复制/粘贴/全选 in text boxes, 复制 on a selection.
  contents.on('context-menu', (_event, params) => {
    const items = contextMenuItems(params);
    if (items.length > 0) Menu.buildFromTemplate(items).popup({ window });
  });
  void contents.loadFile(RENDERER_HTML);
}

function harden(): void {
  // No camera, microphone, notifications, clipboard reads, USB, HID, serial…: asked or merely checked, the answer is no.
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
  session.defaultSession.setDevicePermissionHandler(() => false);
  // No spelling underlines in Chinese text boxes, and no dictionary download.
  session.defaultSession.setSpellCheckerEnabled(false);
  // The app makes no network request, ever, and reads no file outside its own folder.
  session.defaultSession.webRequest.onBeforeRequest((details, callback) => {
    const { url } = details;
    const allowed = isInsideFolder(url, APP_DIR) || url.startsWith('devtools://') || url.startsWith('data:') || url.startsWith('blob:');
    callback({ cancel: !allowed });
  });
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event, url) => {
      if (!isAppPage(url, RENDERER_HTML)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  // A second launch (a double-click on the shortcut while the app is hidden, minimised or behind) brings this window forward.
  app.on('second-instance', showWindow);
  app.setAppUserModelId(APP_USER_MODEL_ID);
  void app.whenReady().then(async () => {
    harden();
    const opened = await openServices({
      databasePath: databaseIn(dataDir),
      shell: 'desktop',
      nativeBinding: sqliteBinding,
      platform: desktopPlatform(() => win, dataDir, app.getPath('documents')),
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
