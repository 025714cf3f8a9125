// The API between renderer and main: channel names, a zod schema for every
// payload, and the result each channel answers with. The same contract is
// carried over Electron IPC (preload) and over HTTP (`nianbao serve`); only
// the transport differs.
import { FORMAT_IDS, isExportFormat, type FormatId } from '../formats';
import { z } from 'zod';
import { AGENCY_MAX_CHARS, dateSchema, identitySchema, signatureSchema, yearSchema } from '../model/identity';
import { FILE_LIMITS, limitedText } from '../model/limits';
import { cellChangesSchema, editPatchSchema, narrativesSchema } from '../model/patch';
import type { Report, ReportKind } from '../model/report';
import type { ImportRecord } from './import';
import { reportSchema, unreadSchema } from '../model/report-json';
import { INFOGRAPHIC_KINDS } from '../infographic/outputs';
import { levelSchema } from '../model/identity';
import type { ParsedRoster } from '../review/roster';
import type { ReceiveOutcome, RoundSummary, RoundView } from '../review/round';
import { MAX_HIGHLIGHTS } from '../infographic/highlights';

// 已发布: a past year's report read from the document that was published (src/shared/model/status.ts).
export const STATUSES = ['草稿', '定稿', '已发布'] as const;

export type ReportStatus = (typeof STATUSES)[number];

/** What the author sets by hand: 已发布 comes only from the file a report was read from. */
export const AUTHOR_STATUSES = ['草稿', '定稿'] as const satisfies readonly ReportStatus[];
export type AuthorStatus = (typeof AUTHOR_STATUSES)[number];

const id = z.number().int().positive();
/** The most bodies a round's roster holds, and takes at once. */
export const MAX_ROSTER = 5000;
const rosterEntry = z.strictObject({ name: z.string().trim().min(1).max(AGENCY_MAX_CHARS), level: levelSchema });
const bodyIds = z.array(z.number().int().positive()).min(1).max(MAX_ROSTER);
const noteSchema = z.string().max(2000);
const fileData = { fileName: z.string().min(1).max(255), data: z.base64().max(FILE_LIMITS.base64Chars, '文件过大') };

export type { EditPatch } from '../model/patch';

