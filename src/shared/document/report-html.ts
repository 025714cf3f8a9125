// The report as one self-contained web page: what the body publishes on its
// website, what the app's export preview shows, and (printed by a browser)
// the PDF. Pure: a string in, a string out, no external resources.
import { placeCells, type LayoutCell, type TableLayout } from '../template/layout';
import type { Report } from '../model/report';
import {
  cellText,
  closingPlacement,
  documentContent,
  type Closing,
  type DocumentOptions,
  type NarrativeLine,
  type SectionContent,
} from './content';
import {
  BODY_CHAR_PT,
  BODY_TRACKING_PT,
  FONTS,
  LINE_PITCH_PT,
  MM_PER_PT,
  PAGE_MM,
  PAGE_NUMBER_BELOW_TYPE_AREA_MM,
  SIZES,
  cssFontFamily,
} from './fonts';
import { cellLines } from './table-fit';
import { planPages, tableFitOnPage } from './pagination';
import { webColumns } from './web-table';
import { wordPieces } from './words';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ESCAPES[ch]!);
}

const pt = (n: number) => `${Math.round(n * 100) / 100}pt`;
const { top, right, bottom, left } = PAGE_MM;

// A landscape table page is the portrait sheet turned so that the table's head
// faces the binding edge: its top margin is the portrait left margin, and so on.
// The margin box runs from the type area down to the sheet's edge: its line starts so that
// the dashes lie 7 mm below the type area (GB/T 9704 7.5). In a line as tall as its type the
// 一字线 lies about 0.65 em below the line's top (measured in the printed PDF).
const DASH_BELOW_LINE_TOP_EM = 0.65;
const NUMBER_PAD_MM = Math.round((PAGE_NUMBER_BELOW_TYPE_AREA_MM - DASH_BELOW_LINE_TOP_EM * SIZES.pageNumber * MM_PER_PT) * 100) / 100;
const PAGE_NUMBER = `content: "— " counter(page) " —"; font-family: ${cssFontFamily(FONTS.table)}; font-size: ${pt(SIZES.pageNumber)}; line-height: ${pt(SIZES.pageNumber)}; vertical-align: top; padding-top: ${NUMBER_PAD_MM}mm;`;

function pageRules(draft: boolean): string {
  // The same mark as the Word file's header: 草稿 in red 黑体 四号, centred above the type area.
  const draftBox = draft
    ? `@top-center { content: "草稿"; font-family: ${cssFontFamily(FONTS.heading)}; font-size: ${pt(SIZES.pageNumber)}; color: #c00000; }`
    : '';
  // GB/T 9704: odd pages number at the right, even pages at the left, one character in from the edge.
  const numbers = `:right { @bottom-right { ${PAGE_NUMBER} padding-right: 1em; } ${draftBox} }
  @page :left { @bottom-left { ${PAGE_NUMBER} padding-left: 1em; } ${draftBox} }`;
  // A landscape page numbers where the portrait pages do (GB/T 9704, 横排表格): on the sheet's foot,
  // the landscape page's left margin, turned to read upright with the sheet held portrait; odd pages
  // towards the sheet's outer corner (the landscape foot), even pages towards its head.
  // Chromium sets the turned line against the box's left edge (the sheet's foot): it is moved in from there.
  const turnedPadMm =
    Math.round((bottom - PAGE_NUMBER_BELOW_TYPE_AREA_MM - (1 - DASH_BELOW_LINE_TOP_EM) * SIZES.pageNumber * MM_PER_PT) * 100) / 100;
  const turned = `${PAGE_NUMBER.replace(`vertical-align: top; padding-top: ${NUMBER_PAD_MM}mm`, `writing-mode: vertical-rl; vertical-align: bottom; padding-left: ${turnedPadMm}mm`)}`;
  return `@page { size: A4; margin: ${top}mm ${right}mm ${bottom}mm ${left}mm; }
  @page ${numbers}
  @page landscape { size: A4 landscape; margin: ${left}mm ${top}mm ${right}mm ${bottom}mm; }
  @page landscape:right { @bottom-right { content: none; } @left-bottom { ${turned} text-align: end; padding-bottom: 1em; } ${draftBox} }
  @page landscape:left { @bottom-left { content: none; } @left-top { ${turned} text-align: start; padding-top: 1em; } ${draftBox} }`;
}

