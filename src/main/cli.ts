// The `nianbao` command (docs/report-format.md, "The command"). Every command reads files through
// the one reader registry, so each new file type works in all of them.
import { EXIT, HelpRequest, parse, UsageError, yearOption, type CliIO, type Command } from './cli-kit';
import type { ReadReport } from './formats/registry';
import type { ExportFormat } from '../shared/api/contract';
import { EXPORT_FORMATS, FILE_FORMATS, formatOfName } from '../shared/formats';
import { localMinute, localToday } from '../shared/model/dates';
import { validate } from '../shared/rules/engine';
import { describeFixes, fixAll, type AppliedFix } from '../shared/rules/fix-all';
import { cellDef } from '../shared/model/cells';
import { textLabel } from '../shared/model/limits';
import { documentOutline } from '../shared/rules/outline';
import { reportToJson } from '../shared/model/report-json';
import type { Report } from '../shared/model/report';
import { isExplained } from '../shared/rules/explanations';
import { countBySeverity, SEVERITY_LABEL, severityCounts, type Finding } from '../shared/rules/types';
import type { ReportLibrary } from './services/library';
import { LEVELS } from '../shared/template/gov2021';
import { basename } from 'node:path';
import { defaultHighlights, INFOGRAPHIC_OUTPUTS, infographicKindOf } from '../shared/infographic';

// The readers and writers (exceljs, docx, pdf-lib), review and 汇总, the browser mode (the handlers, ECharts, resvg),
// the library (better-sqlite3) are loaded by the commands that use them: together they take several times longer
// to load than the rest of the command, and `--help` or `validate x.json` need none of them.
const formats = () => import('./formats/registry');
const libraryModule = () => import('./services/library');
const exporting = () => import('./formats/export-gate');
const reviewing = () => import('./review/commands');
const reviewCmd: Command = async (args, io) => (await reviewing()).reviewCmd(args, io);
const sumCmd: Command = async (args, io) => (await reviewing()).sumCmd(args, io);

export { EXIT, type CliIO } from './cli-kit';

const defaultIO: CliIO = {
  out: (line) => process.stdout.write(line + '\n'),
  err: (line) => process.stderr.write(line + '\n'),
};

/** Each command's usage: its line and what it does, as `--help` and a mistyped option show it. */
const COMMAND_USAGE: Record<string, string> = {
  inspect: `inspect FILE [--agency 机关] [--year 年度]      以报告 JSON 显示 FILE`,
  validate: `validate FILE [--previous 上年FILE] [--json] [--fix --out 修正后.json]
                                                  校验报告，列出错误、需核实项和提示；--fix 做“全部修正”（与编辑器相同）
                                                  并把修正后的报告写入 --out，在标准错误输出逐条列出修改`,
  export: `export FILE --to ${EXPORT_FORMATS.join('|')} --out PATH [--previous 上年FILE] [--draft] [--one-sheet] [--no-audit] [--closing]
                                                  导出文档；有错误或未说明的需核实项时须加 --draft（标“草稿”）；
                                                  --one-sheet：Excel 的三张表放在同一个工作表；--no-audit：Excel 不附审核情况表；
                                                  --closing：网页也印落款和成文日期（Word、PDF 总是印）`,
  infographic: `infographic FILE [--previous 上年FILE] --out PATH(.png|.pdf|.html) [--scale 2] [--highlight 文字]…
                                                  一图读懂：PNG 750 像素宽（--scale 2 为 1500 像素，供印刷）、
                                                  A4 纸 PDF 或网页；--highlight 可写多次，不写则取自“总体情况”`,
  import: `import FILE [--db 资料库] [--agency 机关] [--year 年度] [--level 层级]
                                                  把 FILE 存入报告资料库，显示新报告的编号；
                                                  --agency、--year 用于文件中没写标题（机关、年度）的工作簿，
                                                  --level 为 ${LEVELS.join('、')} 之一`,
  list: `list [--db 资料库]                               列出资料库中的报告：编号、机关、年度、状态、修改时间`,
  review: `review FILE…|DIR [--previous 上年DIR] [--roster 名单] [--against 上轮] [--as-of 日期] [--out 问题清单.xlsx]
         [--word 问题清单.docx] [--region 本级FILE] [--json]
                                                  批量审核各单位的报告（各自对照上年报告），一行一份；--out 写问题清单工作簿，
                                                  --word 写逐单位的 Word 问题清单；--region：本级报告与各单位合计逐格比对；
                                                  --roster（文本文件每行一个单位，或工作簿第一列）列出未报送和逾期的单位；
                                                  --against（上轮的 --json 输出或问题清单.xlsx）标出已整改、仍存在、新发现；
                                                  --as-of 按这一天判断逾期（默认今天）`,
  sum: `sum FILE…|DIR --agency 机关 --year 年度 [--level 层级] [--previous 上年汇总] [--include-errors] [--out PATH]
                                                  把同一年度各单位的报告逐格相加为本地区的汇总报告（按 PATH 的扩展名写出）；
                                                  有错误的报告不计入，除非 --include-errors；--previous 只对照上年的汇总；
                                                  相加超出数字范围时拒绝（退出码 2）`,
  serve: `serve [--db 资料库] [--port 端口] [--open]        在浏览器中使用年报编制助手（无需 Electron）`,
};

