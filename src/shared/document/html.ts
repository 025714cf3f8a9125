// The report as one self-contained web page: what the body publishes on its
// website, what the app's export preview shows, and (printed by a browser)
// the PDF. Pure: a string in, a string out, no external resources.
import type { LayoutCell, TableLayout } from '../template/layout';
import type { Report } from '../model/report';
import { cellText, documentContent, type NarrativeLine, type SectionContent } from './content';
import { FONTS, LINE_PITCH_PT, PAGE_MM, SIZES, cssFontFamily } from './fonts';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ESCAPES[ch]!);
}

const pt = (n: number) => `${Math.round(n * 100) / 100}pt`;
const { top, right, bottom, left } = PAGE_MM;

// A landscape table page is the portrait sheet turned so that the table's head
// faces the binding edge: its top margin is the portrait left margin, and so on.
const PAGE_NUMBER = `content: "— " counter(page) " —"; font-family: ${cssFontFamily(FONTS.table)}; font-size: ${pt(SIZES.pageNumber)};`;

function pageRules(draft: boolean): string {
  const draftBox = draft ? `@top-center { content: "草稿"; font-family: ${cssFontFamily(FONTS.heading)}; font-size: ${pt(SIZES.pageNumber)}; color: #c00; }` : '';
  // GB/T 9704: odd pages number at the right, even pages at the left, one character in from the edge.
  const numbers = `:right { @bottom-right { ${PAGE_NUMBER} padding-right: 1em; } ${draftBox} }
  @page :left { @bottom-left { ${PAGE_NUMBER} padding-left: 1em; } ${draftBox} }`;
  return `@page { size: A4; margin: ${top}mm ${right}mm ${bottom}mm ${left}mm; }
  @page ${numbers}
  @page landscape { size: A4 landscape; margin: ${left}mm ${top}mm ${right}mm ${bottom}mm; }
  @page landscape${numbers.replace('@page :left', '@page landscape:left')}`;
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
  td.value { text-align: center; font-variant-numeric: tabular-nums; }
  @media screen {
    table.t-proactive { min-width: 26em; }
    table.t-requests { min-width: 44em; }
    table.t-appeals { min-width: 48em; }
  }
  @media print {
    ${pageRules(draft)}
    /* Lines are not pushed to the next page to avoid a lone line: that would break the 22-line grid. */
    body { font-size: ${pt(SIZES.body)}; line-height: ${pt(LINE_PITCH_PT)}; widows: 1; orphans: 1; }
    main { max-width: none; padding: 0; }
    h1 { font-size: ${pt(SIZES.title)}; line-height: ${pt(LINE_PITCH_PT * 1.2)}; margin: 0 0 ${pt(LINE_PITCH_PT)}; }
    h2, h3 { break-after: avoid; }
    .draft-mark { display: none; }
    .table-scroll { overflow: visible; }
    section.landscape { page: landscape; }
    table { font-size: ${pt(SIZES.table)}; line-height: 1.3; }
    tr { break-inside: avoid; }
    /* Table 三 set tight enough to fit one page, and every table kept whole with its heading:
       browsers will not split 三's 22-row 办理结果 block, which left two rows stranded under the heading. */
    table.t-requests { font-size: ${pt(SIZES.table - 1.5)}; line-height: 1.15; }
    table.t-requests td, table.t-requests th { padding-top: 1pt; padding-bottom: 1pt; }
    section.table-section { break-inside: avoid; }
  }`;
}

function narrativeHtml(lines: readonly NarrativeLine[]): string {
  return lines
    .map((line) => {
      if (line.kind === 'paragraph') return `<p>${escapeHtml(line.text)}</p>`;
      if (line.rest === '') return `<h3>${escapeHtml(line.heading)}</h3>`;
      return `<div class="run-in"><h3>${escapeHtml(line.heading)}</h3><p>${escapeHtml(line.rest)}</p></div>`;
    })
    .join('\n');
}

function cellHtml(cell: LayoutCell, report: Report): string {
  const spans = `${cell.rowSpan > 1 ? ` rowspan="${cell.rowSpan}"` : ''}${cell.colSpan > 1 ? ` colspan="${cell.colSpan}"` : ''}`;
  switch (cell.kind) {
    case 'head':
      return `<th scope="${cell.colSpan > 1 ? 'colgroup' : 'col'}"${spans}>${escapeHtml(cell.text)}</th>`;
    case 'label':
      return `<th scope="${cell.rowSpan > 1 ? 'rowgroup' : 'row'}"${spans}>${escapeHtml(cell.text)}</th>`;
    case 'note':
      return `<td class="note"${spans}>${escapeHtml(cell.text)}</td>`;
    case 'value':
      return `<td class="value" data-key="${cell.key}"${spans}>${escapeHtml(cellText(report, cell.key))}</td>`;
  }
}

export function tableHtml(layout: TableLayout, report: Report, labelledBy: string): string {
  const total = layout.widths.reduce((a, b) => a + b, 0);
  const cols = layout.widths.map((w) => `<col style="width:${((w / total) * 100).toFixed(2)}%">`).join('');
  const rows = layout.rows.map((row) => `<tr>${row.map((cell) => cellHtml(cell, report)).join('')}</tr>`);
  const head = layout.headerRows > 0 ? `<thead>\n${rows.slice(0, layout.headerRows).join('\n')}\n</thead>\n` : '';
  const body = `<tbody>\n${rows.slice(layout.headerRows).join('\n')}\n</tbody>`;
  return `<div class="table-scroll" role="region" tabindex="0" aria-labelledby="${labelledBy}">
<table class="t-${layout.table}"><colgroup>${cols}</colgroup>
${head}${body}
</table></div>`;
}

function sectionHtml(section: SectionContent, report: Report): string {
  const id = `s-${section.id}`;
  const landscape = section.body.kind === 'table' && section.body.layout.landscape;
  const body = section.body.kind === 'table' ? tableHtml(section.body.layout, report, id) : narrativeHtml(section.body.lines);
  const classes = [section.body.kind === 'table' ? 'table-section' : '', landscape ? 'landscape' : ''].filter(Boolean).join(' ');
  return `<section${classes ? ` class="${classes}"` : ''} aria-labelledby="${id}">
<h2 id="${id}">${escapeHtml(section.heading)}</h2>
${body}
</section>`;
}

/** The whole report as one HTML file: inline CSS, semantic headings, the official tables. */
export function renderReportHtml(report: Report, options: { draft: boolean }): string {
  const doc = documentContent(report, options);
  const title = `${doc.draft ? '【草稿】' : ''}${doc.title}`;
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="author" content="${escapeHtml(doc.agency)}">
<title>${escapeHtml(title)}</title>
<style>${styles(doc.draft)}
</style>
</head>
<body>
<main>
${doc.draft ? '<p class="draft-mark" role="note">草稿</p>\n' : ''}<h1>${doc.titleLines.map(escapeHtml).join('<br>')}</h1>
${narrativeHtml(doc.preamble)}
${doc.sections.map((s) => sectionHtml(s, report)).join('\n')}
</main>
</body>
</html>
`;
}
