// The submission document as Word (.docx), laid out to GB/T 9704-2012: A4,
// the standard margins, a character grid of 28 × 22 (docGrid linesAndChars),
// justified body text, the standard fonts and sizes, page numbers "— N —" as
// PAGE fields at the outside edge, the three tables as the template prints
// them, and the closing 落款 and 成文日期. Table 四 gets a landscape section.
import {
  AlignmentType,
  Document,
  DocumentGridType,
  Footer,
  Header,
  LineRuleType,
  Packer,
  PageOrientation,
  Paragraph,
  SimpleField,
  TextRun,
  type IParagraphOptions,
  type ISectionOptions,
  type Table,
} from 'docx';
import { TextWatermark } from 'docx/watermarks';
import type { Report } from '../../../shared/model/report';
import { closingIndents, documentContent, type Closing, type DocumentContent, type NarrativeLine, type SectionContent } from '../../../shared/document/content';
import { CHARS_PER_LINE, FONTS, LINES_PER_PAGE, textEm, LINE_PITCH_PT, PAGE_MM, PAGE_NUMBER_BELOW_TYPE_AREA_MM, SIZES } from '../../../shared/document/fonts';
import { LINE_TWIPS, STYLE, fontSlots, fontTableXml, mmToTwips, stylesXml, twips } from './docx-styles';
import { docxTable } from './docx-tables';

const A4 = { width: mmToTwips(PAGE_MM.width), height: mmToTwips(PAGE_MM.height) };
const PORTRAIT_MARGIN = { top: PAGE_MM.top, bottom: PAGE_MM.bottom, left: PAGE_MM.left, right: PAGE_MM.right };
// A landscape page is the portrait sheet turned so the table's head faces the binding edge.
const LANDSCAPE_MARGIN = { top: PAGE_MM.left, bottom: PAGE_MM.right, left: PAGE_MM.bottom, right: PAGE_MM.top };
const HEADER_FROM_EDGE_MM = 15;
/** The page number's line, set exactly this high, so its middle (where the dashes are) is where we put it. */
const PAGE_NUMBER_LINE_PT = 18;
const ONE_CHAR_IN = twips(SIZES.pageNumber);

/**
 * The footer distance that puts the middle of the page number's line 7 mm below
 * the type area: Word measures the footer from the page's bottom edge to the
 * footer's first line.
 */
function footerFromEdgeTwips(bottomMarginMm: number): number {
  const middleFromEdgeMm = bottomMarginMm - PAGE_NUMBER_BELOW_TYPE_AREA_MM;
  return mmToTwips(middleFromEdgeMm) - twips(PAGE_NUMBER_LINE_PT / 2);
}

/** A paragraph of the running text: widow and orphan control on (the exact line pitch keeps the grid). */
function textParagraph(options: IParagraphOptions): Paragraph {
  return new Paragraph({ widowControl: true, ...options });
}

/** The paragraphs of a narrative; `keepLast` ties its last paragraph to what follows (the 落款). */
function narrativeParagraphs(lines: readonly NarrativeLine[], keepLast = false): Paragraph[] {
  return lines.map((line, i) => {
    const keep = keepLast && i === lines.length - 1 ? { keepNext: true } : {};
    if (line.kind === 'paragraph') return textParagraph({ text: line.text, ...keep });
    if (line.rest === '') return textParagraph({ style: STYLE.subheading, text: line.heading, ...keep });
    // "（一）主动公开。一是……": the heading in 楷体, the text running on in the body font.
    return textParagraph({
      ...keep,
      children: [new TextRun({ text: line.heading, font: fontSlots(FONTS.subheading) }), new TextRun({ text: line.rest })],
    });
  });
}

/** "— N —" with N a PAGE field whose cached value is `cached`, so a reader without fields still sees a number. */
function pageNumberRuns(cached: number): (TextRun | SimpleField)[] {
  return [new TextRun('— '), new SimpleField('PAGE', String(cached)), new TextRun(' —')];
}

const pageNumberSpacing = { line: twips(PAGE_NUMBER_LINE_PT), lineRule: LineRuleType.EXACT, before: 0, after: 0 };

