// Where the submitted document's pages break, decided once for the Word file
// and the printed PDF: the text runs on from page to page, and a table starts
// a new page only when it would not fit what is left of the page (a landscape
// table has its own page anyway). Both writers follow this plan, so the Word
// file and the PDF have the same pages.
//
// The plan lays the document out as both writers set it: the title on lines of
// 1.2 pitches, the body on the 22-line grid (lineCount), two lines at least of
// a paragraph on either side of a page break (widow and orphan control), a
// heading kept with what follows it, each table whole at the height its fit
// gives, and the closing lines with the last lines of the text.
import type { SectionId } from '../template/gov2021';
import type { Report } from '../model/report';
import type { DocumentContent, NarrativeLine } from './content';
import { LINE_PITCH_PT, LINES_PER_PAGE, MM_PER_PT, TYPE_AREA_MM } from './fonts';
import { lineCount } from './lines';
import { fitTable, type TableFit } from './table-fit';
import type { TableLayout } from '../template/layout';

/** The type area in points: portrait, and turned for a landscape table. */
export const TYPE_AREA_PT = { width: TYPE_AREA_MM.width / MM_PER_PT, height: TYPE_AREA_MM.height / MM_PER_PT } as const;

/** The page's height in lines of the grid. */
const PAGE_PT = LINES_PER_PAGE * LINE_PITCH_PT;

/**
 * Room a table needs beyond its own height to be set after text on the same
 * page, in lines: what a renderer's line breaking may add to the text above it
 * (a font standing in for a missing one sets digits wider), so a table the plan
 * keeps on the page never runs past its foot in Word or in the PDF.
 */
const TABLE_SLACK_LINES = 1.5;

/** A table set on its page: the columns across the type area, the whole table within its height less its heading's line. */
export function tableFitOnPage(layout: TableLayout, report: Report): TableFit {
  const [w, h] = layout.landscape ? [TYPE_AREA_PT.height, TYPE_AREA_PT.width] : [TYPE_AREA_PT.width, TYPE_AREA_PT.height];
  return fitTable(layout, report, w, h - LINE_PITCH_PT);
}

export interface PagePlan {
  /** The sections whose heading starts a new page (never a landscape table's: its page is its own). */
  breakBefore: ReadonlySet<SectionId>;
}

/** The lines of text of each narrative line: headings and paragraphs alike indented two characters. */
function narrativeLineCounts(lines: readonly NarrativeLine[]): number[] {
  return lines.map((line) => lineCount(line.kind === 'paragraph' ? line.text : line.heading + line.rest, TYPE_AREA_PT.width));
}

/** Where the text has reached on the current page, in points from the type area's top. */
class Page {
  y = 0;

  newPage(): void {
    this.y = 0;
  }

  /** Whole lines of the grid left on this page. */
  private get linesLeft(): number {
    return Math.floor((PAGE_PT - this.y + 1e-6) / LINE_PITCH_PT);
  }

  /** Whether a block `height` points tall fits what is left of this page. */
  fits(height: number): boolean {
    return this.y + height <= PAGE_PT + 1e-6;
  }

  /** A block that is never cut (a table): on this page if it fits, else at the top of the next. */
  block(height: number): void {
    if (this.y > 0 && !this.fits(height)) this.y = 0;
    this.y += height;
  }

  /**
   * Lines that go together onto one page (`lines`), of which the first `kept`
   * also pull what follows them: headings that keep with the first lines of their text.
   */
  keep(lines: number): void {
    if (this.y > 0 && lines > this.linesLeft) this.y = 0;
  }

  /**
   * A paragraph of `n` lines: cut between pages with two lines at least on
   * either side, else moved whole to the next page; `keepAfter` lines that
   * follow it must stand on its last page with two of its lines at least.
   */
  paragraph(n: number, keepAfter = 0): void {
    const left = this.linesLeft;
    if (n + keepAfter <= left) {
      this.y += n * LINE_PITCH_PT;
      return;
    }
    // Lines it leaves on this page: as many as fit, two at least, and two at least (with what it keeps) for the next.
    const here = Math.min(left, n - 2);
    let rest = n;
    if (this.y > 0 && here >= 2) rest = n - here;
    if (this.y > 0) this.y = 0;
    // The rest runs from the top of a page on, a new page each full page; what it keeps stays with its last lines.
    while (rest + keepAfter > LINES_PER_PAGE) {
      const onPage = Math.min(LINES_PER_PAGE, rest - 2);
      if (onPage < 2) break;
      rest -= onPage;
    }
    this.y = rest * LINE_PITCH_PT;
  }
}

/** A narrative line that keeps with the next: a sub-heading on a line of its own. */
const keepsWithNext = (line: NarrativeLine): boolean => line.kind === 'subheading' && line.rest === '';

/** The narrative's lines onto the pages; the heading (if any) and each sub-heading kept with the first two lines of their text. */
function placeNarrative(page: Page, headingLines: number, lines: readonly NarrativeLine[], keepAfterLast: number): void {
  const counts = narrativeLineCounts(lines);
  let pending = headingLines;
  lines.forEach((line, k) => {
    const n = counts[k]!;
    if (keepsWithNext(line)) {
      pending += n;
      return;
    }
    if (pending > 0) {
      page.keep(pending + Math.min(2, n));
      page.y += pending * LINE_PITCH_PT;
      pending = 0;
    }
    page.paragraph(n, k === lines.length - 1 ? keepAfterLast : 0);
  });
  if (pending > 0) page.block(pending * LINE_PITCH_PT);
}

/**
 * The page plan of a document: which sections start a new page. The title and
 * preamble open the first page; each narrative takes its lines; a table (with
 * its heading) starts a new page only when it would not fit the rest of this one.
 */
export function planPages(doc: DocumentContent, report: Report): PagePlan {
  const breakBefore = new Set<SectionId>();
  const page = new Page();
  page.block(doc.titleLines.length * 1.2 * LINE_PITCH_PT + LINE_PITCH_PT);
  placeNarrative(page, 0, doc.preamble, 0);
  let landscapeBefore = false;
  doc.sections.forEach((section, i) => {
    if (section.body.kind === 'table') {
      const { layout } = section.body;
      const fit = tableFitOnPage(layout, report);
      const height = LINE_PITCH_PT + fit.rowHeights.reduce((a, b) => a + b, 0);
      if (layout.landscape || landscapeBefore) {
        // A change of orientation is a new page in both writers; a landscape table has its page to itself.
        page.newPage();
      } else if (page.y > 0 && !page.fits(height + TABLE_SLACK_LINES * LINE_PITCH_PT)) {
        breakBefore.add(section.id);
        page.newPage();
      }
      page.block(height);
      landscapeBefore = layout.landscape;
      return;
    }
    if (landscapeBefore) page.newPage();
    landscapeBefore = false;
    // The closing (an empty line, 落款, 成文日期) goes with the last lines of the last section.
    const closing = doc.closing && i === doc.sections.length - 1 ? 3 : 0;
    placeNarrative(page, 1, section.body.lines, closing);
    page.y += closing * LINE_PITCH_PT;
  });
  return { breakBefore };
}