const FILE_NOTE = `FILE 可以是${FILE_FORMATS.filter((f) => f.readable)
  .map((f) => `${f.label}（${[...f.extensions, ...(f.alsoReads ?? [])].join('、')}）`)
  .join('、')}；DIR 为文件夹时读取其中（含子文件夹）所有报告文件。`;

const USAGE = `用法：nianbao <命令> [参数]

${Object.entries(COMMAND_USAGE)
  .map(([name, usage]) => `${name === 'serve' ? '\n' : ''}  ${usage}`)
  .join('\n')}

${FILE_NOTE}`;

/** One command's usage, under the line that names the mistake. */
const commandUsage = (name: string) => `用法：nianbao ${COMMAND_USAGE[name] ?? ''}`;

async function load(path: string | undefined, io: CliIO, extra: { agency?: string; year?: number } = {}): Promise<ReadReport | undefined> {
  if (!path) throw new UsageError('缺少文件参数');
  const { readReportFile } = await formats();
  const read = await readReportFile(path, extra);
  if (!read.ok) {
    io.err(read.error.message);
    return undefined;
  }
  return read.value;
}

/**
 * FILE and last year's report named by --previous (null when none is named);
 * undefined when either can't be read (said on stderr).
 */
async function loadWithPrevious(
  path: string | undefined,
  previousPath: string | undefined,
  io: CliIO,
): Promise<{ read: ReadReport; previous: Report | null } | undefined> {
  const read = await load(path, io);
  if (!read) return undefined;
  if (!previousPath) return { read, previous: null };
  const previous = await load(previousPath, io);
  return previous && { read, previous: previous.report };
}

function findingLine(f: Finding, explanations: Readonly<Record<string, string>> = {}): string {
  return `${SEVERITY_LABEL[f.severity]}${isExplained(f, explanations) ? '（已说明）' : ''}  ${f.rule}  ${f.message}`;
}

function summary(findings: readonly Finding[], explanations: Readonly<Record<string, string>>): string {
  const done = findings.filter((f) => isExplained(f, explanations)).length;
  return severityCounts(countBySeverity(findings), done ? `（其中 ${done} 个已写核实说明）` : '');
}

/** The commands that read one FILE, and those that read none. */
const ONE_FILE = { maxPositionals: 1 };
const NO_FILE = { maxPositionals: 0 };

/** --agency and --year: the body and year where the file names none. */
const IDENTITY_OPTIONS = { agency: { type: 'string' }, year: { type: 'string' } } as const;

function identityOf(values: { agency?: string | boolean; year?: string | boolean }): { agency?: string; year?: number } {
  const year = typeof values.year === 'string' ? yearOption(values.year) : undefined;
  return { agency: values.agency as string | undefined, year };
}

const inspect: Command = async (args, io) => {
  const { positionals, values } = parse(args, IDENTITY_OPTIONS, ONE_FILE);
  const read = await load(positionals[0], io, identityOf(values));
  if (!read) return EXIT.unreadable;
  read.notes.forEach((n) => io.err(n));
  io.out(reportToJson(read.report).trimEnd());
  return EXIT.ok;
};

/** One line per change 全部修正 made, in the words the editor uses: the cells set, the words replaced. */
function fixLines(applied: readonly AppliedFix[]): string[] {
  return applied.flatMap((a) => [
    ...(a.cells.length > 0 ? [`已修正：${a.label}（${a.cells.map((k) => cellDef(k)?.name ?? k).join('、')}）`] : []),
    ...(a.edits ?? []).map((e) => `已修正：${textLabel(e.text)}「${e.was}」改为「${e.value}」（${a.label}）`),
  ]);
}

/** --fix --out: the report after 全部修正, written whole or not at all; what changed on stderr. */
async function writeFixed(report: Report, previous: Report | null, out: string, io: CliIO): Promise<Report | undefined> {
  const { report: fixed, applied } = fixAll(report, { previous });
  const { writeFileAtomic } = await import('./services/fs/files');
  const written = await writeFileAtomic(out, reportToJson(fixed));
  if (!written.ok) {
    io.err(written.error.message);
    return undefined;
  }
  fixLines(applied).forEach((line) => io.err(line));
  io.err(
    applied.length > 0
      ? `全部修正：${describeFixes(applied)}；已写入「${basename(out)}」`
      : `没有可以自动修正的问题；已原样写入「${basename(out)}」`,
  );
  return fixed;
}

