// The SQL of the library: rows in, reports out. No policy here (who may edit
// what, when a revision is due): library.ts decides and wraps calls in
// transactions; this file only knows how a report is laid out in the tables.
import type { ReportStatus, ReportSummary, RevisionReason, RevisionSummary } from '../../../shared/api/contract';
import { asCellKey, CELLS, cellDef, cellEntries, type CellKey } from '../../../shared/model/cells';
import {
  blankReport,
  kindOf,
  markUnread,
  valueOf,
  type CellValue,
  type Report,
  type ReportKind,
  type SumMember,
} from '../../../shared/model/report';
import { reportToJson } from '../../../shared/model/report-json';
import { NARRATIVE_IDS, type Level, type NarrativeId } from '../../../shared/template/gov2021';
import type { Db } from './sqlite';
import { LOCKED_STATUSES } from '../../../shared/model/status';

export interface StoredReport extends ReportSummary {
  report: Report;
}

interface ReportRow {
  id: number;
  agency: string;
  year: number;
  level: string;
  signature: string | null;
  date: string | null;
  preamble: string | null;
  format: string;
  status: string;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
  revision: number;
  kind: ReportKind;
}

/** A summary's columns in the order `summaries` selects them. */
type SummaryColumns = [number, string, number, Level, ReportStatus, string, string, string | null, number, ReportKind];

const SUMMARY_COLUMNS =
  'id, agency, year, level, format, status, created_at, updated_at, deleted_at, revision, signature, date, preamble, kind';

/** A report's identity as the reports table holds it; `null` removes a closing line or the preamble. */
export interface StoredMeta {
  agency?: string;
  year?: number;
  level?: Level;
  signature?: string | null;
  date?: string | null;
  preamble?: string | null;
}