function styles(draft: boolean): string {
  return `
  :root { color: #000; background: #fff; }
  body { margin: 0; font-family: ${cssFontFamily(FONTS.body)}; font-size: 17px; line-height: 1.8; }
  main { max-width: 46em; margin: 0 auto; padding: 1em; }
  h1 { font-family: ${cssFontFamily(FONTS.title)}; font-size: 1.5em; font-weight: normal; text-align: center; line-height: 1.5; margin: 0.5em 0 1em; }
  h2 { font-family: ${cssFontFamily(FONTS.heading)}; font-size: 1em; font-weight: normal; text-indent: 2em; margin: 0; }
  h3 { font-family: ${cssFontFamily(FONTS.subheading)}; font-size: 1em; font-weight: normal; text-indent: 2em; margin: 0; }
  p { text-indent: 2em; margin: 0; text-align: justify; }
  .run-in { text-indent: 2em; text-align: justify; }
  .run-in h3, .run-in p { display: inline; text-indent: 0; }
  .draft-mark { text-indent: 0; text-align: center; color: #c00; font-family: ${cssFontFamily(FONTS.heading)}; letter-spacing: 1em; border: 2px solid #c00; margin: 0.5em auto; width: 6em; }
  .table-scroll { overflow-x: auto; margin: 0.5em 0 1em; -webkit-overflow-scrolling: touch; }
  table { border-collapse: collapse; width: 100%; font-family: ${cssFontFamily(FONTS.table)}; font-size: 14px; line-height: 1.4; }
  th, td { border: 1px solid #000; padding: 0.25em 0.3em; vertical-align: middle; font-weight: normal; }
  th[scope^="col"] { text-align: center; }
  th[scope^="row"], td.note { text-align: left; }
  td.value { text-align: center; font-variant-numeric: tabular-nums; white-space: nowrap; }
  h1 .keep { white-space: nowrap; }
  /* Each closing line starts --char × its place from the right edge (closingPlacement): one character is 1em on screen. */
  .closing { text-indent: 0; margin-top: 1.8em; --char: 1em; }
  .draft-watermark { display: none; }
  .closing p { text-align: left; text-indent: 0; white-space: nowrap; }
  @media screen {
    /* Headings and the tables' headers and labels break between words, never inside one, and a heading's lines are
       even: no word and no character left alone on a line. */
    h1, h2, h3, th, td.note { word-break: keep-all; overflow-wrap: normal; }
    h1, h2, h3 { text-wrap: balance; }
    /* A table is as wide as the page, never narrower than its words and figures need: below that it scrolls
       sideways as a whole, its label columns held in view. It is never cut in height. */
    .table-scroll { overflow-x: auto; overflow-y: hidden; container-type: inline-size; font-size: 14px; }
    table { table-layout: fixed; min-width: var(--min-width); border-collapse: separate; border-spacing: 0; font-size: 1em; }
    /* Label columns as narrow as their words allow; where the box has room, their printed share (rules below). */
    col { width: var(--narrow, auto); }
    /* Each cell draws its right and bottom edge, the first row and column their outer edge: single lines throughout. */
    th, td { border-width: 0 1px 1px 0; background: #fff; }
    th.left, td.left { border-left-width: 1px; }
    th.top, td.top { border-top-width: 1px; }
    th.sticky-col, td.sticky-col { position: sticky; z-index: 1; }
  }
  @media print {
    ${pageRules(draft)}
    /* Lines are not pushed to the next page to avoid a lone line: that would break the 22-line grid. */
    /* 28 characters of 三号 to the 156 mm line: each set a little closer, as in the Word file. */
    body { font-size: ${pt(SIZES.body)}; line-height: ${pt(LINE_PITCH_PT)}; widows: 2; orphans: 2; }
    p, h2, h3 { letter-spacing: ${pt(BODY_TRACKING_PT)}; }
    /* As the Word file: no extra space between Chinese characters and digits (w:autoSpaceDN off). */
    body { text-autospace: no-autospace; }
    main { max-width: none; padding: 0; }
    h1 { font-size: ${pt(SIZES.title)}; line-height: ${pt(LINE_PITCH_PT * 1.2)}; margin: 0 0 ${pt(LINE_PITCH_PT)}; }
    h2, h3 { break-after: avoid; }
    .draft-mark { display: none; }
    /* A draft's watermark, as in the Word file: across every page in light grey, under the red mark of the page head. */
    .draft-watermark { display: block; position: fixed; top: 45%; left: 0; right: 0; text-align: center; text-indent: 0; transform: rotate(-45deg);
      font-family: ${cssFontFamily(FONTS.heading)}; font-size: 96pt; line-height: 1; color: #d9d9d9; opacity: 0.6; z-index: -1; }
    .closing { margin-top: ${pt(LINE_PITCH_PT)}; break-inside: avoid; break-before: avoid; --char: ${pt(BODY_CHAR_PT)}; }
    .table-scroll { overflow: visible; }
    table { table-layout: fixed; }
    col { width: var(--print); }
    section.landscape { page: landscape; }
    table { font-size: var(--print-size, ${pt(SIZES.table)}); line-height: 1.25; }
    th, td { padding: 1pt 0.5mm; }
    tr { break-inside: avoid; }
    /* Every table is set small enough to fit its page (table-fit) and kept whole with its heading. */
    section.table-section { break-inside: avoid; }
    /* The page plan (pagination.ts) starts these sections on a new page, as the Word file does. */
    section.new-page { break-before: page; }
  }`;
}

