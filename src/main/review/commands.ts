// `nianbao review` and `nianbao sum` (interchange.md): many bodies' reports at
// once, read through the one reader registry so every readable format works.
import { fail, ok, type Result } from '../../shared/api/result';
import { fileFormat, formatOfName, EXPORT_FORMATS } from '../../shared/formats';
import type { Report } from '../../shared/model/report';
import {
  bodyOf,
  checkRegion,
  firstProblems,
  reviewBatch,
  reviewTitle,
  sumReports,
  type ReviewInput,
  type Review,
} from '../../shared/review';
import { isLevel, inferLevel } from '../../shared/template/levels';
import { LEVELS } from '../../shared/template/gov2021';
import { validate } from '../../shared/rules/engine';
import { SEVERITY_LABEL, type Finding } from '../../shared/rules/types';
import { EXIT, parse, UsageError, type CliIO, type Command } from '../cli-kit';
import { readReportFile, writerFor } from '../formats/registry';
import { reportToJson } from '../../shared/model/schema';
import { expandPaths, problemLetterDocx, problemWorkbook, readBatch } from '../services/review';
import { writeFileAtomic } from '../services/fs/files';

/** Every report file the arguments name (files, or folders of them), read; unreadable ones as inputs with their message. */
export async function readReports(paths: readonly string[]): Promise<Result<ReviewInput[]>> {
  const files = await expandPaths(paths);
  if (!files.ok) return files;
  return ok(await readBatch(files.value, (path) => readReportFile(path)));
}

/** The value of a result, or undefined once its message is on stderr. */
function told<T>(result: Result<T>, io: CliIO): T | undefined {
  return failed(result, io) ? undefined : (result as { value: T }).value;
}

/** Whether a result failed; its message is then on stderr. */
function failed(result: Result<unknown>, io: CliIO): boolean {
  if (!result.ok) io.err(result.error.message);
  return !result.ok;
}

const today = () => new Date().toISOString().slice(0, 10);

function countsLine(review: Review): string {
  const c = review.counts;
  return `共 ${review.reports.length} 份报告：通过 ${c['通过']}，待核实 ${c['待核实']}，有错误 ${c['有错误']}，读取失败 ${c['读取失败']}`;
}

function reportLine(r: Review['reports'][number]): string {
  if (r.error !== undefined) return [r.status, r.fileName, r.error].join('\t');
  const counts = `${r.counts.error} 个错误，${r.counts.warning} 个需核实，${r.counts.notice} 个提示`;
  const extra = [r.previousFile ? `对照上年：${r.previousFile}` : '', r.duplicates.length ? `与 ${r.duplicates.join('、')} 重复` : '']
    .filter(Boolean)
    .join('；');
  return [r.status, bodyOf(r), r.report!.year, counts, r.fileName, extra].filter((x) => x !== '').join('\t');
}

function reviewJson(review: Review, hierarchy: readonly Finding[] | undefined): string {
  const reports = review.reports.map((r) => ({
    file: r.fileName,
    status: r.status,
    ...(r.error !== undefined ? { error: r.error } : { agency: r.report!.agency, year: r.report!.year, level: r.report!.level }),
    counts: r.counts,
    kpis: Object.fromEntries(r.kpis.map((k) => [k.id, k.value])),
    findings: r.findings.map(({ id, rule, severity, message, cells }) => ({ id, rule, severity, message, cells })),
    notes: r.notes,
    ...(r.previousFile ? { previous: r.previousFile } : {}),
    duplicates: r.duplicates,
  }));
  const hier = hierarchy?.map(({ id, rule, severity, message, cells }) => ({ id, rule, severity, message, cells }));
  return JSON.stringify({ counts: review.counts, reports, ...(hier ? { hierarchy: hier } : {}) }, null, 2);
}