const validateCmd: Command = async (args, io) => {
  const { positionals, values } = parse(
    args,
    {
      previous: { type: 'string' },
      json: { type: 'boolean' },
      fix: { type: 'boolean' },
      out: { type: 'string' },
    },
    ONE_FILE,
  );
  if (values.fix && !values.out) throw new UsageError('--fix 需要 --out 指定修正后报告的文件（.json）');
  if (values.out && !values.fix) throw new UsageError('--out 只与 --fix 一起使用');
  if (values.out && formatOfName(values.out)?.id !== 'json') throw new UsageError('--out 应为 .json 文件');
  const loaded = await loadWithPrevious(positionals[0], values.previous, io);
  if (!loaded) return EXIT.unreadable;
  const { read, previous } = loaded;
  const report = values.fix ? await writeFixed(read.report, previous, values.out!, io) : read.report;
  if (!report) return EXIT.unreadable;
  const outline = documentOutline(read.record?.text);
  const findings = validate(report, { previous, ...(outline ? { outline } : {}) });
  if (values.json) {
    const out = findings.map(({ id, rule, severity, message, cells }) => ({ id, rule, severity, message, cells }));
    io.out(JSON.stringify({ findings: out }, null, 2));
  } else {
    findings.forEach((f) => io.out(findingLine(f, report.explanations)));
    io.out(summary(findings, report.explanations));
  }
  return findings.some((f) => f.severity === 'error') ? EXIT.findings : EXIT.ok;
};

const exportCmd: Command = async (args, io) => {
  const { positionals, values } = parse(
    args,
    {
      to: { type: 'string' },
      out: { type: 'string' },
      previous: { type: 'string' },
      draft: { type: 'boolean' },
      'one-sheet': { type: 'boolean' },
      'no-audit': { type: 'boolean' },
      closing: { type: 'boolean' },
    },
    ONE_FILE,
  );
  const format = values.to as ExportFormat | undefined;
  if (!format || !EXPORT_FORMATS.includes(format)) throw new UsageError(`--to 应为 ${EXPORT_FORMATS.join('、')} 之一`);
  if (!values.out) throw new UsageError('缺少 --out 输出文件');
  const loaded = await loadWithPrevious(positionals[0], values.previous, io);
  if (!loaded) return EXIT.unreadable;
  const { read, previous } = loaded;
  const today = localToday();
  const { exportReport } = await exporting();
  const written = await exportReport({ report: read.report, previous, format, draft: !!values.draft, today }, values.out, {
    oneSheet: !!values['one-sheet'],
    audit: !values['no-audit'],
    closing: !!values.closing,
  });
  if (!written.ok) {
    written.blocking?.slice(0, 10).forEach((f) => io.err(findingLine(f)));
    io.err(written.blocking ? `${written.error.message}：请修改后再导出，或加 --draft 导出草稿` : written.error.message);
    return written.blocking ? EXIT.findings : EXIT.unreadable;
  }
  return EXIT.ok;
};

const INFOGRAPHIC_EXTENSIONS = [...new Set(INFOGRAPHIC_OUTPUTS.flatMap((o) => o.file.extensions))].join('、');

const infographicCmd: Command = async (args, io) => {
  const { positionals, values } = parse(
    args,
    {
      previous: { type: 'string' },
      out: { type: 'string' },
      scale: { type: 'string' },
      highlight: { type: 'string', multiple: true },
    },
    ONE_FILE,
  );
  if (!values.out) throw new UsageError('缺少 --out 输出文件');
  const scale = values.scale === undefined ? 1 : Number(values.scale);
  if (scale !== 1 && scale !== 2) throw new UsageError('--scale 应为 1 或 2');
  const kind = infographicKindOf(values.out, scale);
  if (!kind) throw new UsageError(`--out 的扩展名应为 ${INFOGRAPHIC_EXTENSIONS} 之一`);
  const loaded = await loadWithPrevious(positionals[0], values.previous, io);
  if (!loaded) return EXIT.unreadable;
  const { read, previous } = loaded;
  const report = read.report;
  // A picture of figures that do not add up would publish the mistake: say so, but draw it (it may be a draft for review).
  const errors = validate(report, { previous }).filter((f) => f.severity === 'error').length;
  if (errors > 0) io.err(`注意：报告还有 ${errors} 个错误（可用 nianbao validate 查看），图中的数字可能前后不一致`);
  const highlights = values.highlight?.map((h) => h.trim()).filter(Boolean) ?? defaultHighlights(report);
  // Loaded for this command only: ECharts and resvg take longer to load than every other command needs.
  const { writeInfographic } = await import('./services/infographic');
  const written = await writeInfographic({ report, previous, highlights }, kind, values.out);
  if (!written.ok) {
    io.err(written.error.message);
    return EXIT.unreadable;
  }
  return EXIT.ok;
};

