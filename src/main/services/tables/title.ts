// The body and year from a title row such as "XX局2023年政府信息公开工作年度报告"
// (or "XX局政府信息公开工作年度报告（2023年度）"). Workbooks often carry none;
// then the caller supplies them.
import type { SourceCell } from '../../../shared/api/import';
import type { Grid } from './grid';
import { LEVELS, type Level } from '../../../shared/template/gov2021';

const TITLE_PATTERNS: readonly RegExp[] = [
  /^(?<agency>.*?)(?<year>20\d\d)年度?政府信息公开(?:工作)?年度报告/,
  /^(?<agency>.*?)政府信息公开(?:工作)?年度报告[(（](?<year>20\d\d)年度?[)）]/,
  /^(?<year>20\d\d)年度?(?<agency>.+?)政府信息公开(?:工作)?年度报告/,
];

/** The body and year a title names ("XX局2023年政府信息公开工作年度报告"), spaces and full-width digits allowed. */
export function parseTitle(raw: string): { agency?: string; year: number } | undefined {
  const text = raw.replace(/\s+/g, '').replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  for (const pattern of TITLE_PATTERNS) {
    const m = pattern.exec(text);
    if (!m?.groups) continue;
    const agency = m.groups.agency!.replace(/[，,。:：、]+$/, '').replace(/关于$/, '');
    return { agency: agency || undefined, year: Number(m.groups.year) };
  }
  return undefined;
}

export interface TitleMeta {
  agency?: string;
  year?: number;
  source: SourceCell;
}

/** The first title found, searching the given sheets first (those holding the tables). */
export function findTitle(grids: readonly Grid[], preferred: ReadonlySet<string>): TitleMeta | undefined {
  const ordered = [...grids.filter((g) => preferred.has(g.sheet)), ...grids.filter((g) => !preferred.has(g.sheet))];
  for (const grid of ordered) {
    for (const cell of grid.cells) {
      if (cell.master || cell.isNumber || cell.text.length > 80) continue;
      const title = parseTitle(cell.text);
      if (title) return { ...title, source: { sheet: grid.sheet, address: cell.address, raw: cell.text } };
    }
  }
  return undefined;
}

/** The level label this program writes ("机关层级：乡镇街道"), so a round trip keeps it. */
export const LEVEL_LABEL = '机关层级';
const LEVEL_PATTERN = new RegExp(`${LEVEL_LABEL}[：:]\\s*(${LEVELS.join('|')})`);

/** The body's level where the workbook states it (our own exports do). */
export function findLevel(grids: readonly Grid[]): Level | undefined {
  for (const grid of grids) {
    for (const cell of grid.cells) {
      if (cell.isNumber || cell.text.length > 40) continue;
      const m = LEVEL_PATTERN.exec(cell.text);
      if (m) return m[1] as Level;
    }
  }
  return undefined;
}