function toSummary(row: ReportRow): ReportSummary {
  return {
    id: row.id,
    agency: row.agency,
    year: row.year,
    level: row.level as Level,
    status: row.status as ReportStatus,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    deletedAt: row.deleted_at,
    revision: row.revision,
    kind: row.kind,
  };
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** An entry of the change log (migration 7): which entry, told apart from another of the same seq by its nonce. */
export interface LogEntry {
  seq: number;
  nonce: number;
}

/** What the change log holds after an entry: the reports written since, and its newest entry. */
export interface LoggedSince {
  ids: ReadonlySet<number>;
  newest: LogEntry;
}

export class ReportStore {
  private readonly byId;
  private readonly insertReport;
  private readonly upsertCell;
  private readonly markUnreadCell;
  private readonly upsertNarrative;
  private readonly upsertExplanation;
  private readonly deleteExplanation;
  private readonly touch;
  private readonly latestRevisionAt;
  private readonly insertRevision;
  // A report's rows, read as arrays in one call each: a revision snapshot loads the whole report at an edit.
  private readonly membersOf;
  private readonly cellsOf;
  private readonly narrativesOf;
  private readonly explanationsOf;

  constructor(private readonly db: Db) {
    this.byId = db.prepare<[number], ReportRow>(`SELECT ${SUMMARY_COLUMNS} FROM reports WHERE id = ?`);
    this.insertReport = db.prepare<[string, number, string, string, string, string, string, ReportKind]>(
      'INSERT INTO reports (agency, year, level, format, status, created_at, updated_at, kind) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    this.upsertCell = db.prepare<[number, string, CellValue]>(
      'INSERT INTO cells (report_id, key, value, unread) VALUES (?, ?, ?, NULL) ON CONFLICT (report_id, key) DO UPDATE SET value = excluded.value, unread = NULL',
    );
    this.markUnreadCell = db.prepare<[number, string, string]>(
      'INSERT INTO cells (report_id, key, value, unread) VALUES (?, ?, NULL, ?) ON CONFLICT (report_id, key) DO UPDATE SET value = NULL, unread = excluded.unread',
    );
    this.upsertNarrative = db.prepare<[number, string, string]>(
      'INSERT INTO narratives (report_id, section, text) VALUES (?, ?, ?) ON CONFLICT (report_id, section) DO UPDATE SET text = excluded.text',
    );
    this.upsertExplanation = db.prepare<[number, string, string]>(
      'INSERT INTO explanations (report_id, finding_id, text) VALUES (?, ?, ?) ON CONFLICT (report_id, finding_id) DO UPDATE SET text = excluded.text',
    );
    this.deleteExplanation = db.prepare<[number, string]>('DELETE FROM explanations WHERE report_id = ? AND finding_id = ?');
    this.touch = db.prepare<[string, number]>('UPDATE reports SET updated_at = ?, revision = revision + 1 WHERE id = ?');
    this.latestRevisionAt = db.prepare<[number], { created_at: string }>(
      'SELECT created_at FROM revisions WHERE report_id = ? ORDER BY created_at DESC, id DESC LIMIT 1',
    );
    this.insertRevision = db.prepare<[number, string, string, string, string]>(
      'INSERT INTO revisions (report_id, created_at, reason, status, snapshot) VALUES (?, ?, ?, ?, ?)',
    );
    this.membersOf = db.prepare<[number], SumMember>('SELECT agency, level FROM report_members WHERE report_id = ? ORDER BY position');
    this.cellsOf = db
      .prepare<[number], [string, CellValue, string | null]>('SELECT key, value, unread FROM cells WHERE report_id = ?')
      .raw(true);
    this.narrativesOf = db.prepare<[number], [NarrativeId, string]>('SELECT section, text FROM narratives WHERE report_id = ?').raw(true);
    this.explanationsOf = db
      .prepare<[number], [string, string]>('SELECT finding_id, text FROM explanations WHERE report_id = ? ORDER BY finding_id')
      .raw(true);
  }

  /** `read` in one read transaction: what it reads is one state of the file, whatever another program commits meanwhile. */
  reading<T>(read: () => T): T {
    return this.db.transaction(read).deferred();
  }

  /** The change log's newest entry; undefined when the log is empty or the file has none (written by a foreign tool). */
  newestLogged(): LogEntry | undefined {
    const row = this.tryLog(() =>
      this.db.prepare<[], [number, number]>('SELECT seq, nonce FROM report_changes ORDER BY seq DESC LIMIT 1').raw(true).get(),
    );
    return row && { seq: row[0], nonce: row[1] };
  }

  /**
   * The reports logged after `entry`; undefined when the log cannot say:
   * `entry` is gone (pruned, or the file was replaced by a copy whose log
   * never held it, or numbers its entries again) or the log is missing.
   */
  loggedSince(entry: LogEntry): LoggedSince | undefined {
    const rows = this.tryLog(() =>
      this.db
        .prepare<[number], [number, number, number]>('SELECT seq, nonce, report_id FROM report_changes WHERE seq >= ? ORDER BY seq')
        .raw(true)
        .all(entry.seq),
    );
    const [first] = rows ?? [];
    if (!rows || !first || first[0] !== entry.seq || first[1] !== entry.nonce) return undefined;
    const [seq, nonce] = rows[rows.length - 1]!;
    return { ids: new Set(rows.slice(1).map((r) => r[2])), newest: { seq, nonce } };
  }

  /** A read of the change log (prepared at each read: a file may lose the table while open), or undefined where the file has none. */
  private tryLog<T>(read: () => T): T | undefined {
    try {
      return read();
    } catch (err) {
      if (err instanceof Error && /no such table/.test(err.message)) return undefined;
      throw err;
    }
  }

  /** Nothing to back up yet. */
  isEmpty(): boolean {
    return this.db.prepare('SELECT 1 FROM reports LIMIT 1').get() === undefined;
  }

  summary(id: number): ReportSummary | undefined {
    const row = this.byId.get(id);
    return row && toSummary(row);
  }

  load(id: number): StoredReport | undefined {
    const row = this.byId.get(id);
    if (!row) return undefined;
    const report: Report = {
      ...blankReport({ agency: row.agency, year: row.year, level: row.level as Level }),
      ...(row.signature !== null ? { signature: row.signature } : {}),
      ...(row.date !== null ? { date: row.date } : {}),
      ...(row.preamble !== null ? { preamble: row.preamble } : {}),
    };
    if (row.kind === 'sum') {
      report.kind = 'sum';
      report.members = this.membersOf.all(id);
    }
    const unread: [CellKey, string][] = [];
    for (const [key, value, reason] of this.cellsOf.all(id)) {
      const known = asCellKey(key);
      const d = known && cellDef(known);
      if (!d) continue;
      report.tables[d.table][d.row]![d.col] = value;
      if (reason !== null) unread.push([d.key, reason]);
    }
    for (const [section, text] of this.narrativesOf.all(id)) report.narratives[section] = text;
    for (const [findingId, text] of this.explanationsOf.all(id)) report.explanations[findingId] = text;
    return { ...toSummary(row), report: markUnread(report, unread) };
  }

  /** Reports matching every whitespace-separated word of `search` in agency and year as the title reads them ("区统计局2023"). */
  summaries(search: string, includeDeleted: boolean): ReportSummary[] {
    const words = search.split(/\s+/).filter(Boolean);
    const where = [
      includeDeleted ? '1' : 'deleted_at IS NULL',
      ...words.map(() => "(agency || CAST(year AS TEXT) || '年') LIKE ? ESCAPE '\\'"),
    ];
    const params = words.map((w) => `%${escapeLike(w)}%`);
    // Rows as arrays, made into objects of one literal shape here: better-sqlite3's objects (keys added one by one)
    // take over twice as long to build, the larger part of reading 10,000 rows.
    return this.db
      .prepare<string[], SummaryColumns>(
        `SELECT id, agency, year, level, status, created_at, updated_at, deleted_at, revision, kind FROM reports WHERE ${where.join(' AND ')}`,
      )
      .raw(true)
      .all(...params)
      .map(([id, agency, year, level, status, createdAt, updatedAt, deletedAt, revision, kind]) => ({
        id,
        agency,
        year,
        level,
        status,
        createdAt,
        updatedAt,
        deletedAt,
        revision,
        kind,
      }));
  }

  /**
   * The body's report for a year — of a kind: its own report, or a 汇总 of the
   * bodies under it; never the one for the other — a locked one (定稿, 已发布)
   * before drafts, then the latest edited.
   */
  find(agency: string, year: number, kind: ReportKind = 'report'): ReportSummary | undefined {
    const row = this.db
      .prepare<[string, number, ReportKind], ReportRow>(
        `SELECT ${SUMMARY_COLUMNS} FROM reports WHERE agency = ? AND year = ? AND kind = ? AND deleted_at IS NULL
         ORDER BY status IN (${LOCKED_STATUSES.map((s) => `'${s}'`).join(', ')}) DESC, updated_at DESC, id DESC LIMIT 1`,
      )
      .get(agency, year, kind);
    return row && toSummary(row);
  }

  insert(report: Report, status: ReportStatus, at: string): number {
    const { lastInsertRowid } = this.insertReport.run(
      report.agency,
      report.year,
      report.level,
      report.format,
      status,
      at,
      at,
      kindOf(report),
    );
    const id = Number(lastInsertRowid);
    this.writeContent(id, report);
    return id;
  }

  /** Writes every field, cell, narrative and explanation of `report` over what `id` holds. */
  writeContent(id: number, report: Report): void {
    this.setMeta(id, {
      agency: report.agency,
      year: report.year,
      level: report.level,
      signature: report.signature ?? null,
      date: report.date ?? null,
      preamble: report.preamble ?? null,
    });
    this.setCells(
      id,
      CELLS.map((c) => [c.key, valueOf(report, c)]),
    );
    this.setUnread(id, cellEntries(report.unread ?? {}));
    this.setNarratives(id, report.narratives);
    this.db.prepare('DELETE FROM explanations WHERE report_id = ?').run(id);
    this.setExplanations(id, Object.entries(report.explanations));
    this.setMembers(id, report.members ?? []);
  }

  /** The bodies a 汇总 adds up, in order (none for a body's own report). */
  private setMembers(id: number, members: readonly SumMember[]): void {
    this.db.prepare('DELETE FROM report_members WHERE report_id = ?').run(id);
    const insert = this.db.prepare<[number, number, string, string]>(
      'INSERT INTO report_members (report_id, position, agency, level) VALUES (?, ?, ?, ?)',
    );
    members.forEach((m, i) => insert.run(id, i, m.agency, m.level));
  }

  /** Writes values; a cell written is no longer unread (as `setCells` of the model). */
  setCells(id: number, cells: Iterable<readonly [CellKey, CellValue]>): void {
    for (const [key, value] of cells) this.upsertCell.run(id, key, value);
  }

  /** Marks cells unread, blank, with the reason the author is shown. */
  setUnread(id: number, cells: Iterable<readonly [CellKey, string]>): void {
    for (const [key, reason] of cells) this.markUnreadCell.run(id, key, reason);
  }

  setNarratives(id: number, narratives: Partial<Record<NarrativeId, string>>): void {
    for (const n of NARRATIVE_IDS) {
      const text = narratives[n];
      if (text !== undefined) this.upsertNarrative.run(id, n, text);
    }
  }

  /** `null` or "" removes an explanation (the engine treats both as none). */
  setExplanations(id: number, explanations: Iterable<readonly [string, string | null]>): void {
    for (const [findingId, text] of explanations) {
      if (text === null || text === '') this.deleteExplanation.run(id, findingId);
      else this.upsertExplanation.run(id, findingId, text);
    }
  }

  setMeta(id: number, meta: StoredMeta): void {
    // An empty closing line or preamble is none.
    const sets = (Object.entries(meta) as [string, string | number | null | undefined][])
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => [k, v === '' && k !== 'agency' ? null : v] as const);
    if (sets.length === 0) return;
    this.db.prepare(`UPDATE reports SET ${sets.map(([k]) => `${k} = ?`).join(', ')} WHERE id = ?`).run(...sets.map(([, v]) => v), id);
  }

  setStatus(id: number, status: ReportStatus, at: string): void {
    this.db.prepare('UPDATE reports SET status = ?, updated_at = ?, revision = revision + 1 WHERE id = ?').run(status, at, id);
  }

  setDeleted(id: number, at: string | null): void {
    this.db.prepare('UPDATE reports SET deleted_at = ?, revision = revision + 1 WHERE id = ?').run(at, id);
  }

  touchUpdated(id: number, at: string): void {
    this.touch.run(at, id);
  }

  purge(id: number): void {
    // Cells, narratives, explanations and revisions go with it (ON DELETE CASCADE).
    this.db.prepare('DELETE FROM reports WHERE id = ?').run(id);
  }

  lastRevisionAt(id: number): string | undefined {
    return this.latestRevisionAt.get(id)?.created_at;
  }

  addRevision(id: number, reason: RevisionReason, stored: StoredReport, at: string): void {
    this.insertRevision.run(id, at, reason, stored.status, reportToJson(stored.report));
  }

  revisions(id: number): RevisionSummary[] {
    return this.db
      .prepare<[number], { id: number; report_id: number; created_at: string; reason: RevisionReason; status: ReportStatus }>(
        'SELECT id, report_id, created_at, reason, status FROM revisions WHERE report_id = ? ORDER BY created_at DESC, id DESC',
      )
      .all(id)
      .map((r) => ({ id: r.id, createdAt: r.created_at, reason: r.reason, status: r.status }));
  }

  revisionSnapshot(id: number, revisionId: number): string | undefined {
    return this.db
      .prepare<[number, number], { snapshot: string }>('SELECT snapshot FROM revisions WHERE report_id = ? AND id = ?')
      .get(id, revisionId)?.snapshot;
  }
}