/** Text that breaks on screen only between words (with `word-break: keep-all`): each word boundary a <wbr>. */
function wordsHtml(text: string): string {
  return wordPieces(text).map(escapeHtml).join('<wbr>');
}

function narrativeHtml(lines: readonly NarrativeLine[]): string {
  return lines
    .map((line) => {
      if (line.kind === 'paragraph') return `<p>${escapeHtml(line.text)}</p>`;
      if (line.rest === '') return `<h3>${wordsHtml(line.heading)}</h3>`;
      return `<div class="run-in"><h3>${wordsHtml(line.heading)}</h3><p>${escapeHtml(line.rest)}</p></div>`;
    })
    .join('\n');
}

/**
 * One cell. Its place in the grid gives it its borders on screen (each cell draws
 * its right and bottom edge, the first row and column their outer edge too, so
 * no edge is drawn twice) and, in a label column, where it stays while the table
 * scrolls sideways.
 */
function cellHtml(cell: LayoutCell, report: Report, r: number, c: number, stickyLeft: number | undefined): string {
  const spans = `${cell.rowSpan > 1 ? ` rowspan="${cell.rowSpan}"` : ''}${cell.colSpan > 1 ? ` colspan="${cell.colSpan}"` : ''}`;
  const classes = [cell.kind === 'note' ? 'note' : cell.kind === 'value' ? 'value' : '', r === 0 ? 'top' : '', c === 0 ? 'left' : ''];
  if (stickyLeft !== undefined && cell.kind !== 'value') classes.push('sticky-col');
  const cls = classes.filter(Boolean).join(' ');
  const attrs = `${cls ? ` class="${cls}"` : ''}${spans}${cls.includes('sticky-col') ? ` style="left:${stickyLeft!.toFixed(2)}em"` : ''}`;
  switch (cell.kind) {
    case 'head':
      return `<th scope="${cell.colSpan > 1 ? 'colgroup' : 'col'}"${attrs}>${wordsHtml(cell.text)}</th>`;
    case 'label': {
      // A group label breaks after its numbering, as in the Word table: "（三）" over "不予公开".
      const lines = cellLines(cell);
      const text = (lines.length > 0 ? lines : [cell.text]).map(wordsHtml).join('<br>');
      return `<th scope="${cell.rowSpan > 1 ? 'rowgroup' : 'row'}"${attrs}>${text}</th>`;
    }
    case 'note':
      return `<td${attrs}>${wordsHtml(cell.text)}</td>`;
    case 'value':
      return `<td data-key="${cell.key}"${attrs}>${escapeHtml(cellText(report, cell.key))}</td>`;
  }
}

/**
 * A table as HTML, and the CSS rule that gives its label columns their printed
 * share where its box has room (a container query: the box, not the window, is
 * what a portal's page gives the table).
 */
