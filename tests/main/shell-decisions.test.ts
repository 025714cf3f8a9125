// The desktop shell's decisions, as plain functions: where the window opens,
// what closing waits for, what a failure says, the right-click menu, where the
// save dialog starts and which page may call IPC. Electron itself is not needed.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DomUtils, parseDocument } from 'htmlparser2';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fitsADisplay, initialBounds, minimumSizeFor, placementFor, PREFERRED_SIZE, type Rect } from '../../src/main/electron/window-fit';
import { ShutdownGuard } from '../../src/main/electron/shutdown';
import { crashMessage, isCrash, loadErrorPage, loadFailure, RELOAD_FRAGMENT, shouldReload } from '../../src/main/electron/trouble';
import { contextMenuItems, EDIT_COMMANDS, editSubmenu } from '../../src/main/electron/edit-menu';
import { readLastFolder, rememberFolderOf, startingSavePath } from '../../src/main/electron/save-folder';
import { isAppPage } from '../../src/main/electron/app-folder';
import { APP_USER_MODEL_ID } from '../../src/main/electron/app-id';

/** A 1366 × 768 laptop at 100 %: the taskbar takes 40 px at the bottom. */
const LAPTOP: Rect = { x: 0, y: 0, width: 1366, height: 728 };
/** 1920 × 1080 at 150 %: 1280 × 720 logical, less the taskbar. */
const SCALED: Rect = { x: 0, y: 0, width: 1280, height: 680 };
/** A second monitor to the right of a 1920 × 1080 one. */
const WIDE: Rect = { x: 0, y: 0, width: 1920, height: 1040 };
const RIGHT: Rect = { x: 1920, y: 0, width: 1920, height: 1040 };

const inside = (r: Rect, a: Rect) => r.x >= a.x && r.y >= a.y && r.x + r.width <= a.x + a.width && r.y + r.height <= a.y + a.height;

describe('the first window', () => {
  it('fits the work area of small and scaled screens, centred, with the bottom above the taskbar', () => {
    for (const area of [LAPTOP, SCALED, { x: 0, y: 0, width: 1024, height: 560 }]) {
      const bounds = initialBounds(area);
      expect(inside(bounds, area)).toBe(true);
      expect(bounds.x - area.x).toBe(Math.floor((area.width - bounds.width) / 2));
      expect(bounds.y - area.y).toBe(Math.floor((area.height - bounds.height) / 2));
      // Its minimum size never exceeds the screen either.
      const min = minimumSizeFor(area);
      expect(min.width).toBeLessThanOrEqual(area.width);
      expect(min.height).toBeLessThanOrEqual(area.height);
    }
    expect(initialBounds(SCALED)).toEqual({ x: 0, y: 0, width: 1280, height: 680 });
  });

  it('opens at the preferred size, centred, where the screen is larger; on the primary display wherever it sits', () => {
    expect(initialBounds(WIDE)).toEqual({ x: 277, y: 136, ...PREFERRED_SIZE });
    // A primary display with a taskbar on the left, or placed right of another.
    const left: Rect = { x: 1920 + 60, y: 0, width: 1860, height: 1080 };
    expect(inside(initialBounds(left), left)).toBe(true);
  });
});

describe('the saved placement', () => {
  it('is restored where it still fits a display, on a second monitor too', () => {
    const saved = { bounds: { x: 2100, y: 100, width: 1200, height: 800 }, maximized: false };
    expect(placementFor(saved, [WIDE, RIGHT], WIDE)).toEqual(saved);
    // Windows counts its invisible resize borders in the bounds: a window snapped to the edge still fits.
    const snapped = { bounds: { x: -7, y: 0, width: 974, height: 1047 }, maximized: false };
    expect(placementFor(snapped, [WIDE], WIDE).bounds).toEqual(snapped.bounds);
  });

  it('is dropped for the default when the monitor is gone, the screen got smaller, or the file is damaged', () => {
    const onGoneMonitor = { bounds: { x: 2100, y: 100, width: 1200, height: 800 }, maximized: true };
    expect(placementFor(onGoneMonitor, [WIDE], WIDE)).toEqual({ bounds: initialBounds(WIDE), maximized: true });
    // Saved at 100 % on a large screen, opened at 150 %: the close button would be off-screen.
    const tooLarge = { bounds: { x: 0, y: 0, width: 1366, height: 768 }, maximized: false };
    expect(placementFor(tooLarge, [SCALED], SCALED).bounds).toEqual(initialBounds(SCALED));
    // Half on the screen is not on it: the title bar or the bottom edge is out of reach.
    expect(fitsADisplay({ x: 1500, y: 100, width: 1000, height: 700 }, [WIDE, { ...RIGHT, y: 400 }])).toBe(false);
    for (const damaged of [
      undefined,
      null,
      'x',
      {},
      { bounds: { x: 0, y: 0, width: 'a', height: 10 } },
      { bounds: { x: 0, y: 0, width: 0, height: 0 } },
      { bounds: { x: NaN, y: 0, width: 800, height: 600 } },
    ]) {
      expect(placementFor(damaged, [LAPTOP], LAPTOP)).toEqual({ bounds: initialBounds(LAPTOP), maximized: false });
    }
  });
});

