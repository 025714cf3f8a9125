// The submission document as Word (.docx), laid out to GB/T 9704-2012: A4,
// the standard margins, a character grid of 28 × 22 (docGrid linesAndChars),
// justified body text, the standard fonts and sizes, page numbers "— N —" as
// PAGE fields at the outside edge, the three tables as the template prints
// them, and the closing 落款 and 成文日期. Table 四 gets a landscape section
// whose page number sits on the same physical edge as the portrait pages'.
import {
  AlignmentType,
  Document,
  DocumentGridType,
  Footer,
  Header,
  ImportedXmlComponent,
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
import {
  closingPlacement,
  documentContent,
  type Closing,
  type DocumentContent,
  type NarrativeLine,
  type SectionContent,
} from '../../../shared/document/content';
import { BODY_CHAR_PT, CHARS_PER_LINE, FONTS, PAGE_MM, PAGE_NUMBER_BELOW_TYPE_AREA_MM, SIZES } from '../../../shared/document/fonts';
import { LINE_TWIPS, STYLE, fontSlots, fontTableXml, mmToTwips, stylesXml, twips } from './docx-styles';
import { docxTable } from './docx-tables';
import { planPages } from '../../../shared/document/pagination';

const A4 = { width: mmToTwips(PAGE_MM.width), height: mmToTwips(PAGE_MM.height) };
const PORTRAIT_MARGIN = { top: PAGE_MM.top, bottom: PAGE_MM.bottom, left: PAGE_MM.left, right: PAGE_MM.right };
// A landscape page is the portrait sheet turned so the table's head faces the binding edge.
const LANDSCAPE_MARGIN = { top: PAGE_MM.left, bottom: PAGE_MM.right, left: PAGE_MM.bottom, right: PAGE_MM.top };
const HEADER_FROM_EDGE_MM = 15;
/** The page number's line, set exactly this high, so its middle (where the dashes are) is where we put it. */
const PAGE_NUMBER_LINE_PT = 18;
const ONE_CHAR_IN = twips(SIZES.pageNumber);

/**
 * The footer distance that puts the page number's 一字线 7 mm below the type
 * area: Word measures the footer from the page's bottom edge to the foot of its
 * line, and in the exact 18 pt line the dashes lie 0.43 of the line above its
 * foot (measured in LibreOffice's rendering).
 */
const DASH_ABOVE_LINE_FOOT = 0.43;
function footerFromEdgeTwips(bottomMarginMm: number): number {
  const dashFromEdgeMm = bottomMarginMm - PAGE_NUMBER_BELOW_TYPE_AREA_MM;
  return mmToTwips(dashFromEdgeMm) - twips(PAGE_NUMBER_LINE_PT * DASH_ABOVE_LINE_FOOT);
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

const EMU_PER_MM = 36000;
/** The page number's text box on a landscape page: across the edge, and along it. */
const NUMBER_BOX_MM = { across: 8, along: 30 };

/**
 * The number of a landscape page, where GB/T 9704 puts it for a 横排表格 page: on
 * the same physical edge as the portrait pages' numbers (the portrait sheet's
 * foot, which is the landscape page's left edge), upright when the sheet is held
 * portrait — a text box whose text runs down the page (DrawingML vert="vert",
 * each character turned 90° clockwise). Odd pages take the sheet's outer
 * corner (the landscape page's foot), even pages its head, one character in
 * from the type area, as on the portrait pages. The box lies in the margin, so
 * its square wrap touches no text; LibreOffice ignores the position of a box
 * that does not wrap.
 */
function landscapeNumberFooter(side: 'odd' | 'even', cached: number): Footer {
  const odd = side === 'odd';
  const oneCharMm = SIZES.pageNumber * (25.4 / 72);
  const middleFromEdgeMm = PAGE_MM.bottom - PAGE_NUMBER_BELOW_TYPE_AREA_MM;
  const x = middleFromEdgeMm - NUMBER_BOX_MM.across / 2;
  const y = odd ? PAGE_MM.width - PAGE_MM.right - oneCharMm - NUMBER_BOX_MM.along : PAGE_MM.left + oneCharMm;
  const emu = (mm: number) => Math.round(mm * EMU_PER_MM);
  const [w, h] = [emu(NUMBER_BOX_MM.across), emu(NUMBER_BOX_MM.along)];
  const numberParagraph =
    `<w:p><w:pPr><w:pStyle w:val="${STYLE.pageNumber}"/><w:jc w:val="${odd ? 'right' : 'left'}"/></w:pPr>` +
    `<w:r><w:t xml:space="preserve">— </w:t></w:r><w:fldSimple w:instr="PAGE"><w:r><w:t>${cached}</w:t></w:r></w:fldSimple><w:r><w:t xml:space="preserve"> —</w:t></w:r></w:p>`;
  const anchor =
    `<w:r><w:drawing><wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="251659264" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1">` +
    `<wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="page"><wp:posOffset>${emu(x)}</wp:posOffset></wp:positionH>` +
    `<wp:positionV relativeFrom="page"><wp:posOffset>${emu(y)}</wp:posOffset></wp:positionV>` +
    `<wp:extent cx="${w}" cy="${h}"/><wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapSquare wrapText="bothSides"/><wp:docPr id="${odd ? 9001 : 9002}" name="页码"/><wp:cNvGraphicFramePr/>` +
    `<a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">` +
    `<wps:wsp><wps:cNvSpPr txBox="1"/><wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="${w}" cy="${h}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:noFill/><a:ln><a:noFill/></a:ln></wps:spPr>` +
    `<wps:txbx><w:txbxContent>${numberParagraph}</w:txbxContent></wps:txbx>` +
    `<wps:bodyPr rot="0" vert="vert" wrap="square" lIns="0" tIns="0" rIns="0" bIns="0" anchor="ctr" anchorCtr="0"><a:noAutofit/></wps:bodyPr></wps:wsp>` +
    `</a:graphicData></a:graphic></wp:anchor></w:drawing></w:r>`;
  const paragraph = new Paragraph({
    style: STYLE.pageNumber,
    children: [ImportedXmlComponent.fromXmlString(anchor) as unknown as TextRun],
  });
  return new Footer({ children: [paragraph] });
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
  const numberFooter = landscape ? landscapeNumberFooter : pageNumberFooter;
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
    footers: { default: numberFooter('odd', firstPage), even: numberFooter('even', firstPage) },
    ...(draft ? { headers: { default: draftHeader(), even: draftHeader() } } : {}),
  };
}

function sectionBlocks(section: SectionContent, report: Report, keepLast: boolean, newPage: boolean): (Paragraph | Table)[] {
  // A section the page plan starts on a new page breaks before its heading.
  const heading = textParagraph({ style: STYLE.heading, text: section.heading, keepNext: true, pageBreakBefore: newPage });
  if (section.body.kind === 'narrative') return [heading, ...narrativeParagraphs(section.body.lines, keepLast)];
  const { layout } = section.body;
  return [heading, docxTable(layout, report, typeAreaTwips(layout.landscape).width)];
}

/**
 * 落款 and 成文日期, each placed by where it starts (closingPlacement): a left
 * indent from the type area's left edge, so the date's first character stands
 * two characters right of the name's whichever font sets its digits.
 */
function closingParagraphs(closing: Closing): Paragraph[] {
  const { signatureFromRight, dateFromRight } = closingPlacement(closing);
  const line = typeAreaTwips(false).width;
  // The line may run into the right margin (a negative right indent): where a font standing in for 仿宋_GB2312 sets
  // the digits wider, the date keeps its start and its one line rather than wrapping its last character.
  const at = (fromRight: number) => ({
    firstLine: 0,
    firstLineChars: 0,
    left: Math.max(0, line - twips(fromRight * BODY_CHAR_PT)),
    right: -twips(2 * BODY_CHAR_PT),
  });
  return [
    textParagraph({
      alignment: AlignmentType.LEFT,
      indent: at(signatureFromRight),
      spacing: { before: LINE_TWIPS },
      keepNext: true,
      keepLines: true,
      text: closing.signature,
    }),
    textParagraph({ alignment: AlignmentType.LEFT, indent: at(dateFromRight), keepLines: true, text: closing.date }),
  ];
}

/** Groups the sections into Word sections: a run of portrait content, a landscape table alone, and so on. */
function wordSections(doc: DocumentContent, report: Report): ISectionOptions[] {
  const title = new Paragraph({
    style: STYLE.title,
    children: doc.titleLines.map((line, i) => new TextRun({ text: line, ...(i > 0 ? { break: 1 } : {}) })),
  });
  const groups: { landscape: boolean; children: (Paragraph | Table)[] }[] = [
    { landscape: false, children: [title, ...narrativeParagraphs(doc.preamble)] },
  ];
  const plan = planPages(doc, report);
  doc.sections.forEach((section, i) => {
    const landscape = section.body.kind === 'table' && section.body.layout.landscape;
    // A new Word section starts a new page.
    if (groups.at(-1)!.landscape !== landscape) groups.push({ landscape, children: [] });
    // The last lines of the text go with the 落款, so the closing never stands alone on a page.
    const keepLast = !!doc.closing && i === doc.sections.length - 1;
    // Not push(...blocks): a long narrative has more paragraphs than a call may take arguments.
    for (const block of sectionBlocks(section, report, keepLast, plan.breakBefore.has(section.id))) groups.at(-1)!.children.push(block);
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