export const reviewCmd: Command = async (args, io) => {
  const { positionals, values } = parse(args, {
    previous: { type: 'string', multiple: true },
    out: { type: 'string' },
    word: { type: 'string' },
    region: { type: 'string' },
    json: { type: 'boolean' },
  });
  if (positionals.length === 0) throw new UsageError('缺少要审核的文件或文件夹');
  const read = told(await readReports(positionals), io);
  if (!read) return EXIT.unreadable;
  const previous = values.previous ? told(await readReports(values.previous), io) : [];
  if (!previous) return EXIT.unreadable;
  const own = values.region ? told(await readReportFile(values.region), io) : null;
  if (own === undefined) return EXIT.unreadable;
  const region = own?.report;
  const review = reviewBatch(read, previous);
  if (review.reports.every((r) => r.error !== undefined)) {
    review.reports.forEach((r) => io.err(r.error!));
    io.err(review.reports.length === 0 ? '没有找到报告文件：请给出报告文件，或含报告文件的文件夹' : '没有一份报告能够读取');
    return EXIT.unreadable;
  }
  const hierarchy = region ? checkRegion(review, region) : undefined;
  if (values.json) io.out(reviewJson(review, hierarchy));
  else {
    for (const r of review.reports) {
      io.out(reportLine(r));
      if (r.status === '有错误') io.out('  ' + firstProblems(r, 1).split('\n')[0]);
    }
    if (region && hierarchy) {
      io.out(`本级报告 ${region.agency} 与各单位合计：${hierarchy.length === 0 ? '一致' : `${hierarchy.length} 个格子不一致`}`);
      hierarchy.forEach((f) => io.out(`  ${SEVERITY_LABEL[f.severity]}  ${f.message}`));
    }
    io.out(countsLine(review));
  }
  if (values.out) {
    const title = reviewTitle(review, region?.agency);
    const bytes = await problemWorkbook(review, {
      title,
      date: today(),
      ...(region && hierarchy ? { hierarchy: { region: region.agency, findings: hierarchy } } : {}),
    });
    if (failed(await writeFileAtomic(values.out, bytes), io)) return EXIT.unreadable;
  }
  if (values.word) {
    const written = await writeFileAtomic(values.word, await problemLetterDocx(review.reports, { date: today() }));
    if (failed(written, io)) return EXIT.unreadable;
  }
  return review.reports.some((r) => r.status === '有错误' || r.status === '读取失败') ? EXIT.findings : EXIT.ok;
};

function parseYear(text: string | undefined): number {
  const year = Number(text);
  if (!text || !Number.isInteger(year) || year < 2000 || year > 2100) throw new UsageError('--year 应为年份数字，如 2024');
  return year;
}

/** All the files, or the first that could not be read. */
async function readAll(paths: readonly string[]): Promise<Result<{ fileName: string; report: Report }[]>> {
  const read = await readReports(paths);
  if (!read.ok) return read;
  const bad = read.value.find((r) => 'error' in r);
  if (bad && 'error' in bad) return fail('unreadable', bad.error);
  return ok(read.value.flatMap((r) => ('report' in r ? [{ fileName: r.fileName, report: r.report }] : [])));
}

export const sumCmd: Command = async (args, io) => {
  const { positionals, values } = parse(args, {
    agency: { type: 'string' },
    year: { type: 'string' },
    level: { type: 'string' },
    previous: { type: 'string', multiple: true },
    out: { type: 'string' },
  });
  if (positionals.length === 0) throw new UsageError('缺少要汇总的文件或文件夹');
  const agency = values.agency?.trim();
  if (!agency) throw new UsageError('缺少 --agency 汇总报告的机关名称（如 余杭区人民政府）');
  const year = parseYear(values.year);
  const level = values.level === undefined ? inferLevel(agency).level : values.level;
  if (!isLevel(level)) throw new UsageError(`--level 应为 ${LEVELS.join('、')} 之一`);
  const out = values.out;
  const format = out ? formatOfName(out) : undefined;
  if (out && !(format && EXPORT_FORMATS.includes(format.id)))
    throw new UsageError(`--out 的扩展名应为 ${EXPORT_FORMATS.map((f) => fileFormat(f).extensions[0]).join('、')} 之一`);
  const parts = told(await readAll(positionals), io);
  if (!parts) return EXIT.unreadable;
  const previous = values.previous ? told(await readAll(values.previous), io) : null;
  if (previous === undefined) return EXIT.unreadable;
  const summed = told(sumReports(parts, { agency, year, level, previous: previous ?? undefined }), io);
  if (!summed) return EXIT.unreadable;
  summed.notices.forEach((n) => io.err(n));
  const { report } = summed;
  if (!out || !format) {
    io.out(reportToJson(report).trimEnd());
    return EXIT.ok;
  }
  // The 汇总 has no text yet: a document of it is a working draft, marked so.
  // --out was checked against the formats written above.
  const written = await writerFor(format.id)!(report, out, { findings: validate(report), draft: true });
  return failed(written, io) ? EXIT.unreadable : EXIT.ok;
};