describe('closing, logging off, shutting down', () => {
  it('holds every request until the one save is done, then lets them all go', () => {
    const guard = new ShutdownGuard();
    expect(guard.request()).toBe('save'); // the window's close, or Windows' query-session-end
    expect(guard.request()).toBe('hold'); // the other one while the page saves
    expect(guard.request()).toBe('hold');
    guard.done();
    expect(guard.request()).toBe('go');
  });
});

describe('when the page fails', () => {
  it('a failed load shows a Chinese page that names the problem, keeps the library, and offers 重新载入', () => {
    const html = loadErrorPage(loadFailure(-6, 'ERR_FILE_NOT_FOUND <script>'));
    const doc = parseDocument(html);
    const { findAll, textContent } = DomUtils;
    const text = textContent(doc);
    expect(text).toContain('界面未能载入');
    expect(text).toContain('ERR_FILE_NOT_FOUND <script>');
    expect(text).toContain('已保存的报告都在资料库中');
    expect(findAll((e) => e.name === 'script', doc.children)).toHaveLength(0);
    const buttons = findAll((e) => e.attribs.role === 'button', doc.children);
    expect(buttons.map((b) => [textContent(b), b.attribs.href])).toEqual([['重新载入', RELOAD_FRAGMENT]]);
    expect(findAll((e) => e.name === 'html', doc.children)[0]?.attribs.lang).toBe('zh-CN');
  });

  it('a crashed page is reported in Chinese and reloaded, but not forever', () => {
    expect(isCrash('clean-exit')).toBe(false);
    for (const reason of [
      'crashed',
      'oom',
      'killed',
      'abnormal-exit',
      'launch-failed',
      'integrity-failure',
      'memory-eviction',
      'something-new',
    ]) {
      expect(isCrash(reason)).toBe(true);
      const { message, detail } = crashMessage(reason, true);
      expect(message).toMatch(/[\u4e00-\u9fff]/);
      expect(detail).toContain('已保存到资料库的内容都在');
    }
    expect(crashMessage('oom', true).message).toContain('内存不足');
    const times: number[] = [];
    expect([0, 1000, 2000].map((t) => shouldReload(times, t))).toEqual([true, true, true]);
    expect(shouldReload(times, 3000)).toBe(false);
    expect(crashMessage('crashed', false).detail).toContain('已停止自动重新载入');
    // A crash long after the last ones is reloaded again.
    expect(shouldReload(times, 200_000)).toBe(true);
  });
});