function tableHtml(layout: TableLayout, report: Report, labelledBy: string): { html: string; css: string } {
  // Printed: the column widths and the size of the same fit as the Word table. On screen: as wide as the
  // page, never narrower than the words and figures need (webColumns), the label columns held while it scrolls.
  const fit = tableFitOnPage(layout, report);
  const total = fit.widths.reduce((a, b) => a + b, 0);
  const web = webColumns(layout, report, fit.widths);
  const cols = fit.widths
    .map((w, c) => {
      const [narrow, wide] = [web.narrow[c], web.wide[c]];
      const screen = narrow === undefined || wide === undefined ? '' : `;--narrow:${narrow.toFixed(2)}em;--wide:${wide.toFixed(2)}%`;
      return `<col style="--print:${((w / total) * 100).toFixed(2)}%${screen}">`;
    })
    .join('');
  const placed = placeCells(layout);
  const rows = layout.rows.map((row, r) => {
    const cells = placed.filter((p) => p.r === r);
    return `<tr>${row.map((cell, i) => cellHtml(cell, report, r, cells[i]!.c, web.stickyLeft[cells[i]!.c])).join('')}</tr>`;
  });
  const head = layout.headerRows > 0 ? `<thead>\n${rows.slice(0, layout.headerRows).join('\n')}\n</thead>\n` : '';
  const body = `<tbody>\n${rows.slice(layout.headerRows).join('\n')}\n</tbody>`;
  const html = `<div class="table-scroll" role="region" tabindex="0" aria-labelledby="${labelledBy}">
<table class="t-${layout.table}" style="--print-size:${pt(fit.size)};--min-width:${web.minWidth.toFixed(2)}em"><colgroup>${cols}</colgroup>
${head}${body}
</table></div>`;
  const css = Number.isFinite(web.wideFrom)
    ? `@media screen { @container (min-width: ${web.wideFrom.toFixed(2)}em) { table.t-${layout.table} col { width: var(--wide, auto); } } }`
    : '';
  return { html, css };
}

function sectionHtml(section: SectionContent, report: Report, newPage: boolean): { html: string; css: string } {
  const id = `s-${section.id}`;
  const landscape = section.body.kind === 'table' && section.body.layout.landscape;
  const table = section.body.kind === 'table' ? tableHtml(section.body.layout, report, id) : undefined;
  const body = table ? table.html : section.body.kind === 'narrative' ? narrativeHtml(section.body.lines) : '';
  const classes = [table ? 'table-section' : '', landscape ? 'landscape' : '', newPage ? 'new-page' : ''].filter(Boolean).join(' ');
  const html = `<section${classes ? ` class="${classes}"` : ''} aria-labelledby="${id}">
<h2 id="${id}">${wordsHtml(section.heading)}</h2>
${body}
</section>`;
  return { html, css: table?.css ?? '' };
}

function closingHtml(closing: Closing): string {
  const { signatureFromRight, dateFromRight } = closingPlacement(closing);
  const at = (fromRight: number) => `padding-left:max(0px, calc(100% - ${fromRight.toFixed(3)} * var(--char)))`;
  return `<div class="closing"><p class="signature" style="${at(signatureFromRight)}">${escapeHtml(closing.signature)}</p><p class="date" style="${at(dateFromRight)}">${escapeHtml(closing.date)}</p></div>`;
}

/** The title as printed, its last words kept together so that "报告" never stands alone on a line. */
function titleHtml(lines: readonly string[]): string {
  return lines
    .map((line) => {
      const keep = /工作年度报告$/.exec(line);
      return keep ? `${wordsHtml(line.slice(0, keep.index))}<wbr><span class="keep">${escapeHtml(keep[0])}</span>` : wordsHtml(line);
    })
    .join('<br>');
}

/**
 * The whole report as one HTML file: inline CSS, semantic headings, the
 * official tables. 落款 and 成文日期 only with `closing` (the PDF always asks for them).
 */
export function renderReportHtml(report: Report, options: DocumentOptions): string {
  const doc = documentContent(report, { ...options, closing: options.closing ?? false });
  const title = `${doc.draft ? '【草稿】' : ''}${doc.title}`;
  // The printed pages break where the Word file's do.
  const plan = planPages(doc, report);
  const sections = doc.sections.map((s) => sectionHtml(s, report, plan.breakBefore.has(s.id)));
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="author" content="${escapeHtml(doc.agency)}">
<title>${escapeHtml(title)}</title>
<style>${styles(doc.draft)}
  ${sections
    .map((s) => s.css)
    .filter(Boolean)
    .join('\n  ')}
</style>
</head>
<body>
<main>
${doc.draft ? '<p class="draft-mark" role="note">草稿</p>\n<div class="draft-watermark" aria-hidden="true">草稿</div>\n' : ''}<h1>${titleHtml(doc.titleLines)}</h1>
${narrativeHtml(doc.preamble)}
${sections.map((s) => s.html).join('\n')}
${doc.closing ? closingHtml(doc.closing) : ''}
</main>
</body>
</html>
`;
}
