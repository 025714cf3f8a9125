// The browser mode's security: 127.0.0.1 only, a token on every API call,
// foreign Origin and Host refused, no CORS, payloads validated by the same
// zod schemas as IPC.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Result } from '../../src/shared/api/result';
import { createHandlers } from '../../src/main/handlers';
import { openServices, type OpenedServices } from '../../src/main/open-services';
import { startServer, type RunningServer } from '../../src/main/serve/server';

let server: RunningServer;
let services: OpenedServices;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'nianbao-serve-test-'));
  const rendererDir = join(dir, 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>年报编制助手</title>');
  const opened = await openServices({ databasePath: join(dir, 'library.db'), shell: 'browser' });
  if (!opened.ok) throw new Error(opened.error.message);
  services = opened.value;
  server = await startServer({ handlers: createHandlers(services), rendererDir });
});

afterAll(async () => {
  await server.close();
  await services.close();
  rmSync(dir, { recursive: true, force: true });
});

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function call(path: string, opts: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: server.port, path, method: opts.method ?? 'POST', headers: opts.headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end(opts.body);
  });
}

const json = (extra: Record<string, string> = {}) => ({ 'Content-Type': 'application/json', ...extra });

describe('nianbao serve', () => {
  it('listens on 127.0.0.1 only and prints the token only in the fragment', () => {
    expect(server.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${server.port}/#token=`));
  });

  it('answers a call that carries the token', async () => {
    const res = await call('/api/library.list', { headers: json({ 'X-Nianbao-Token': server.token }), body: '{}' });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toEqual({ ok: true, value: [] });
  });

  it('refuses a call without the token, or with a wrong one', async () => {
    expect((await call('/api/library.list', { headers: json(), body: '{}' })).status).toBe(401);
    expect(
      (await call('/api/library.list', { headers: json({ 'X-Nianbao-Token': server.token.slice(1) + 'x' }), body: '{}' })).status,
    ).toBe(401);
  });

  it('refuses a foreign Origin, even with the token', async () => {
    const res = await call('/api/library.list', {
      headers: json({ 'X-Nianbao-Token': server.token, Origin: 'http://evil.example' }),
      body: '{}',
    });
    expect(res.status).toBe(403);
  });

  it('refuses a foreign Host (DNS rebinding), for pages and calls alike', async () => {
    expect((await call('/', { method: 'GET', headers: { Host: `evil.example:${server.port}` } })).status).toBe(403);
    expect(
      (await call('/api/library.list', { headers: json({ 'X-Nianbao-Token': server.token, Host: 'evil.example' }), body: '{}' })).status,
    ).toBe(403);
  });

  it('sends no CORS header and refuses non-JSON bodies', async () => {
    const res = await call('/api/library.list', { headers: { 'X-Nianbao-Token': server.token, 'Content-Type': 'text/plain' }, body: '{}' });
    expect(res.status).toBe(415);
    const page = await call('/', { method: 'GET' });
    expect(page.status).toBe(200);
    expect(page.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('validates payloads with the shared schemas', async () => {
    const res = await call('/api/library.create', {
      headers: json({ 'X-Nianbao-Token': server.token }),
      body: JSON.stringify({ agency: '', year: 'x' }),
    });
    const result = JSON.parse(res.body) as Result<unknown>;
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('bad_request');
    expect(result.error.message).toMatch(/请求内容不正确/);
  });

  it('takes exactly application/json, with at most a UTF-8 charset', async () => {
    const withType = (type: string) =>
      call('/api/library.list', { headers: { 'X-Nianbao-Token': server.token, 'Content-Type': type }, body: '{}' });
    for (const type of ['application/json', 'application/json; charset=utf-8', 'Application/JSON;charset="UTF-8"'])
      expect((await withType(type)).status).toBe(200);
    for (const type of [
      'application/jsonx',
      'application/json-seq',
      'application/json; charset=latin1',
      'application/json; boundary=x',
      'text/json',
      'application/x-www-form-urlencoded',
    ]) {
      expect((await withType(type)).status).toBe(415);
    }
  });

  it('answers a badly encoded path with 400, not 500', async () => {
    for (const path of ['/%E0%A4%A', '/%', '/assets/%ZZ.js', '/%00index.html']) {
      const res = await call(path, { method: 'GET' });
      expect(res.status).toBe(400);
    }
    // And keeps serving after them.
    expect((await call('/', { method: 'GET' })).status).toBe(200);
  });

  it('tells the second of two clients saving the same report at once that it was changed elsewhere', async () => {
    const api = (channel: string, payload: unknown) =>
      call(`/api/${channel}`, { headers: json({ 'X-Nianbao-Token': server.token }), body: JSON.stringify(payload) }).then((r) =>
        JSON.parse(r.body),
      );
    const created = await api('library.create', { agency: '某区某局', year: 2024, level: '县区部门' });
    const id = created.value.id as number;
    // Both tabs opened the report at the same revision.
    const { revision } = (await api('library.open', { id })).value.summary;
    const [first, second] = await Promise.all([
      api('library.edit', { id, revision, patch: { narratives: { other: '第一个标签页写的' } } }),
      api('library.edit', { id, revision, patch: { narratives: { other: '第二个标签页写的' } } }),
    ]);
    const results = [first, second];
    const saved = results.filter((r) => r.ok);
    const refused = results.filter((r) => !r.ok);
    expect(saved).toHaveLength(1);
    expect(refused).toHaveLength(1);
    expect(refused[0].error).toEqual({
      code: 'conflict',
      message: expect.stringContaining('已在别处（另一个窗口或浏览器标签页）修改并保存过，本次修改未保存'),
    });
    const stored = (await api('library.open', { id })).value;
    expect(stored.report.narratives.other).toBe(saved[0] === first ? '第一个标签页写的' : '第二个标签页写的');
    expect(stored.summary.revision).toBe(revision + 1);
    // The refused one, made on the new revision, goes through.
    const again = await api('library.edit', { id, revision: stored.summary.revision, patch: { narratives: { other: '看过之后再改' } } });
    expect(again.ok).toBe(true);
  });

  it('serves no file outside the renderer folder', async () => {
    expect((await call('/../../package.json', { method: 'GET' })).status).toBe(404);
    expect((await call('/%2e%2e/%2e%2e/package.json', { method: 'GET' })).status).toBe(404);
  });
});
