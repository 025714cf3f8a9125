// The report library's operations, each on a real SQLite file in a temp dir.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { CELLS } from '../../src/shared/model/cells';
import { blankReport, markUnread, valueAt, setCells } from '../../src/shared/model/report';
import type { ReportLibrary } from '../../src/main/services/library';
import { ManualClock, open, seedReport, tempDir, value, type TempDir } from './helpers/library';

let tmp: TempDir;
let clock: ManualClock;
let library: ReportLibrary;

beforeEach(async () => {
  tmp = tempDir();
  clock = new ManualClock();
  library = (await open(tmp.dbPath, { now: clock.now })).library;
});

afterEach(() => {
  library.close();
  tmp.remove();
});

async function reopen(): Promise<ReportLibrary> {
  library.close();
  library = (await open(tmp.dbPath, { now: clock.now })).library;
  return library;
}

describe('creating and reading', () => {
  it('creates a blank draft with every cell blank and the metadata given', () => {
    const created = value(library.create({ agency: '余杭区统计局', year: 2023, level: '县区部门' }));
    const got = value(library.get(created.id));
    expect(got).toMatchObject({ agency: '余杭区统计局', year: 2023, level: '县区部门', status: '草稿', deletedAt: null });
    expect(got.createdAt).toBe(clock.current.toISOString());
    expect(got.report).toEqual(blankReport({ agency: '余杭区统计局', year: 2023, level: '县区部门' }));
  });

  it('keeps 落款, 成文日期 and the preamble, and clears them back to their defaults', async () => {
    const closing = {
      ...seedReport(),
      signature: '余杭区统计局办公室',
      date: '2023-01-20',
      preamble: '本报告根据《中华人民共和国政府信息公开条例》编制。',
    };
    const { id } = value(library.add(closing));
    expect(value((await reopen()).get(id)).report).toEqual(closing);
    value(library.applyEdit(id, { meta: { signature: null, date: null, preamble: null } }));
    expect(value(library.get(id)).report).toEqual(seedReport());
    value(library.applyEdit(id, { meta: { signature: '余杭区统计局', preamble: '本报告……' } }));
    expect(value(library.get(id)).report).toMatchObject({ signature: '余杭区统计局', preamble: '本报告……' });
  });

  it('refuses bad metadata with a Chinese message and stores nothing', () => {
    // As a caller without the types would send it: the library checks what it is given.
    const bad = library.create({ agency: '  ', year: 1999, level: '村委会' as never });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.message).toMatch(/机关名称|年度|层级/);
    expect(value(library.list())).toEqual([]);
  });

  it('keeps numbers, text and blanks apart, and everything survives closing and reopening', async () => {
    const { id } = value(library.create({ agency: '某局', year: 2023, level: '市级部门' }));
    value(
      library.applyEdit(id, {
        cells: {
          'proactive.penalty.decisions': 6,
          'proactive.fees.amount': 1.2345,
          'requests.received.natural': '12',
          'requests.received.commercial': '十',
          'requests.received.total': null,
        },
        narratives: { overview: '（一）主动公开\n本年……', other: '本单位未收取信息处理费。' },
        explanations: { 'cell.blank:appeals': '本年无复议诉讼' },
      }),
    );
    const before = value(library.get(id));
    const after = value((await reopen()).get(id));
    expect(after).toEqual(before);
    expect(valueAt(after.report, 'proactive.penalty.decisions')).toBe(6);
    expect(valueAt(after.report, 'proactive.fees.amount')).toBe(1.2345);
    expect(valueAt(after.report, 'requests.received.natural')).toBe('12');
    expect(valueAt(after.report, 'requests.received.commercial')).toBe('十');
    expect(valueAt(after.report, 'requests.received.total')).toBeNull();
    expect(after.report.narratives.overview).toBe('（一）主动公开\n本年……');
    expect(after.report.explanations).toEqual({ 'cell.blank:appeals': '本年无复议诉讼' });
  });

  it('stores a whole imported report exactly, text cells included', () => {
    const seed = setCells(seedReport(), [['appeals.review.upheld', '—']]);
    const stored = value(library.add(seed));
    expect(value(library.get(stored.id)).report).toEqual(seed);
  });

  it('keeps the cells a file did not give as unread, across reopening, until a value is written into them', async () => {
    const imported = markUnread(seedReport(), [['requests.granted.natural', '第 2 页：数字压在合并的标签上']]);
    const { id } = value(library.add(imported));
    expect(value((await reopen()).get(id)).report).toEqual(imported);
    // An import into a draft marks cells through its patch; typing a value reads the cell again.
    value(library.applyEdit(id, { unread: { 'appeals.review.upheld': '未读出' } }));
    value(library.applyEdit(id, { cells: { 'requests.granted.natural': 9 } }));
    const after = value((await reopen()).get(id)).report;
    expect(after.unread).toEqual({ 'appeals.review.upheld': '未读出' });
    expect(valueAt(after, 'requests.granted.natural')).toBe(9);
    expect(valueAt(after, 'appeals.review.upheld')).toBeNull();
  });

  it('lists by agency then newest year first, searches agency and year, hides the recycle bin', () => {
    const a22 = value(library.create({ agency: '余杭区统计局', year: 2022, level: '县区部门' }));
    const a23 = value(library.create({ agency: '余杭区统计局', year: 2023, level: '县区部门' }));
    const b23 = value(library.create({ agency: '杭州市财政局', year: 2023, level: '市级部门' }));
    const c21 = value(library.create({ agency: '安吉县人民政府', year: 2021, level: '县区政府' }));
    const ids = (r: { id: number }[]) => r.map((s) => s.id);
    const collator = new Intl.Collator('zh-CN');
    const agencies = ['余杭区统计局', '杭州市财政局', '安吉县人民政府'].sort(collator.compare);
    const expected = agencies.flatMap((a) => (a === '余杭区统计局' ? [a23.id, a22.id] : a === '杭州市财政局' ? [b23.id] : [c21.id]));
    expect(ids(value(library.list()))).toEqual(expected);
    expect(ids(value(library.list({ search: '统计' })))).toEqual([a23.id, a22.id]);
    expect(ids(value(library.list({ search: '2023' }))).sort()).toEqual([a23.id, b23.id].sort());
    expect(ids(value(library.list({ search: '余杭 2022' })))).toEqual([a22.id]);
    // Typed as the title reads: body and year run together.
    expect(ids(value(library.list({ search: '区统计局2023' })))).toEqual([a23.id]);
    expect(ids(value(library.list({ search: '2023年' }))).sort()).toEqual([a23.id, b23.id].sort());
    expect(ids(value(library.list({ search: '100%' })))).toEqual([]);
    value(library.remove(b23.id));
    expect(ids(value(library.list()))).not.toContain(b23.id);
    const withBin = value(library.list({ includeDeleted: true }));
    expect(withBin.find((s) => s.id === b23.id)?.deletedAt).toBe(clock.current.toISOString());
  });

  it("finds the same body's report for year − 1, preferring a final one and ignoring the recycle bin", () => {
    const draft = value(library.add(seedReport()));
    const final = value(library.add(seedReport()));
    value(library.setStatus(final.id, '定稿'));
    const current = value(library.create({ agency: '余杭区统计局', year: 2023, level: '县区部门' }));
    expect(value(library.previousOf(current.id))?.id).toBe(final.id);
    expect(value(library.findReport('余杭区统计局', 2022))?.id).toBe(final.id);
    value(library.setStatus(final.id, '草稿'));
    value(library.remove(final.id));
    expect(value(library.previousOf(current.id))?.id).toBe(draft.id);
    expect(value(library.findReport('余杭区统计局', 2021))).toBeNull();
  });
});

