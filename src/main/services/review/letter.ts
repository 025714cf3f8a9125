// The 问题清单 of a body as a Word document to print or send: which report was
// checked, its result, and each problem with its cells and how to fix it.
// Several bodies make one document, each body on pages of its own.
import {
  AlignmentType,
  BorderStyle,
  Document,
  Packer,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type ISectionOptions,
} from 'docx';
import { FONTS, PAGE_MM } from '../../../shared/document/fonts';
import { documentTitle } from '../../../shared/model/report';
import { severityCounts } from '../../../shared/rules/types';
import {
  bodyOf,
  PROBLEM_COLUMNS,
  problemRows,
  recheckLine,
  type ProblemColumn,
  type ProblemRow,
  type Recheck,
  type ReviewedReport,
} from '../../../shared/review';
import { printedDate } from '../../../shared/model/dates';
import { fontSlots, mmToTwips } from '../documents/docx-styles';

/** One body's 问题清单: its report as reviewed, and where it came back after a 退回, the recheck. */
export interface LetterBody {
  reviewed: ReviewedReport;
  recheck?: Recheck;
  /** When the corrected report is due back (YYYY-MM-DD), where the office set one. */
  dueBack?: string;
  /** The reviewer's words to the body. */
  note?: string;
}

/** Changed cells named in a letter; the rest counted. */
const CHANGED_SHOWN = 12;

/** Relative widths; a printed page names the first cells only (cellsBrief). */
const WIDTHS: Record<ProblemColumn | 'number', number> = { number: 6, severity: 8, section: 16, cells: 20, message: 50, fix: 24 };
const COLUMNS = [{ key: 'number' as const, header: '序号' }, ...PROBLEM_COLUMNS];
const WIDTH_SUM = Object.values(WIDTHS).reduce((a, b) => a + b, 0);
const text = (p: ProblemRow, key: ProblemColumn) => (key === 'cells' ? p.cellsBrief : p[key]);

const LINE = { style: BorderStyle.SINGLE, size: 4, color: '808080' };
const BORDERS = { top: LINE, bottom: LINE, left: LINE, right: LINE };
/** A4 landscape less 20 mm margins each side. */
const TABLE_TWIPS = mmToTwips(PAGE_MM.height - 40);

const run = (text: string, options: { bold?: boolean; size?: number; font?: keyof typeof FONTS } = {}) =>
  new TextRun({ text, bold: options.bold, size: (options.size ?? 10.5) * 2, font: fontSlots(FONTS[options.font ?? 'table']) });

function cell(text: string, width: number, head = false): TableCell {
  return new TableCell({
    width: { size: Math.round((TABLE_TWIPS * width) / WIDTH_SUM), type: WidthType.DXA },
    borders: BORDERS,
    shading: head ? { fill: 'E6EEF8' } : undefined,
    children: text.split('\n').map((line) => new Paragraph({ children: [run(line, { bold: head })] })),
  });
}

function recheckParagraphs(recheck: Recheck): Paragraph[] {
  const fixed = recheck.problems.filter((p) => p.mark === '已整改');
  const out = [
    new Paragraph({ spacing: { after: 60 }, children: [run('对照上次退回的问题清单：', { bold: true }), run(recheckLine(recheck))] }),
  ];
  if (fixed.length > 0)
    out.push(
      new Paragraph({
        spacing: { after: 60 },
        children: [
          run('已整改：', { bold: true }),
          run(fixed.map((p) => `${p.cells || p.message}${p.how ? `（${p.how}）` : ''}`).join('；')),
        ],
      }),
    );
  if (recheck.changed && recheck.changed.length > 0) {
    const shown = recheck.changed
      .slice(0, CHANGED_SHOWN)
      .map((c) => `${c.name} ${c.before ?? '空白'} → ${c.after ?? '空白'}`)
      .join('；');
    const more = recheck.changed.length > CHANGED_SHOWN ? ` 等 ${recheck.changed.length} 个格子` : '';
    out.push(new Paragraph({ spacing: { after: 60 }, children: [run('本次改动的格子：', { bold: true }), run(shown + more)] }));
  }
  return out;
}