/** Payload schemas, one per channel. */
export const inputs = {
  'app.info': z.strictObject({}),
  'library.list': z.strictObject({ search: z.string().max(100).optional(), deleted: z.boolean().optional() }),
  // With fromPrevious, the report starts from the same body's report for year − 1.
  'library.create': identitySchema.extend({ fromPrevious: z.boolean().optional() }),
  'library.open': z.strictObject({ id }),
  // `revision`: the report's revision the patch was made on, always: a save on an older one is refused (code
  // 'conflict'), and one without it too, so the check protects every client, not only those that send one.
  // keepBefore 'replace': an import, whose version before is kept in the same transaction as its changes.
  'library.edit': z.strictObject({
    id,
    patch: editPatchSchema,
    revision: z.number({ error: '修改没有注明它所依据的报告版本，未保存：请重新载入报告后再改' }).int().nonnegative(),
    keepBefore: z.enum(['replace']).optional(),
  }),
  'library.duplicate': z.strictObject({ id }),
  'library.remove': z.strictObject({ id }),
  'library.restore': z.strictObject({ id }),
  'library.setStatus': z.strictObject({ id, status: z.enum(AUTHOR_STATUSES) }),
  'library.revisions': z.strictObject({ id }),
  'library.revision': z.strictObject({ id, revisionId: id }),
  'library.restoreRevision': z.strictObject({ id, revisionId: id }),
  // A whole report read from a file becomes a new report in one transaction.
  // `source`: the format of the file it was read from, which decides its status (src/shared/model/status.ts).
  'library.import': z.strictObject({ report: reportSchema, source: z.enum(FORMAT_IDS).optional() }),
  // 开始今年的报告: last year's report (in the library, or read from a file), this year's from it, this year's figures on top — one transaction.
  // No `previous`: the body's first report in this library, from this year's files alone.
  'library.start': z.strictObject({
    previous: z.union([z.strictObject({ id }), z.strictObject({ report: reportSchema, source: z.enum(FORMAT_IDS).optional() })]).optional(),
    meta: identitySchema.pick({ agency: true, year: true, level: true }),
    cells: cellChangesSchema,
    // Cells this year's files did not give, with the reason: unknown in the new report, never 0.
    unread: unreadSchema.optional(),
    // This year's draft: its sections, and the preamble, 落款 and 成文日期 it closes with.
    narratives: narrativesSchema.optional(),
    closing: z
      .strictObject({ preamble: limitedText('preamble').optional(), signature: signatureSchema.optional(), date: dateSchema.optional() })
      .optional(),
    // 全部修正 on the new report, in the same transaction.
    fixAll: z.boolean().optional(),
  }),
  // A file picked or dropped in the app: its name and content (base64).
  'import.read': z.strictObject({
    fileName: z.string().min(1).max(255),
    data: z.base64().max(FILE_LIMITS.base64Chars, '文件过大'),
    // The report the file goes into, where there is one: its body and year stand where the file names none.
    agency: z.string().max(AGENCY_MAX_CHARS).optional(),
    year: yearSchema.optional(),
    // This year's draft for 开始今年的报告: a document's text is read even where it has no tables yet.
    allowNoTables: z.boolean().optional(),
  }),
  'export.document': z.strictObject({
    id,
    format: z.enum(FORMAT_IDS).refine(isExportFormat, '这种格式只能读取，不能导出'),
    draft: z.boolean(),
    oneSheet: z.boolean().optional(),
    // Excel: leave out the 审核情况 sheet; web page: print 落款 and 成文日期.
    audit: z.boolean().optional(),
    closing: z.boolean().optional(),
  }),
  // The 一图读懂 of a report, with the author's highlights (kept with the editor, not in the report).
  'export.infographic': z.strictObject({
    id,
    kind: z.enum(INFOGRAPHIC_KINDS),
    highlights: z.array(z.string().max(500)).max(MAX_HIGHLIGHTS),
  }),
  'files.reveal': z.strictObject({ path: z.string().min(1).max(4096) }),
  // 一轮收集 (汇总与审核): the rounds of the library, each a year's roster and what happened to each body.
  'round.list': z.strictObject({}),
  'round.open': z.strictObject({ year: yearSchema }),
  'round.create': z.strictObject({
    year: yearSchema,
    region: z.string().max(AGENCY_MAX_CHARS),
    roster: z.array(rosterEntry).max(MAX_ROSTER),
    // Carry last year's round's bodies and levels.
    fromPrevious: z.boolean().optional(),
  }),
  'round.roster': z.strictObject({
    year: yearSchema,
    add: z.array(rosterEntry).max(MAX_ROSTER).optional(),
    remove: z.array(z.number().int().positive()).max(MAX_ROSTER).optional(),
    levels: z
      .array(z.strictObject({ id: z.number().int().positive(), level: levelSchema }))
      .max(MAX_ROSTER)
      .optional(),
  }),
  // A roster kept as a file (a text file, or a workbook whose first column of names lists the bodies).
  'round.rosterFile': z.strictObject(fileData),
  // A body's report dropped on the round; `asPrevious`: last year's report, for the continuity checks.
  'round.receive': z.strictObject({ year: yearSchema, ...fileData, asPrevious: z.boolean().optional() }),
  // 退回: the chosen bodies' Word 问题清单, then the return recorded.
  'round.return': z.strictObject({ year: yearSchema, bodyIds, note: noteSchema.optional() }),
  'round.accept': z.strictObject({ year: yearSchema, bodyIds, note: noteSchema }),
  'round.reopen': z.strictObject({ year: yearSchema, bodyId: id }),
  // A body's last report as a report of the library, to open in the editor.
  'round.copy': z.strictObject({ year: yearSchema, bodyId: id }),
  'round.workbook': z.strictObject({ year: yearSchema }),
  'round.sum': z.strictObject({
    year: yearSchema,
    agency: z.string().trim().min(1).max(AGENCY_MAX_CHARS),
    level: levelSchema,
    bodyIds,
    includeErrors: z.boolean(),
  }),
} as const;