describe('creating from last year', () => {
  function lastYearWithFigures() {
    return setCells(seedReport(), [
      ['requests.received.natural', 12],
      ['requests.received.total', 12],
      ['requests.carried_forward.natural', 2],
      ['requests.carried_forward.legal', 1],
      ['requests.carried_forward.total', 3],
      ['proactive.regulations.in_force', 4],
      ['proactive.normative_docs.in_force', 17],
      ['proactive.normative_docs.issued', 5],
    ]);
  }

  it('carries narratives, 上年结转 from 结转下年度 and 现行有效件数; every other cell blank', () => {
    const last = value(library.add(lastYearWithFigures()));
    const next = value(library.createFromPrevious(last.id));
    expect(next).toMatchObject({ agency: '余杭区统计局', year: 2023, level: '县区部门', status: '草稿' });
    const carried: Record<string, number> = {
      'requests.carried_over.natural': 2,
      'requests.carried_over.commercial': 0,
      'requests.carried_over.research': 0,
      'requests.carried_over.nonprofit': 0,
      'requests.carried_over.legal': 1,
      'requests.carried_over.other': 0,
      'requests.carried_over.total': 3,
      'proactive.regulations.in_force': 4,
      'proactive.normative_docs.in_force': 17,
    };
    for (const c of CELLS) expect([c.key, valueAt(next.report, c.key)]).toEqual([c.key, carried[c.key] ?? null]);
    expect(next.report.narratives).toEqual(seedReport().narratives);
    expect(next.report.explanations).toEqual({});
  });

  it('finds last year by body and year, and says so in Chinese when there is none', () => {
    value(library.add(seedReport()));
    const next = value(library.createFromPrevious({ agency: '余杭区统计局', year: 2022 }));
    expect(next.year).toBe(2023);
    expect(valueAt(next.report, 'requests.carried_over.total')).toBe(0);
    const none = library.createFromPrevious({ agency: '余杭区统计局', year: 2019 });
    expect(none.ok).toBe(false);
    if (!none.ok) expect(none.error.message).toContain('没有「余杭区统计局」2019年的报告');
  });
});