describe('the right-click menu', () => {
  const flags = {
    canUndo: true,
    canRedo: false,
    canCut: true,
    canCopy: true,
    canPaste: true,
    canSelectAll: true,
    canDelete: true,
    canEditRichly: false,
  };
  const labels = (items: ReturnType<typeof contextMenuItems>) =>
    items.filter((i) => i.type !== 'separator').map((i) => [i.label, i.role, i.enabled]);

  it('offers 剪切/复制/粘贴/全选 in a text box, enabled as Chromium says', () => {
    expect(
      labels(contextMenuItems({ isEditable: true, selectionText: '', editFlags: { ...flags, canCut: false, canCopy: false } })),
    ).toEqual([
      ['剪切', 'cut', false],
      ['复制', 'copy', false],
      ['粘贴', 'paste', true],
      ['全选', 'selectAll', true],
    ]);
  });

  it('offers 复制 on selected text outside text boxes, and nothing elsewhere', () => {
    expect(labels(contextMenuItems({ isEditable: false, selectionText: '依申请公开', editFlags: flags }))).toEqual([
      ['复制', 'copy', true],
    ]);
    expect(contextMenuItems({ isEditable: false, selectionText: '  ', editFlags: flags })).toEqual([]);
  });

  it('uses the same words and keys as the 编辑 menu', () => {
    const menu = editSubmenu().filter((i) => i.type !== 'separator');
    expect(menu.map((i) => i.label)).toEqual(Object.values(EDIT_COMMANDS).map((c) => c.label));
    expect(menu.find((i) => i.role === 'paste')?.accelerator).toBe('CmdOrCtrl+V');
  });
});

describe('the save dialog', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'nianbao-folder-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('starts in 文档, then in the last folder saved into, remembered between runs', () => {
    const documents = join(dir, '文档');
    const name = '2024年度政府信息公开工作年度报告.docx';
    expect(startingSavePath(name, readLastFolder(dir), documents)).toBe(join(documents, name));
    const usb = join(dir, 'U盘', '年报');
    mkdirSync(usb, { recursive: true });
    rememberFolderOf(dir, join(usb, '报告.xlsx'));
    expect(startingSavePath(name, readLastFolder(dir), documents)).toBe(join(usb, name));
  });

  it('goes back to 文档 when the last folder is gone or the record is damaged', () => {
    const documents = join(dir, '文档');
    rememberFolderOf(dir, join(dir, 'removed', 'x.docx'));
    expect(startingSavePath('a.docx', readLastFolder(dir), documents)).toBe(join(documents, 'a.docx'));
    writeFileSync(join(dir, 'last-folder.json'), '{"folder":');
    expect(readLastFolder(dir)).toBeUndefined();
    writeFileSync(join(dir, 'last-folder.json'), '{"folder":42}');
    expect(readLastFolder(dir)).toBeUndefined();
  });
});

describe('the page IPC answers', () => {
  it('is the app page whatever the install path holds: %, spaces, 中文, another case on Windows', () => {
    const page = 'C:\\Users\\张 三%1\\AppData\\Local\\Programs\\年报编制助手\\resources\\app.asar\\out\\renderer\\index.html';
    const url = pathToFileURL('/C:/Users/张 三%1/AppData/Local/Programs/年报编制助手/resources/app.asar/out/renderer/index.html').href;
    expect(url).toContain('%251');
    expect(isAppPage(url, page, 'win32')).toBe(true);
    expect(isAppPage(`${url}#/report/3`, page, 'win32')).toBe(true);
    expect(isAppPage(url.replace('file:///C:', 'file:///c:').replace('Users', 'USERS'), page, 'win32')).toBe(true);
    // Chromium may leave 中文 unescaped.
    const raw = 'file:///C:/Users/张%20三%251/AppData/Local/Programs/年报编制助手/resources/app.asar/out/renderer/index.html';
    expect(isAppPage(raw, page, 'win32')).toBe(true);
    for (const other of [
      url.replace('index.html', 'other.html'),
      url.replace('renderer/index', 'renderer/../../index'),
      'file://server/share/out/renderer/index.html',
      'data:text/html,<p>x</p>',
      'https://example.com/index.html',
      undefined,
    ]) {
      expect([other, isAppPage(other, page, 'win32')]).toEqual([other, false]);
    }
  });

  it('compares case on Linux, where the file system does', () => {
    const page = '/opt/年报编制助手/resources/app.asar/out/renderer/index.html';
    expect(isAppPage(pathToFileURL(page).href, page, 'linux')).toBe(true);
    expect(isAppPage(pathToFileURL(page.replace('out', 'OUT')).href, page, 'linux')).toBe(false);
  });
});

describe('the taskbar', () => {
  it('groups the window with its shortcut: the app user model id is the installer appId', () => {
    expect(/^appId:\s*(\S+)$/m.exec(readFileSync('electron-builder.yml', 'utf8'))?.[1]).toBe(APP_USER_MODEL_ID);
  });
});