function pageNumberFooter(side: 'odd' | 'even', cached: number): Footer {
  const odd = side === 'odd';
  return new Footer({
    children: [
      new Paragraph({
        style: STYLE.pageNumber,
        alignment: odd ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: odd ? { right: ONE_CHAR_IN } : { left: ONE_CHAR_IN },
        spacing: pageNumberSpacing,
        children: pageNumberRuns(cached),
      }),
    ],
  });
}

function draftHeader(): Header {
  return new Header({
    children: [
      new Paragraph({
        style: STYLE.draft,
        children: [new TextRun('草稿'), new TextWatermark({ text: '草稿', font: FONTS.heading.name, color: 'D9D9D9', opacity: 0.3 })],
      }),
    ],
  });
}

function typeAreaTwips(landscape: boolean): { width: number; height: number } {
  const m = landscape ? LANDSCAPE_MARGIN : PORTRAIT_MARGIN;
  const [w, h] = landscape ? [A4.height, A4.width] : [A4.width, A4.height];
  return { width: w - mmToTwips(m.left) - mmToTwips(m.right), height: h - mmToTwips(m.top) - mmToTwips(m.bottom) };
}

/**
 * The character grid's charSpace: how much each character's pitch differs from
 * the 三号 body size, in 4096ths of a point, so that exactly 28 characters fill
 * the line (rounded down, so the 28th always fits).
 */
export function gridCharSpace(typeWidthTwips: number): number {
  const pitchPt = typeWidthTwips / 20 / CHARS_PER_LINE;
  return Math.floor((pitchPt - SIZES.body) * 4096);
}

function pageSetup(landscape: boolean, draft: boolean, firstPage: number): Omit<ISectionOptions, 'children'> {
  const m = landscape ? LANDSCAPE_MARGIN : PORTRAIT_MARGIN;
  return {
    properties: {
      page: {
        // docx swaps width and height itself for a landscape page.
        size: { width: A4.width, height: A4.height, orientation: landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT },
        margin: {
          top: mmToTwips(m.top),
          bottom: mmToTwips(m.bottom),
          left: mmToTwips(m.left),
          right: mmToTwips(m.right),
          header: mmToTwips(HEADER_FROM_EDGE_MM),
          footer: footerFromEdgeTwips(m.bottom),
        },
      },
      grid: { type: DocumentGridType.LINES_AND_CHARS, linePitch: LINE_TWIPS, charSpace: gridCharSpace(typeAreaTwips(false).width) },
    },
    footers: { default: pageNumberFooter('odd', firstPage), even: pageNumberFooter('even', firstPage) },
    ...(draft ? { headers: { default: draftHeader(), even: draftHeader() } } : {}),
  };
}

/** The height a table may fill on its page: the type area less its heading's line. */
function tableHeightTwips(landscape: boolean): number {
  return typeAreaTwips(landscape).height - LINE_TWIPS;
}

/** Lines of the 22-line grid a narrative takes: each paragraph indented two characters, 28 to a line. */
function narrativeGridLines(lines: readonly NarrativeLine[]): number {
  return lines.reduce((n, line) => {
    const text = line.kind === 'paragraph' ? line.text : line.heading + line.rest;
    return n + Math.max(1, Math.ceil((2 + textEm(text)) / CHARS_PER_LINE));
  }, 0);
}

/** Where the text has reached on its page, in grid lines, as the sections are laid one after another. */
class PagePosition {
  line = 0;
  add(lines: number): void {
    this.line = (this.line + lines) % LINES_PER_PAGE;
  }
  /** Starts a new page unless `lines` fit in what is left of this one with `spare` lines to spare. */
  needsNewPage(lines: number, spare: number): boolean {
    return this.line > 0 && this.line + lines + spare > LINES_PER_PAGE;
  }
}

/** Lines the estimate of a page's text may be off by: a table is moved on rather than cut by a misjudged line or two. */
const SPARE_LINES = 2;