describe('editing', () => {
  it('refuses unknown cell keys and bad values, writing nothing of the patch', () => {
    const { id } = value(library.create({ agency: '某局', year: 2023, level: '县区部门' }));
    const before = value(library.get(id));
    const unknown = library.applyEdit(id, { cells: JSON.parse('{"requests.received.natural": 5, "requests.bogus.total": 1}') });
    expect(unknown.ok).toBe(false);
    if (!unknown.ok) expect(unknown.error.message).toContain('requests.bogus.total');
    expect(library.applyEdit(id, { cells: { 'requests.received.natural': Infinity } }).ok).toBe(false);
    expect(library.applyEdit(id, { narratives: { preface: 'x' } } as never).ok).toBe(false);
    expect(library.applyEdit(id, { meta: { year: 20.5 } }).ok).toBe(false);
    expect(value(library.get(id))).toEqual(before);
  });

  it('saves a patch in one transaction: a failure half-way leaves no part of it', () => {
    const { id } = value(library.create({ agency: '某局', year: 2023, level: '县区部门' }));
    // A second connection plants a trigger that fails the metadata update,
    // which runs after the cells and narratives of the same patch were written.
    const raw = new Database(tmp.dbPath);
    raw.exec(
      `CREATE TRIGGER refuse_boom BEFORE UPDATE OF agency ON reports WHEN NEW.agency = '失败局' BEGIN SELECT RAISE(ABORT, 'boom'); END`,
    );
    raw.close();
    const before = value(library.get(id));
    const failed = library.applyEdit(id, {
      cells: { 'requests.received.natural': 9 },
      narratives: { problems: '新文字' },
      meta: { agency: '失败局' },
    });
    expect(failed.ok).toBe(false);
    if (!failed.ok) expect(failed.error.message).toMatch(/保存修改.*原有内容未改动/);
    expect(value(library.get(id))).toEqual(before);
  });

  it('changes metadata, removes an explanation with null and moves updatedAt', () => {
    const { id } = value(library.create({ agency: '某局', year: 2023, level: '县区部门' }));
    value(library.applyEdit(id, { explanations: { a: '说明一', b: '说明二' } }));
    clock.advanceMinutes(1);
    const edited = value(library.applyEdit(id, { explanations: { a: null }, meta: { agency: ' 新名称 ', year: 2024, level: '市级部门' } }));
    expect(edited).toMatchObject({ agency: '新名称', year: 2024, level: '市级部门', updatedAt: clock.current.toISOString() });
    expect(value(library.get(id)).report.explanations).toEqual({ b: '说明二' });
  });

  it('keeps the 落款, 成文日期 and preamble of a report: imported, edited, removed', () => {
    const imported = { ...seedReport(), signature: '余杭区统计局办公室', date: '2023-01-20', preamble: '本报告根据《条例》编制。' };
    const { id } = value(library.add(imported));
    expect(value(library.get(id)).report).toMatchObject({
      signature: '余杭区统计局办公室',
      date: '2023-01-20',
      preamble: '本报告根据《条例》编制。',
    });
    value(library.applyEdit(id, { meta: { signature: '余杭区统计局', date: '2023-01-31' } }));
    expect(value(library.get(id)).report).toMatchObject({ signature: '余杭区统计局', date: '2023-01-31' });
    value(library.applyEdit(id, { meta: { signature: null, date: '', preamble: '' } }));
    const cleared = value(library.get(id)).report;
    expect([cleared.signature, cleared.date, cleared.preamble]).toEqual([undefined, undefined, undefined]);
    expect(library.applyEdit(id, { meta: { date: '2023-13-45' } }).ok).toBe(false);
  });

  it('replaces the whole content in one step and keeps the former content as a revision', () => {
    const { id } = value(library.create({ agency: '余杭区统计局', year: 2022, level: '县区部门' }));
    value(library.applyEdit(id, { narratives: { other: '旧文字' } }));
    value(library.replace(id, seedReport()));
    expect(value(library.get(id)).report).toEqual(seedReport());
    const revisions = value(library.listRevisions(id));
    expect(revisions[0]!.reason).toBe('replace');
    expect(value(library.getRevision(id, revisions[0]!.id)).narratives.other).toBe('旧文字');
  });

  it('duplicates a report as a new draft with the same content', () => {
    const original = value(library.add(seedReport()));
    value(library.setStatus(original.id, '定稿'));
    const copy = value(library.duplicate(original.id));
    expect(copy.id).not.toBe(original.id);
    expect(copy.status).toBe('草稿');
    expect(copy.report).toEqual(seedReport());
  });
});

