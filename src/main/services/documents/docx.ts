// The submission document as Word (.docx), laid out to GB/T 9704-2012: A4,
// the standard margins, 22 lines a page, the standard fonts and sizes, page
// numbers "— N —" at the outside edge, the three tables as the template prints
// them. A landscape table gets a landscape section of its own.
import {
  AlignmentType,
  Document,
  Footer,
  Header,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  TextRun,
  type IParagraphOptions,
  type ISectionOptions,
  type Table,
} from 'docx';
import { TextWatermark } from 'docx/watermarks';
import type { Report } from '../../../shared/model/report';
import { documentContent, type DocumentContent, type NarrativeLine, type SectionContent } from '../../../shared/document/content';
import { FONTS, PAGE_MM, SIZES } from '../../../shared/document/fonts';
import { DOCUMENT_STYLES, STYLE, fontSlots, fontTableXml, mmToTwips, twips } from './docx-styles';
import { docxTable } from './docx-tables';

const A4 = { width: mmToTwips(PAGE_MM.width), height: mmToTwips(PAGE_MM.height) };
const PORTRAIT_MARGIN = { top: PAGE_MM.top, bottom: PAGE_MM.bottom, left: PAGE_MM.left, right: PAGE_MM.right };
// A landscape page is the portrait sheet turned so the table's head faces the binding edge.
const LANDSCAPE_MARGIN = { top: PAGE_MM.left, bottom: PAGE_MM.right, left: PAGE_MM.bottom, right: PAGE_MM.top };
// The page number's line starts 7 mm below the type area (GB/T 9704); its bottom is about 5 mm lower.
const footerFromEdgeMm = (bottomMargin: number) => bottomMargin - 7 - 5;
const HEADER_FROM_EDGE_MM = 15;
const ONE_CHAR_IN = twips(SIZES.pageNumber);

/** A paragraph of the running text. Widow control is off: it would break the 22-line grid by pushing lines on. */
function textParagraph(options: IParagraphOptions): Paragraph {
  return new Paragraph({ widowControl: false, ...options });
}

function narrativeParagraphs(lines: readonly NarrativeLine[]): Paragraph[] {
  return lines.map((line) => {
    if (line.kind === 'paragraph') return textParagraph({ text: line.text });
    if (line.rest === '') return textParagraph({ style: STYLE.subheading, text: line.heading });
    // "（一）主动公开。一是……": the heading in 楷体, the text running on in the body font.
    return textParagraph({
      children: [new TextRun({ text: line.heading, font: fontSlots(FONTS.subheading) }), new TextRun({ text: line.rest })],
    });
  });
}

function pageNumberFooter(side: 'odd' | 'even'): Footer {
  const odd = side === 'odd';
  return new Footer({
    children: [
      new Paragraph({
        style: STYLE.pageNumber,
        alignment: odd ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: odd ? { right: ONE_CHAR_IN } : { left: ONE_CHAR_IN },
        children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'] })],
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

function pageSetup(landscape: boolean, draft: boolean): Omit<ISectionOptions, 'children'> {
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
          footer: mmToTwips(footerFromEdgeMm(m.bottom)),
        },
      },
    },
    footers: { default: pageNumberFooter('odd'), even: pageNumberFooter('even') },
    ...(draft ? { headers: { default: draftHeader(), even: draftHeader() } } : {}),
  };
}

function typeAreaWidth(landscape: boolean): number {
  const m = landscape ? LANDSCAPE_MARGIN : PORTRAIT_MARGIN;
  return mmToTwips((landscape ? PAGE_MM.height : PAGE_MM.width) - m.left - m.right);
}

function sectionBlocks(section: SectionContent, report: Report, landscape: boolean): (Paragraph | Table)[] {
  const heading = textParagraph({ style: STYLE.heading, text: section.heading });
  if (section.body.kind === 'narrative') return [heading, ...narrativeParagraphs(section.body.lines)];
  return [heading, docxTable(section.body.layout, report, typeAreaWidth(landscape))];
}

/** Groups the sections into Word sections: a run of portrait content, a landscape table alone, and so on. */
function wordSections(doc: DocumentContent, report: Report): ISectionOptions[] {
  const groups: { landscape: boolean; children: (Paragraph | Table)[] }[] = [
    { landscape: false, children: [new Paragraph({ style: STYLE.title, children: doc.titleLines.map((line, i) => new TextRun({ text: line, ...(i > 0 ? { break: 1 } : {}) })) }), ...narrativeParagraphs(doc.preamble)] },
  ];
  for (const section of doc.sections) {
    const landscape = section.body.kind === 'table' && section.body.layout.landscape;
    if (groups.at(-1)!.landscape !== landscape) groups.push({ landscape, children: [] });
    // Not push(...blocks): a long narrative has more paragraphs than a call may take arguments.
    for (const block of sectionBlocks(section, report, landscape)) groups.at(-1)!.children.push(block);
  }
  return groups.map((g) => ({ ...pageSetup(g.landscape, doc.draft), children: g.children }));
}

/** The report as a .docx file's bytes. */
export async function renderReportDocx(report: Report, options: { draft: boolean }): Promise<Buffer> {
  const doc = documentContent(report, options);
  const document = new Document({
    title: doc.title,
    creator: report.agency,
    lastModifiedBy: report.agency,
    subject: '政府信息公开工作年度报告',
    description: options.draft ? '草稿' : undefined,
    evenAndOddHeaderAndFooters: true,
    styles: DOCUMENT_STYLES,
    sections: wordSections(doc, report),
  });
  return Packer.toBuffer(document, false, [{ path: 'word/fontTable.xml', data: fontTableXml() }]);
}