function sectionBlocks(section: SectionContent, report: Report, landscape: boolean, keepLast: boolean, page: PagePosition): (Paragraph | Table)[] {
  if (section.body.kind === 'narrative') {
    page.add(1 + narrativeGridLines(section.body.lines));
    return [textParagraph({ style: STYLE.heading, text: section.heading, keepNext: true }), ...narrativeParagraphs(section.body.lines, keepLast)];
  }
  const { table, fit } = docxTable(section.body.layout, report, typeAreaTwips(landscape).width, tableHeightTwips(landscape));
  const tableLines = fit.rowHeights.reduce((a, b) => a + b, 0) / LINE_PITCH_PT;
  // A table that would not fit the rest of the page starts the next one, with its heading.
  const newPage = !fit.fits || page.needsNewPage(1 + tableLines, SPARE_LINES);
  if (newPage) page.line = 0;
  page.add(1 + Math.ceil(tableLines));
  return [textParagraph({ style: STYLE.heading, text: section.heading, keepNext: true, pageBreakBefore: newPage && !landscape }), table];
}

function closingParagraphs(closing: Closing): Paragraph[] {
  const { signatureChars, dateChars } = closingIndents(closing);
  const right = (chars: number) => ({ firstLine: 0, firstLineChars: 0, right: Math.round(twips(SIZES.body) * chars), rightChars: Math.round(chars * 100) });
  return [
    textParagraph({ alignment: AlignmentType.RIGHT, indent: right(signatureChars), spacing: { before: LINE_TWIPS }, keepNext: true, keepLines: true, text: closing.signature }),
    textParagraph({ alignment: AlignmentType.RIGHT, indent: right(dateChars), keepLines: true, text: closing.date }),
  ];
}

/** Groups the sections into Word sections: a run of portrait content, a landscape table alone, and so on. */
function wordSections(doc: DocumentContent, report: Report): ISectionOptions[] {
  const title = new Paragraph({ style: STYLE.title, children: doc.titleLines.map((line, i) => new TextRun({ text: line, ...(i > 0 ? { break: 1 } : {}) })) });
  const groups: { landscape: boolean; children: (Paragraph | Table)[] }[] = [{ landscape: false, children: [title, ...narrativeParagraphs(doc.preamble)] }];
  const page = new PagePosition();
  page.add(Math.ceil(doc.titleLines.length * 1.2) + 1 + narrativeGridLines(doc.preamble));
  doc.sections.forEach((section, i) => {
    const landscape = section.body.kind === 'table' && section.body.layout.landscape;
    if (groups.at(-1)!.landscape !== landscape) {
      groups.push({ landscape, children: [] });
      page.line = 0; // a new Word section starts a new page
    }
    // The last lines of the text go with the 落款, so the closing never stands alone on a page.
    const keepLast = !!doc.closing && i === doc.sections.length - 1;
    // Not push(...blocks): a long narrative has more paragraphs than a call may take arguments.
    for (const block of sectionBlocks(section, report, landscape, keepLast, page)) groups.at(-1)!.children.push(block);
  });
  if (doc.closing) for (const line of closingParagraphs(doc.closing)) groups.at(-1)!.children.push(line);
  return groups.map((g) => ({ ...pageSetup(g.landscape, doc.draft, 1), children: g.children }));
}

/** The subject the Word and PDF files record. */
export const DOCUMENT_SUBJECT = '政府信息公开工作年度报告';

/** The report as a .docx file's bytes. */
export async function renderReportDocx(report: Report, options: { draft: boolean; today?: string }): Promise<Buffer> {
  const doc = documentContent(report, { ...options, closing: true });
  const document = new Document({
    title: doc.title,
    creator: report.agency,
    lastModifiedBy: report.agency,
    subject: DOCUMENT_SUBJECT,
    description: options.draft ? '草稿' : undefined,
    evenAndOddHeaderAndFooters: true,
    sections: wordSections(doc, report),
  });
  return Packer.toBuffer(document, false, [
    { path: 'word/styles.xml', data: stylesXml() },
    { path: 'word/fontTable.xml', data: fontTableXml() },
  ]);
}
