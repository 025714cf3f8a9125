// Whether a text of a source belongs to the report: one of the template's
// labels (a table's title, a header, a row label, as the template and its known
// variants spell them), a title naming body and year, or the level line our
// exports write. A source reads closely only the parts that hold such a text
// (a workbook's sheets, a PDF's pages): a sheet without one can't hold a table
// the finder would place, nor the title or level it reads.
import { LAYOUTS } from '../../../shared/template/layout';
import { SECTION_BY_ID, TABLES, TABLE_IDS } from '../../../shared/template/gov2021';
import { normalizeLabel, withoutAsides } from './labels';
import { LEVEL_LABEL, parseTitle } from './title';

/**
 * Labels this short ("其他", "总计", "合计", "规章") are words any ledger
 * uses; every table also carries longer ones (自然人, 行政复议 …), which decide.
 */
const MIN_LENGTH = 3;
/** Longer texts are notes and paragraphs: they may still name a table, read as they come. */
const MAX_TITLE_LENGTH = 80;

function templateTexts(): string[] {
  const texts: string[] = [];
  for (const t of TABLE_IDS) {
    const table = TABLES[t];
    texts.push(SECTION_BY_ID[t].name);
    for (const row of table.rows) {
      texts.push(row.label, ...(row.short ? [row.short] : []), ...(row.aliases ?? []));
      for (const col of table.colsOf(row.key)) texts.push(col.label, ...(col.aliases ?? []));
    }
    for (const row of LAYOUTS[t].rows) for (const cell of row) if (cell.kind !== 'value') texts.push(cell.text);
  }
  return texts;
}

const FORMS: readonly string[] = [...new Set(templateTexts().map((t) => withoutAsides(normalizeLabel(t))))].filter(
  (f) => f.length >= MIN_LENGTH,
);

/**
 * How a text belongs to the report: a report's title or the level line (one
 * is enough to tell a cover sheet); one of the template's labels, or a text
 * holding one (`label` is the label's normal form, so that 行政许可 and
 * 申请公开某项目行政许可批复 count as the same label); or not at all.
 */
export type ReportText = { kind: 'title' } | { kind: 'label'; label: string } | undefined;

const TITLE: ReportText = { kind: 'title' };
const LABEL_OF = new Map(FORMS.map((label) => [label, { kind: 'label', label } as const]));

export function reportText(text: string): ReportText {
  if (text.length < MIN_LENGTH) return undefined;
  if (text.includes(LEVEL_LABEL) || (text.length <= MAX_TITLE_LENGTH && parseTitle(text) !== undefined)) return TITLE;
  const norm = normalizeLabel(text);
  const bare = withoutAsides(norm);
  for (const form of FORMS) if (norm.includes(form) || bare.includes(form)) return LABEL_OF.get(form);
  return undefined;
}