const serveCmd: Command = async (args, io) => {
  const { values } = parse(args, { db: { type: 'string' }, port: { type: 'string' }, open: { type: 'boolean' } }, NO_FILE);
  const port = values.port === undefined ? undefined : Number(values.port);
  if (port !== undefined && !(Number.isInteger(port) && port > 0 && port < 65536)) throw new UsageError('--port 应为 1–65535 的端口号');
  const { serve } = await import('./serve/command');
  return serve({ db: values.db, port, open: values.open, out: io.out, err: io.err });
};

/** Opens the library (the app's own unless --db), runs `use`, lets the backups under way finish, closes. */
async function withLibrary(db: string | undefined, io: CliIO, use: (library: ReportLibrary) => number): Promise<number> {
  const { openLibrary, defaultDatabasePath } = await libraryModule();
  const opened = openLibrary(db ?? defaultDatabasePath());
  if (!opened.ok) {
    io.err(opened.error.message);
    return EXIT.unreadable;
  }
  const { library, recovery } = opened.value;
  if (recovery) io.err(recovery);
  try {
    return use(library);
  } finally {
    await library.backupsDone();
    library.close();
  }
}

const importCmd: Command = async (args, io) => {
  const { positionals, values } = parse(args, { db: { type: 'string' }, level: { type: 'string' }, ...IDENTITY_OPTIONS }, ONE_FILE);
  const level = values.level;
  if (level !== undefined && !(LEVELS as readonly string[]).includes(level)) throw new UsageError(`--level 应为 ${LEVELS.join('、')} 之一`);
  // Read and check first: a report the library would refuse never opens it, let alone creates an empty one.
  const read = await load(positionals[0], io, identityOf(values));
  if (!read) return EXIT.unreadable;
  const name = basename(positionals[0]!);
  if (!read.report.agency.trim()) {
    io.err(`「${name}」中没有写明机关名称，未导入：请加 --agency 机关名称（如有需要再加 --year 年度、--level 层级）`);
    return EXIT.unreadable;
  }
  const { checkReport } = await libraryModule();
  const checked = checkReport(level ? { ...read.report, level } : read.report);
  if (!checked.ok) {
    io.err(`「${name}」${checked.error.message}`);
    return EXIT.unreadable;
  }
  read.notes.forEach((n) => io.err(n));
  return withLibrary(values.db, io, (library) => {
    // The file's type decides the status: last year's published Word/PDF/web page is stored 已发布.
    const stored = library.add(checked.value, formatOfName(name)?.id);
    if (!stored.ok) {
      io.err(stored.error.message);
      return EXIT.unreadable;
    }
    io.out(String(stored.value.id));
    return EXIT.ok;
  });
};

const listCmd: Command = async (args, io) => {
  const { values } = parse(args, { db: { type: 'string' } }, NO_FILE);
  return withLibrary(values.db, io, (library) => {
    const listed = library.list();
    if (!listed.ok) {
      io.err(listed.error.message);
      return EXIT.unreadable;
    }
    if (listed.value.length === 0) io.err('资料库中还没有报告：可用 nianbao import FILE 导入');
    for (const r of listed.value) io.out([r.id, r.agency, r.year, r.status, localMinute(r.updatedAt)].join('\t'));
    return EXIT.ok;
  });
};

const COMMANDS: Record<string, Command> = {
  inspect,
  validate: validateCmd,
  export: exportCmd,
  infographic: infographicCmd,
  import: importCmd,
  list: listCmd,
  review: reviewCmd,
  sum: sumCmd,
  serve: serveCmd,
};

export async function main(argv: string[], io: CliIO = defaultIO): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out(USAGE);
    return name ? EXIT.ok : EXIT.unreadable;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.err(`未知命令「${name}」。\n${USAGE}`);
    return EXIT.unreadable;
  }
  try {
    return await command(rest, io);
  } catch (err) {
    if (err instanceof HelpRequest) {
      io.out(commandUsage(name));
      return EXIT.ok;
    }
    if (err instanceof UsageError) {
      io.err(`参数有误：${err.message}`);
      io.err(commandUsage(name));
      return EXIT.unreadable;
    }
    throw err;
  }
}
