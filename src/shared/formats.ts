// Every file type the program knows, written once: what it is called, its
// extensions, its MIME type, and whether the program reads and writes it.
// The CLI's help and checks, the export dialog, the import pickers, the
// desktop save dialog and the readers/writers registry all read this table.

export const FORMAT_IDS = ['json', 'xlsx', 'docx', 'html', 'pdf', 'txt'] as const;
export type FormatId = (typeof FORMAT_IDS)[number];

export interface FileFormat {
  id: FormatId;
  /** What the user sees in dialogs ("Word 文档"). */
  label: string;
  /** What the export dialog says a format is for. */
  hint: string;
  /** Lower-case extensions with the dot; the first is the one written. */
  extensions: readonly string[];
  /** Extensions read as this format but never written (a page saved as one file, .mhtml). */
  alsoReads?: readonly string[];
  mime: string;
  /** Read by every command, the library's 从文件新建 and the editor's import. */
  readable: boolean;
  /** Offered by `export` and the export dialog. */
  writable: boolean;
  /** The form a report goes out in (what a body prints or puts on its portal): read back, it is the published report, not a draft. */
  published: boolean;
  /** Read as a report when found in a folder of reports (a text file there is a note beside them, not a report). */
  inFolders: boolean;
}

export const FILE_FORMATS: readonly FileFormat[] = [
  {
    id: 'docx',
    label: 'Word 文档',
    hint: '报送用，公文格式，可在 Word、WPS 中修改',
    extensions: ['.docx'],
    mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    readable: true,
    writable: true,
    published: true,
    inFolders: true,
  },
  {
    id: 'pdf',
    label: 'PDF',
    hint: '报送或存档，版式固定',
    extensions: ['.pdf'],
    mime: 'application/pdf',
    readable: true,
    writable: true,
    published: true,
    inFolders: true,
  },
  {
    id: 'html',
    label: '网页',
    hint: '在门户网站发布，表格合并单元格与模板一致',
    extensions: ['.html', '.htm'],
    alsoReads: ['.mhtml', '.mht'],
    mime: 'text/html',
    readable: true,
    writable: true,
    published: true,
    inFolders: true,
  },
  {
    id: 'xlsx',
    label: 'Excel 表格',
    hint: '三张统计表与审核情况，总计为公式',
    extensions: ['.xlsx', '.xlsm'],
    mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    readable: true,
    writable: true,
    published: false,
    inFolders: true,
  },
  {
    id: 'txt',
    label: '文本文件',
    hint: '从记事本、WPS 另存或网页复制的文字，表格以“|”或制表符分列',
    extensions: ['.txt'],
    mime: 'text/plain',
    readable: true,
    writable: false,
    published: false,
    inFolders: false,
  },
  {
    id: 'json',
    label: '年报数据',
    hint: '交换和备份，可再导入',
    extensions: ['.json'],
    mime: 'application/json',
    readable: true,
    writable: true,
    published: false,
    inFolders: true,
  },
];

/** A picture the program writes (the 一图读懂) but never reads: not a report format, so not in the table above. */
export const PNG_FILE = { label: 'PNG 图片', extensions: ['.png'], mime: 'image/png' } as const;

/** Legacy binaries a clerk may pick: refused with their own advice, never read. */
export const LEGACY_EXTENSIONS: Readonly<Record<string, string>> = {
  '.xls': '请在 Excel/WPS 中另存为 .xlsx 后导入',
  '.doc': '请用 Word 或 WPS 另存为 .docx 后导入',
  '.wps': '请用 WPS 另存为 .docx 后导入',
  '.et': '请用 WPS 另存为 .xlsx 后导入',
};

export const EXPORT_FORMATS = FILE_FORMATS.filter((f) => f.writable).map((f) => f.id);

/** Whether the program writes a format (a text file is read, never written). */
export function isExportFormat(id: FormatId): boolean {
  return EXPORT_FORMATS.includes(id);
}

export function fileFormat(id: FormatId): FileFormat {
  return FILE_FORMATS.find((f) => f.id === id)!;
}

/** The format a file name's extension says, if the program knows it. */
export function formatOfName(name: string): FileFormat | undefined {
  const ext = extensionOf(name);
  return FILE_FORMATS.find((f) => f.extensions.includes(ext) || f.alsoReads?.includes(ext));
}

export function extensionOf(name: string): string {
  const base = name.slice(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
  const dot = base.lastIndexOf('.');
  return dot <= 0 ? '' : base.slice(dot).toLowerCase();
}

/** Extensions the program reads, in the table's order (".xlsx、.json …"). */
export function readableExtensions(): string[] {
  return FILE_FORMATS.filter((f) => f.readable).flatMap((f) => [...f.extensions, ...(f.alsoReads ?? [])]);
}

/** Files a folder may hold that are meant as reports: the formats read from folders, and the legacy ones (they get their advice). */
export function reportFileExtensions(): string[] {
  return [
    ...FILE_FORMATS.filter((f) => f.inFolders).flatMap((f) => [...f.extensions, ...(f.alsoReads ?? [])]),
    ...Object.keys(LEGACY_EXTENSIONS),
  ];
}

const REPORT_EXTENSIONS = new Set(reportFileExtensions());

/** Office's lock files (~$报告.docx) and hidden files: nobody's report, and not worth a line. */
export function isIgnoredFile(name: string): boolean {
  return name.startsWith('.') || name.startsWith('~$');
}

/** Whether a file's extension is one a folder of reports is read for. */
export function hasReportExtension(name: string): boolean {
  return REPORT_EXTENSIONS.has(extensionOf(name));
}

/** Whether a file from a folder ("统计局/年报.xlsx") is meant as a report, not a picture, a note or a lock file beside the reports. */
export function isReportFile(path: string): boolean {
  const base = path.split('/').pop() ?? path;
  return !isIgnoredFile(base) && hasReportExtension(base);
}

/** For `<input type=file accept>`: what is read, and the legacy types so they get their advice. */
export function importAccept(): string {
  return [...readableExtensions(), ...Object.keys(LEGACY_EXTENSIONS)].join(',');
}
