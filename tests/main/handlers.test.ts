// The handlers over a real library file, called through the same createApi
// the renderer uses (here with an in-process transport).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CHANNELS, createApi, type NianbaoApi } from '../../src/shared/api/channels';
import { inputs } from '../../src/shared/api/contract';
import { createHandlers, type Handlers } from '../../src/main/handlers';
import { openServices, type OpenedServices } from '../../src/main/services';

let services: OpenedServices;
let handlers: Handlers;
let api: NianbaoApi;

beforeEach(async () => {
  const opened = await openServices({ databasePath: join(mkdtempSync(join(tmpdir(), 'nianbao-handlers-')), 'library.db'), shell: 'browser' });
  if (!opened.ok) throw new Error(opened.error.message);
  services = opened.value;
  handlers = createHandlers(services);
  api = createApi((channel, payload) => handlers[channel](payload));
});

afterEach(() => services.close());

function value<T>(res: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!res.ok) throw new Error(res.error.message);
  return res.value;
}

describe('handlers', () => {
  it('cover every channel of the contract, and the preload list names them all', () => {
    expect([...CHANNELS].sort()).toEqual(Object.keys(inputs).sort());
    expect(Object.keys(handlers).sort()).toEqual([...CHANNELS].sort());
  });

  it('refuse a payload that does not match the schema, with a Chinese message', async () => {
    const res = await handlers['library.edit']({ id: 1, patch: { cells: { 'requests.nonsense.total': 3 } } });
    expect(res.ok).toBe(false);
    if (!res.ok) {
      expect(res.error.code).toBe('bad_request');
      expect(res.error.message).toContain('请求内容不正确');
    }
    const empty = await api.library.create({ agency: '  ', year: 2025, level: '县区部门' });
    expect(empty.ok).toBe(false);
  });

  it('create, list, open, edit and reopen a report', async () => {
    const created = value(await api.library.create({ agency: '余杭区统计局', year: 2025, level: '县区部门' }));
    expect(created.status).toBe('草稿');
    value(await api.library.edit({ id: created.id, patch: { cells: { 'requests.received.natural': 3 }, narratives: { other: '本单位未收取信息处理费。' } } }));
    const opened = value(await api.library.open({ id: created.id }));
    expect(opened.report.tables.requests.received.natural).toBe(3);
    expect(opened.report.narratives.other).toBe('本单位未收取信息处理费。');
    expect(opened.previous).toBeNull();
    expect(value(await api.library.list({})).map((r) => r.id)).toEqual([created.id]);
  });

  it('refuse 定稿 while errors remain, saying why', async () => {
    const created = value(await api.library.create({ agency: '余杭区统计局', year: 2025, level: '县区部门' }));
    value(await api.library.edit({ id: created.id, patch: { cells: { 'requests.received.natural': 3, 'requests.received.total': 5 } } }));
    const res = await api.library.setStatus({ id: created.id, status: '定稿' });
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.error.message).toMatch(/错误/);
  });

  it('show only deleted reports in the recycle bin, and the rest outside it', async () => {
    const a = value(await api.library.create({ agency: '甲局', year: 2025, level: '县区部门' }));
    const b = value(await api.library.create({ agency: '乙局', year: 2025, level: '县区部门' }));
    value(await api.library.remove({ id: a.id }));
    expect(value(await api.library.list({})).map((r) => r.id)).toEqual([b.id]);
    expect(value(await api.library.list({ deleted: true })).map((r) => r.id)).toEqual([a.id]);
  });

  it("create from last year's report with the level the author chose", async () => {
    const last = value(await api.library.create({ agency: '余杭区统计局', year: 2024, level: '县区部门' }));
    value(await api.library.edit({ id: last.id, patch: { cells: { 'requests.carried_forward.natural': 2 } } }));
    const next = value(await api.library.create({ agency: '余杭区统计局', year: 2025, level: '县区政府', fromPrevious: true }));
    expect(next.level).toBe('县区政府');
    const opened = value(await api.library.open({ id: next.id }));
    expect(opened.report.tables.requests.carried_over.natural).toBe(2);
    expect(opened.previous?.year).toBe(2024);
  });
});
