// The styles of the Word document (GB/T 9704-2012) and its font table, written
// as the XML parts themselves: the docx library cannot say that a paragraph
// does not snap to the character grid's cells (w:snapToGrid in w:pPr), and
// without it LibreOffice spaces the body, a 五号 table or a 二号 title out to
// whole cells of the 三号 grid.
// The font table names, for each Chinese font, the font Word and WPS should use
// when a PC lacks it (w:altName) and its character set (GB2312), so 仿宋_GB2312
// falls back to 仿宋 rather than to a Latin font.
import { BODY_TRACKING_PT, FONTS, LINE_PITCH_PT, SIZES, type FontRole } from '../../../shared/document/fonts';

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

const W_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

function rFonts(role: FontRole): string {
  return `<w:rFonts w:ascii="${role.name}" w:eastAsia="${role.name}" w:hAnsi="${role.name}" w:cs="${role.name}"/>`;
}

interface ParagraphLook {
  keepNext?: boolean;
  keepLines?: boolean;
  /** Set 28 to the line (the body and headings), or at the type's own width (title, tables, page number). */
  grid: boolean;
  /** Exact line height in twips, or undefined for single spacing. */
  line?: number;
  after?: number;
  indentChars: 0 | 2;
  align: 'both' | 'center' | 'left';
  outline?: number;
}

/**
 * How lines break, as a browser breaks them in the printed PDF, so the Word file
 * and the PDF set the same lines: a closing mark that does not fit goes to the
 * next line with the character before it rather than hanging past the margin
 * (w:overflowPunct off), and no extra space is put between Chinese characters
 * and digits or Latin letters (w:autoSpaceDE, w:autoSpaceDN off). LibreOffice
 * reads w:overflowPunct the other way round (its import maps 0 to hanging) and
 * ignores w:autoSpace*: there a mark may still hang.
 */
const LINE_BREAKING = '<w:overflowPunct w:val="0"/><w:autoSpaceDE w:val="0"/><w:autoSpaceDN w:val="0"/>';

/** w:pPr with its children in the schema's order. */
function pPr(p: ParagraphLook): string {
  const spacing =
    p.line === undefined
      ? `<w:spacing w:before="0" w:after="${p.after ?? 0}" w:line="240" w:lineRule="auto"/>`
      : `<w:spacing w:before="0" w:after="${p.after ?? 0}" w:line="${p.line}" w:lineRule="exact"/>`;
  const indent =
    p.indentChars === 2
      ? `<w:ind w:firstLineChars="200" w:firstLine="${twips(SIZES.body * 2)}"/>`
      : '<w:ind w:firstLineChars="0" w:firstLine="0"/>';
  return (
    '<w:pPr>' +
    (p.keepNext ? '<w:keepNext/>' : '') +
    (p.keepLines ? '<w:keepLines/>' : '') +
    '<w:widowControl/>' +
    LINE_BREAKING +
    '<w:snapToGrid w:val="0"/>' +
    spacing +
    indent +
    `<w:jc w:val="${p.align}"/>` +
    (p.outline === undefined ? '' : `<w:outlineLvl w:val="${p.outline}"/>`) +
    '</w:pPr>'
  );
}

/**
 * The body's tracking in twips (BODY_TRACKING_PT). The document declares the
 * 28 × 22 grid (docGrid), but its paragraphs do not snap to the grid's cells:
 * LibreOffice gives a 16 pt character two 15.79 pt cells (14 a line). Set a
 * little closer, 28 characters fill the line, and the exact line pitch keeps the 22 lines.
 */
const GRID_CONDENSE_TWIPS = twips(BODY_TRACKING_PT);

function rPr(role: FontRole, sizePt: number, extra: { color?: string; grid?: boolean } = {}): string {
  const size = halfPoints(sizePt);
  const condense = extra.grid ? `<w:spacing w:val="${GRID_CONDENSE_TWIPS}"/>` : '';
  return `<w:rPr>${rFonts(role)}<w:b w:val="0"/>${extra.color ? `<w:color w:val="${extra.color}"/>` : ''}${condense}<w:sz w:val="${size}"/><w:szCs w:val="${size}"/></w:rPr>`;
}