export type Channel = keyof typeof inputs;
export type Input<C extends Channel> = z.input<(typeof inputs)[C]>;

export interface ReportSummary {
  id: number;
  agency: string;
  year: number;
  level: Report['level'];
  status: ReportStatus;
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
  /** Counts the report's saved changes; a save names the revision it was made on (`library.edit`). */
  revision: number;
  /** A body's own report, or a 汇总 of several bodies' (shown as such, never taken for the other). */
  kind: ReportKind;
}

export interface OpenedReport {
  summary: ReportSummary;
  report: Report;
  /** The same body's report for year − 1, for the continuity rules; null when the library has none. */
  previous: Report | null;
}

/** A snapshot is taken before: an edit session ('edit'), an import ('replace'), a status change, a restore. */
export type RevisionReason = 'edit' | 'replace' | 'status' | 'restore';

export interface RevisionSummary {
  id: number;
  createdAt: string;
  reason: RevisionReason;
  /** The report's status when the snapshot was taken. */
  status: ReportStatus;
}

export interface AppInfo {
  version: string;
  databasePath: string;
  /** Set once after start-up when the library had to be recovered: tell the user. */
  recovery: string | null;
  /** Set when the library can only be read (a read-only file or disk): why editing is off and what to do. */
  readOnly: string | null;
  /** 'desktop' in Electron, 'browser' under `nianbao serve`. */
  shell: 'desktop' | 'browser';
}

/** What each channel answers with. */
export interface Outputs {
  'app.info': AppInfo;
  'library.list': ReportSummary[];
  'library.create': ReportSummary;
  'library.open': OpenedReport;
  'library.edit': ReportSummary;
  'library.duplicate': ReportSummary;
  'library.remove': ReportSummary;
  'library.restore': ReportSummary;
  'library.setStatus': ReportSummary;
  'library.revisions': RevisionSummary[];
  'library.revision': Report;
  'library.restoreRevision': OpenedReport;
  'library.import': ReportSummary;
  'library.start': StartedReport;
  'import.read': ImportedFile;
  'export.document': ExportOutcome;
  'export.infographic': ExportOutcome;
  'files.reveal': null;
  'round.list': RoundSummary[];
  'round.open': RoundView;
  'round.create': RoundView;
  'round.roster': RoundView;
  'round.rosterFile': ParsedRoster;
  'round.receive': ReceiveOutcome;
  'round.return': { outcome: ExportOutcome; view: RoundView };
  'round.accept': RoundView;
  'round.reopen': RoundView;
  'round.copy': ReportSummary;
  'round.workbook': ExportOutcome;
  'round.sum': SummedRound;
}

/** A 汇总 made from a round: stored in the library, with what it says of the figures and the reports left out. */
export interface SummedRound {
  summary: ReportSummary;
  notices: string[];
  excluded: { fileName: string; agency: string; reason: string }[];
}

/** This year's report as 开始今年的报告 made it, and what 全部修正 changed in it, in words ('' for nothing). */
export interface StartedReport {
  summary: ReportSummary;
  fixed: string;
}

export interface ImportedFile {
  /** The report as read from the file; the preview compares it with the open one. */
  report: Report;
  /** For a workbook: where each value was read from, what was guessed, what was not found. */
  record: ImportRecord | null;
  notes: string[];
}

/** Every known format is written; the table in `../formats` says so. */
export type ExportFormat = FormatId;

export type ExportOutcome =
  /** Desktop: written where the user chose in the save dialog. */
  | { kind: 'saved'; path: string }
  /** Browser: the file's content, for the browser to download. */
  | { kind: 'download'; fileName: string; mime: string; data: string }
  | { kind: 'cancelled' };

export type Output<C extends Channel> = Outputs[C];