describe('recycle bin', () => {
  it('removes to the bin, restores, and purges only from the bin', () => {
    const { id } = value(library.add(seedReport()));
    value(library.applyEdit(id, { narratives: { other: '改过' } }));
    const refused = library.purge(id);
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.message).toContain('请先把报告移到回收站');
    value(library.remove(id));
    const edit = library.applyEdit(id, { narratives: { other: 'x' } });
    expect(edit.ok).toBe(false);
    if (!edit.ok) expect(edit.error.message).toContain('回收站');
    value(library.restore(id));
    expect(value(library.list()).map((s) => s.id)).toEqual([id]);
    value(library.remove(id));
    value(library.purge(id));
    expect(library.get(id).ok).toBe(false);
    expect(value(library.list({ includeDeleted: true }))).toEqual([]);
    const raw = new Database(tmp.dbPath, { readonly: true });
    const left = ['cells', 'narratives', 'explanations', 'revisions'].map(
      (t) => (raw.prepare(`SELECT count(*) AS n FROM ${t} WHERE report_id = ?`).get(id) as { n: number }).n,
    );
    raw.close();
    expect(left).toEqual([0, 0, 0, 0]);
  });
});

describe('status', () => {
  it('refuses 定稿 while errors or unexplained warnings remain, naming how many', () => {
    const { id } = value(library.add(setCells(seedReport(), [['requests.received.total', 11]])));
    const refused = library.setStatus(id, '定稿');
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.message).toMatch(/还有 [1-9]\d* 个错误和 \d+ 个未写核实说明的需核实项，不能定稿/);
    expect(value(library.get(id)).status).toBe('草稿');
  });

  it("judges continuity against the same body's previous year in the library", () => {
    value(
      library.add(
        setCells(seedReport(), [
          ['requests.carried_forward.natural', 1],
          ['requests.carried_forward.total', 1],
          ['requests.received.natural', 11],
          ['requests.received.total', 11],
        ]),
      ),
    );
    // This year's report is the seed again, labelled 2023: clean by itself, but its 上年结转 (0) isn't last year's 结转 (1).
    const { id } = value(
      library.add({
        ...seedReport(),
        year: 2023,
        narratives: {
          ...seedReport().narratives,
          overview: seedReport().narratives.overview.replaceAll('2022', '2023'),
          problems: '2023年问题与改进。'.repeat(20),
          other: '本单位2023年未收取信息处理费。',
        },
      }),
    );
    const refused = library.setStatus(id, '定稿');
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.message).toMatch(/还有 [1-9]\d* 个未写核实说明的需核实项，不能定稿/);
  });

  it('allows 定稿 when clean, then refuses edits until set back to 草稿; each change is a revision', () => {
    const { id } = value(library.add(seedReport()));
    const final = value(library.setStatus(id, '定稿'));
    expect(final.status).toBe('定稿');
    const edit = library.applyEdit(id, { cells: { 'proactive.penalty.decisions': 7 } });
    expect(edit.ok).toBe(false);
    if (!edit.ok) expect(edit.error.message).toContain('请先把状态改回“草稿”');
    value(library.setStatus(id, '草稿'));
    // The status snapshot is the latest revision: the next edits within N minutes add none.
    value(library.applyEdit(id, { cells: { 'proactive.penalty.decisions': 7 } }));
    clock.advanceMinutes(5);
    value(library.applyEdit(id, { cells: { 'proactive.penalty.decisions': 8 } }));
    const reasons = value(library.listRevisions(id)).map((r) => [r.reason, r.status]);
    expect(reasons).toEqual([
      ['edit', '草稿'],
      ['status', '草稿'],
      ['status', '定稿'],
    ]);
  });

  it('allows 定稿 once every warning has a 核实说明 that says why, not a token', () => {
    const { id } = value(library.create({ agency: '某局', year: 2023, level: '县区部门' }));
    const refused = library.setStatus(id, '定稿');
    expect(refused.ok).toBe(false);
    const explanations = Object.fromEntries(
      [
        'cell.blank:proactive',
        'cell.blank:requests',
        'cell.blank:appeals',
        'narrative.required:overview',
        'narrative.required:problems',
        'narrative.required:other',
      ].map((f) => [f, '本单位本年度确无此类事项，经核对原始台账无误']),
    );
    value(library.applyEdit(id, { explanations }));
    // Without its text a report is not a report: narrative.empty is an error no explanation lifts.
    expect(library.setStatus(id, '定稿').ok).toBe(false);
    value(
      library.applyEdit(id, {
        narratives: {
          overview: '本年度主动公开政府信息120条，收到申请0件。',
          problems: '一是公开内容不够全面；二是解读形式单一。下一步将加强培训。',
          other: '本年度未收取信息处理费。',
        },
      }),
    );
    // A token is not a 核实说明: "已核实" for each warning still keeps the report from being final.
    const tokens = Object.fromEntries(Object.keys(explanations).map((f) => [f, '已核实']));
    value(library.applyEdit(id, { explanations: tokens }));
    expect(library.setStatus(id, '定稿').ok).toBe(false);
    value(library.applyEdit(id, { explanations }));
    expect(value(library.setStatus(id, '定稿')).status).toBe('定稿');
  });
});