/** What the table marks each problem as, where the report came back: 仍存在 or 新发现. */
function markOf(recheck: Recheck | undefined, p: ProblemRow): string {
  if (!recheck) return '';
  const found = recheck.problems.find((q) => q.id === p.id && q.mark !== '已整改');
  return found ? `【${found.mark}】` : '';
}

function bodySection({ reviewed: r, recheck, dueBack, note }: LetterBody, date: string): ISectionOptions {
  const problems = problemRows(r);
  const title = r.report ? documentTitle(r.report) : r.fileName;
  const result =
    r.error !== undefined ? '文件无法读取' : `${r.status}：${severityCounts(r.counts, `（其中 ${r.unexplained} 个未写核实说明）`)}`;
  const table = new Table({
    width: { size: TABLE_TWIPS, type: WidthType.DXA },
    rows: [
      new TableRow({ tableHeader: true, children: COLUMNS.map((c) => cell(c.header, WIDTHS[c.key], true)) }),
      ...problems.map(
        (p, i) =>
          new TableRow({
            cantSplit: true,
            children: COLUMNS.map((c) =>
              cell(
                c.key === 'number' ? String(i + 1) : c.key === 'message' ? markOf(recheck, p) + text(p, c.key) : text(p, c.key),
                WIDTHS[c.key],
              ),
            ),
          }),
      ),
    ],
  });
  return {
    properties: {
      page: {
        // The portrait sheet's size, turned: docx swaps the sides for a landscape page.
        size: { orientation: PageOrientation.LANDSCAPE, width: mmToTwips(PAGE_MM.width), height: mmToTwips(PAGE_MM.height) },
        margin: { top: mmToTwips(20), bottom: mmToTwips(20), left: mmToTwips(20), right: mmToTwips(20) },
      },
    },
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: { after: 200 },
        children: [run(`${bodyOf(r)} 年度报告问题清单`, { size: 18, font: 'title' })],
      }),
      new Paragraph({ spacing: { after: 60 }, children: [run('审核的报告：', { bold: true }), run(`${title}（文件「${r.fileName}」）`)] }),
      new Paragraph({ spacing: { after: 60 }, children: [run('审核结果：', { bold: true }), run(result)] }),
      ...(r.previousFile
        ? [new Paragraph({ spacing: { after: 60 }, children: [run('对照的上年报告：', { bold: true }), run(r.previousFile)] })]
        : []),
      ...(recheck ? recheckParagraphs(recheck) : []),
      ...(note ? [new Paragraph({ spacing: { after: 60 }, children: [run('审核意见：', { bold: true }), run(note)] })] : []),
      new Paragraph({ spacing: { after: 160 }, children: [run('审核日期：', { bold: true }), run(date)] }),
      problems.length > 0 ? table : new Paragraph({ children: [run('未发现问题。')] }),
      new Paragraph({
        spacing: { before: 200 },
        children: [
          run(
            '“错误”须改正后报告才能定稿；“需核实”请核对，确实无误的在核实说明中写明理由；“提示”无须改动。' +
              (dueBack ? `改正后请于 ${printedDate(dueBack)} 前重新报送。` : '改正后请重新报送。'),
          ),
        ],
      }),
    ],
  };
}

/** The 问题清单 of each given body, one after another, as .docx bytes. */
export async function problemLetterDocx(bodies: readonly LetterBody[], options: { date: string }): Promise<Buffer> {
  const doc = new Document({
    creator: '年报编制助手',
    title: bodies.length === 1 ? `${bodyOf(bodies[0]!.reviewed)}问题清单` : '问题清单',
    // Each body is a section of its own, and a section starts on a new page.
    sections: bodies.map((b) => bodySection(b, options.date)),
  });
  return Packer.toBuffer(doc);
}
