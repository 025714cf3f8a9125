// What the desktop shell lets its page reach: file:// only inside the app's
// own folder, and "show in folder" only for files this session exported.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isInsideFolder } from '../../src/main/electron/app-folder';
import { createHandlers, type Platform } from '../../src/main/handlers';
import { openServices, type OpenedServices } from '../../src/main/open-services';
import { seedReport, value } from './helpers/library';

describe('file:// in the desktop app', () => {
  const app = '/opt/年报编制助手/resources/app.asar/out';
  it('is allowed inside the app folder only', () => {
    expect(isInsideFolder(pathToFileURL(`${app}/renderer/index.html`).href, app)).toBe(true);
    expect(isInsideFolder(`${pathToFileURL(`${app}/renderer/assets/index.js`).href}?v=1#x`, app)).toBe(true);
    for (const url of [
      pathToFileURL('/etc/passwd').href,
      pathToFileURL(`${app}/../../secret.txt`).href,
      `file://${app}/renderer/%2e%2e/%2e%2e/%2e%2e/x`,
      pathToFileURL(`${app}-evil/renderer/index.html`).href,
      pathToFileURL(app).href,
      'file://server/share/out/renderer/index.html',
      'https://example.com/',
      'not a url',
    ]) {
      expect([url, isInsideFolder(url, app)]).toEqual([url, false]);
    }
  });

  it('compares Windows paths without regard to case', () => {
    const folder = 'C:\\Program Files\\nianbao\\out';
    expect(isInsideFolder('file:///C:/Program%20Files/NIANBAO/out/renderer/index.html', folder, 'win32')).toBe(true);
    expect(isInsideFolder('file:///C:/Program%20Files/nianbao/outside.html', folder, 'win32')).toBe(false);
    expect(isInsideFolder('file:///D:/Program%20Files/nianbao/out/renderer/index.html', folder, 'win32')).toBe(false);
  });
});

describe('files.reveal', () => {
  let dir: string;
  let services: OpenedServices;
  const revealed: string[] = [];
  // The shell's part as the desktop gives it: a save dialog answering a path, Explorer recorded.
  const platform: Platform = {
    chooseSavePath: async (name) => join(dir, name),
    reveal: (path) => void revealed.push(path),
    pdfPrinter: async () => ({ ok: false, error: { code: 'unsupported', message: '本测试不打印 PDF' } }),
  };

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'nianbao-reveal-'));
    revealed.length = 0;
    services = value(await openServices({ databasePath: join(dir, 'library.db'), shell: 'desktop', platform }));
  });
  afterEach(async () => {
    await services.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('shows only a file this session exported, never a path the page names', async () => {
    const handlers = createHandlers(services);
    const { id } = value(services.library.add(seedReport()));
    for (const path of ['/etc/passwd', join(dir, 'library.db'), 'C:\\Windows\\System32\\cmd.exe']) {
      expect(await handlers['files.reveal']({ path })).toMatchObject({
        ok: false,
        error: { code: 'forbidden', message: expect.stringContaining('只能在文件夹中显示本程序这次导出的文件') },
      });
    }
    const exported = value(await handlers['export.document']({ id, format: 'html', draft: true })) as { kind: string; path: string };
    expect(exported.kind).toBe('saved');
    expect(value(await handlers['files.reveal']({ path: exported.path }))).toBeNull();
    expect(revealed).toEqual([exported.path]);
    // A saved 一图读懂 is this session's export too: its 「打开所在文件夹」 works like the report's.
    const picture = value(await handlers['export.infographic']({ id, kind: 'html', highlights: [] })) as { kind: string; path: string };
    expect(picture.kind).toBe('saved');
    expect(value(await handlers['files.reveal']({ path: picture.path }))).toBeNull();
    expect(revealed).toEqual([exported.path, picture.path]);
    // A fresh session (the app started again) has exported nothing yet.
    expect((await createHandlers(services)['files.reveal']({ path: exported.path })).ok).toBe(false);
  });
});
