// The styles of the Word document (GB/T 9704-2012) and its font table. The font
// table names, for each Chinese font, the font Word and WPS should use when a
// PC lacks it (w:altName) and its character set (GB2312), so 仿宋_GB2312 falls
// back to 仿宋 rather than to a Latin font.
import { LineRuleType, type IStylesOptions } from 'docx';
import { FONTS, LINE_PITCH_PT, SIZES, type FontRole } from '../../../shared/document/fonts';

/** Points to twentieths of a point (twips), the unit of Word's spacing and page sizes. */
export const twips = (pt: number) => Math.round(pt * 20);
export const mmToTwips = (mm: number) => Math.round((mm / 25.4) * 1440);
/** Word's font sizes are in half-points. */
const halfPoints = (pt: number) => Math.round(pt * 2);

/** Exact line pitch: 22 lines to the type area. */
export const LINE_TWIPS = twips(LINE_PITCH_PT);

export const STYLE = {
  title: 'ReportTitle',
  heading: 'Heading1',
  subheading: 'Heading2',
  body: 'Normal',
  table: 'TableText',
  pageNumber: 'PageNumberText',
  draft: 'DraftMark',
} as const;

/** Every slot (Latin, East Asian, complex script) set, so Word and WPS pick the Chinese font for all text. */
export function fontSlots(role: FontRole) {
  return { ascii: role.name, hAnsi: role.name, eastAsia: role.name, cs: role.name };
}

const TWO_CHAR_INDENT = { firstLineChars: 200, firstLine: twips(SIZES.body * 2) };
const exactLines = (lines = 1) => ({ line: Math.round(LINE_TWIPS * lines), lineRule: LineRuleType.EXACT, before: 0, after: 0 });

export const DOCUMENT_STYLES: IStylesOptions = {
  default: {
    document: {
      run: { font: fontSlots(FONTS.body), size: halfPoints(SIZES.body), language: { value: 'en-US', eastAsia: 'zh-CN' } },
      paragraph: { spacing: exactLines(), indent: TWO_CHAR_INDENT },
    },
  },
  paragraphStyles: [
    {
      id: STYLE.title,
      name: 'Report Title',
      basedOn: 'Normal',
      next: 'Normal',
      run: { font: fontSlots(FONTS.title), size: halfPoints(SIZES.title) },
      // The title sits on 1.2 line pitches per line, and one empty line separates it from the text.
      paragraph: { alignment: 'center', indent: { firstLine: 0, firstLineChars: 0 }, spacing: { ...exactLines(1.2), after: LINE_TWIPS }, keepNext: true },
    },
    {
      id: STYLE.heading,
      name: 'heading 1',
      basedOn: 'Normal',
      next: 'Normal',
      quickFormat: true,
      run: { font: fontSlots(FONTS.heading), size: halfPoints(SIZES.body), bold: false },
      paragraph: { outlineLevel: 0, keepNext: true, indent: TWO_CHAR_INDENT, spacing: exactLines() },
    },
    {
      id: STYLE.subheading,
      name: 'heading 2',
      basedOn: 'Normal',
      next: 'Normal',
      quickFormat: true,
      run: { font: fontSlots(FONTS.subheading), size: halfPoints(SIZES.body), bold: false },
      paragraph: { outlineLevel: 1, keepNext: true, indent: TWO_CHAR_INDENT, spacing: exactLines() },
    },
    {
      id: STYLE.table,
      name: 'Table Text',
      basedOn: 'Normal',
      run: { font: fontSlots(FONTS.table), size: halfPoints(SIZES.table) },
      paragraph: { indent: { firstLine: 0, firstLineChars: 0 }, spacing: { line: 240, lineRule: LineRuleType.AUTO, before: 0, after: 0 } },
    },
    {
      id: STYLE.pageNumber,
      name: 'Page Number Text',
      basedOn: 'Normal',
      run: { font: fontSlots(FONTS.table), size: halfPoints(SIZES.pageNumber) },
      paragraph: { indent: { firstLine: 0, firstLineChars: 0 }, spacing: { line: 240, lineRule: LineRuleType.AUTO, before: 0, after: 0 } },
    },
    {
      id: STYLE.draft,
      name: 'Draft Mark',
      basedOn: 'Normal',
      run: { font: fontSlots(FONTS.heading), size: halfPoints(SIZES.pageNumber), color: 'C00000' },
      paragraph: { alignment: 'center', indent: { firstLine: 0, firstLineChars: 0 }, spacing: { line: 240, lineRule: LineRuleType.AUTO, before: 0, after: 0 } },
    },
  ],
};

// What Word itself records for these fonts: GB2312 character set (86), family and
// pitch, and the name to use instead (altName) when the font is not installed.
const FONT_TABLE_ENTRIES: readonly { role: FontRole; altName: string; family: 'roman' | 'modern' | 'swiss'; pitch: 'fixed' | 'variable' }[] = [
  { role: FONTS.title, altName: '宋体', family: 'roman', pitch: 'variable' },
  { role: FONTS.body, altName: '仿宋', family: 'modern', pitch: 'fixed' },
  { role: FONTS.heading, altName: 'SimHei', family: 'modern', pitch: 'fixed' },
  { role: FONTS.subheading, altName: '楷体', family: 'modern', pitch: 'fixed' },
  { role: FONTS.table, altName: 'SimSun', family: 'roman', pitch: 'variable' },
];

function fontEntry(name: string, altName: string | undefined, family: string, pitch: string): string {
  const alt = altName ? `<w:altName w:val="${altName}"/>` : '';
  return `<w:font w:name="${name}">${alt}<w:charset w:val="86"/><w:family w:val="${family}"/><w:pitch w:val="${pitch}"/></w:font>`;
}

/** word/fontTable.xml: each standard font with its fallback, then the fallbacks themselves. */
export function fontTableXml(): string {
  const byName = new Map<string, string>();
  for (const { role, altName, family, pitch } of FONT_TABLE_ENTRIES) {
    if (!byName.has(role.name)) byName.set(role.name, fontEntry(role.name, altName, family, pitch));
  }
  for (const { role, family, pitch } of FONT_TABLE_ENTRIES) {
    // Only the Windows fonts among the fallbacks: the macOS and Noto names mean nothing to Word.
    for (const f of role.fallbacks.filter((name) => /^([\u4e00-\u9fff]|Sim|FangSong|KaiTi)/.test(name))) {
      if (!byName.has(f)) byName.set(f, fontEntry(f, undefined, family, pitch));
    }
  }
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">${[...byName.values()].join('')}</w:fonts>`;
}