describe('revisions', () => {
  it('snapshots the state before an edit at most every N minutes', async () => {
    library.close();
    library = (await open(tmp.dbPath, { now: clock.now, revisionMinutes: 5 })).library;
    const { id } = value(library.create({ agency: '某局', year: 2023, level: '县区部门' }));
    for (let n = 1; n <= 4; n++) {
      value(library.applyEdit(id, { cells: { 'proactive.penalty.decisions': n } }));
      clock.advanceMinutes(1);
    }
    expect(value(library.listRevisions(id))).toHaveLength(1);
    clock.advanceMinutes(1);
    value(library.applyEdit(id, { cells: { 'proactive.penalty.decisions': 5 } }));
    const revisions = value(library.listRevisions(id));
    expect(revisions).toHaveLength(2);
    expect(valueAt(value(library.getRevision(id, revisions[1]!.id)), 'proactive.penalty.decisions')).toBeNull();
    expect(valueAt(value(library.getRevision(id, revisions[0]!.id)), 'proactive.penalty.decisions')).toBe(4);
  });

  it('restores an earlier version after keeping the current one, exactly (text stays text)', () => {
    const { id } = value(library.create({ agency: '某局', year: 2023, level: '县区部门' }));
    value(library.applyEdit(id, { cells: { 'requests.received.natural': '12' }, narratives: { overview: '第一稿' } }));
    clock.advanceMinutes(10);
    value(library.applyEdit(id, { cells: { 'requests.received.natural': 30 }, narratives: { overview: '第二稿' } }));
    const firstDraft = value(library.listRevisions(id))[0]!;
    const restored = value(library.restoreRevision(id, firstDraft.id));
    expect(restored.report.narratives.overview).toBe('第一稿');
    expect(valueAt(restored.report, 'requests.received.natural')).toBe('12');
    const [kept] = value(library.listRevisions(id));
    expect(kept!.reason).toBe('restore');
    expect(value(library.getRevision(id, kept!.id)).narratives.overview).toBe('第二稿');
    const missing = library.restoreRevision(id, 9999);
    expect(missing.ok).toBe(false);
  });
});

describe('closing', () => {
  it('answers every call on a closed library with a Chinese error instead of throwing', () => {
    library.close();
    const listed = library.list();
    expect(listed.ok).toBe(false);
    if (!listed.ok) expect(listed.error.message).toContain('资料库已关闭');
  });
});