function paragraphStyle(
  id: string,
  name: string,
  look: ParagraphLook,
  run: string,
  options: { default?: boolean; qFormat?: boolean } = {},
): string {
  const basedOn = options.default ? '' : '<w:basedOn w:val="Normal"/><w:next w:val="Normal"/>';
  return `<w:style w:type="paragraph"${options.default ? ' w:default="1"' : ''} w:styleId="${id}"><w:name w:val="${name}"/>${basedOn}${options.qFormat ? '<w:qFormat/>' : ''}${pPr(look)}${run}</w:style>`;
}

const BODY: ParagraphLook = { grid: true, line: LINE_TWIPS, indentChars: 2, align: 'both' };
const OFF_GRID_SINGLE: ParagraphLook = { grid: false, indentChars: 0, align: 'left' };

/** word/styles.xml: the document defaults (三号 仿宋_GB2312, 22 lines, two-character indent, justified) and the report's styles. */
export function stylesXml(): string {
  const defaults =
    `<w:docDefaults><w:rPrDefault>${rPr(FONTS.body, SIZES.body).replace('</w:rPr>', '<w:lang w:val="en-US" w:eastAsia="zh-CN"/></w:rPr>')}</w:rPrDefault>` +
    `<w:pPrDefault>${pPr(BODY)}</w:pPrDefault></w:docDefaults>`;
  const styles = [
    // LibreOffice takes the grid's character size from the Normal style's own size: it must be written there.
    paragraphStyle(STYLE.body, 'Normal', BODY, rPr(FONTS.body, SIZES.body, { grid: true }), { default: true, qFormat: true }),
    '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/></w:style>',
    `<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:semiHidden/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>`,
    // The title sits on 1.2 line pitches per line, and one empty line separates it from the text.
    paragraphStyle(
      STYLE.title,
      'Report Title',
      { keepNext: true, grid: false, line: Math.round(LINE_TWIPS * 1.2), after: LINE_TWIPS, indentChars: 0, align: 'center' },
      rPr(FONTS.title, SIZES.title),
    ),
    paragraphStyle(
      STYLE.heading,
      'heading 1',
      { ...BODY, keepNext: true, keepLines: true, outline: 0 },
      rPr(FONTS.heading, SIZES.body, { grid: true }),
      { qFormat: true },
    ),
    paragraphStyle(
      STYLE.subheading,
      'heading 2',
      { ...BODY, keepNext: true, keepLines: true, outline: 1 },
      rPr(FONTS.subheading, SIZES.body, { grid: true }),
      { qFormat: true },
    ),
    paragraphStyle(STYLE.table, 'Table Text', OFF_GRID_SINGLE, rPr(FONTS.table, SIZES.table)),
    paragraphStyle(STYLE.pageNumber, 'Page Number Text', OFF_GRID_SINGLE, rPr(FONTS.table, SIZES.pageNumber)),
    paragraphStyle(
      STYLE.draft,
      'Draft Mark',
      { ...OFF_GRID_SINGLE, align: 'center' },
      rPr(FONTS.heading, SIZES.pageNumber, { color: 'C00000' }),
    ),
  ];
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="${W_NS}">${defaults}${styles.join('')}</w:styles>`;
}

// What Word itself records for these fonts: GB2312 character set (86), family and
// pitch, and the name to use instead (altName) when the font is not installed.
const FONT_TABLE_ENTRIES: readonly {
  role: FontRole;
  altName: string;
  family: 'roman' | 'modern' | 'swiss';
  pitch: 'fixed' | 'variable';
}[] = [
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
<w:fonts xmlns:w="${W_NS}">${[...byName.values()].join('')}</w:fonts>`;
}
