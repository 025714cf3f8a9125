// The 一图读懂 as one tall SVG, 750 px wide (a WeChat article's width): the
// title and year, the headline figures with their change against last year,
// the four charts and the author's highlights. The same SVG becomes the PNG
// (resvg), the PDF (A4 pages of it printed by a browser, charts kept as
// vectors) and the web page section (inline), so the three cannot differ. Charts come in as SVG
// strings from the ECharts renderer the caller passes (Node or the page).
import { escapeHtml } from '../document/report-html';
import { computeKpis, formatChange, formatKpi, kpi, type KpiValue } from '../kpi';
import { documentTitle, type Report } from '../model/report';
import {
  appealData,
  appealRowName,
  barOption,
  categoryLabelWidth,
  chartSections,
  drawnValue,
  figureLabel,
  ringOption,
  segmentLabelsFit,
  stackedOption,
  type ChartRenderer,
  type ChartSection,
} from './charts';
import { balancedWrap, fitFontSize, textWidth, wrapText } from './text';
import { COLORS, FONT_STACK, FONT_STACK_CSS, SERIES_COLORS } from './theme';

export const PAGE_WIDTH = 750;
const PAD = 40;
const INNER = PAGE_WIDTH - 2 * PAD;
/** Body type: 22–24 px on a 750 px page is 11–12 pt on a phone, the size WeChat articles use. */
const FONT = { label: 22, body: 24, small: 19, heading: 32 } as const;

/** The figures the page leads with, in order. */
export const HEADLINE_KPIS = ['received', 'accepted', 'closed', 'disclosure_rate', 'review_cases', 'suit_cases'] as const;

export interface InfographicInput {
  report: Report;
  previous: Report | null;
  highlights: readonly string[];
}

export interface ComposedInfographic {
  title: string;
  /** The picture: one SVG, `width` × `height` px. */
  svg: string;
  width: number;
  height: number;
  /** The picture's markup inside its <svg> (its shared definitions apart), to show a part of it on a page of its own. */
  content: string;
  defs: string;
  /** Where a page may start when the picture is printed on pages: between its parts (the cover and figures, each chart, the highlights, the source). */
  breaks: number[];
}

const esc = escapeHtml;
const num = (n: number) => String(Math.round(n * 10) / 10);

interface TextOptions {
  size: number;
  fill?: string;
  weight?: 'bold';
  anchor?: 'middle' | 'end';
}

function text(x: number, y: number, content: string, o: TextOptions): string {
  const attrs = [`x="${num(x)}"`, `y="${num(y)}"`, `font-size="${o.size}"`, `fill="${o.fill ?? COLORS.ink}"`];
  if (o.weight) attrs.push(`font-weight="${o.weight}"`);
  if (o.anchor) attrs.push(`text-anchor="${o.anchor}"`);
  return `<text ${attrs.join(' ')}>${esc(content)}</text>`;
}

/** Wrapped lines from a top edge; returns the markup and the height used. */
function paragraph(
  x: number,
  top: number,
  content: string,
  width: number,
  o: TextOptions & { lineHeight: number; maxLines?: number; balanced?: boolean },
): { svg: string; height: number } {
  const lines = (o.balanced ? balancedWrap : wrapText)(content, o.size, width, o.maxLines, o.weight === 'bold');
  // The first baseline sits about 0.8 em under the line box's top, centred in the line height.
  const first = top + (o.lineHeight - o.size) / 2 + o.size * 0.85;
  return { svg: lines.map((line, i) => text(x, first + i * o.lineHeight, line, o)).join(''), height: lines.length * o.lineHeight };
}

function placed(x: number, y: number, svg: string): string {
  return `<g transform="translate(${num(x)} ${num(y)})">${svg}</g>`;
}

/** "90.0%" → ["90.0", "%"]; "1,234 件" → ["1,234", "件"]; "—" → ["—", ""]. */
function splitUnit(shown: string): [string, string] {
  if (shown.endsWith('%')) return [shown.slice(0, -1), '%'];
  const space = shown.lastIndexOf(' ');
  return space < 0 ? [shown, ''] : [shown.slice(0, space), shown.slice(space + 1)];
}

/** The line under a headline figure: its change, or last year's value where the change can't be given. */
export function changeLine(k: KpiValue): string | null {
  if (k.previous === undefined) return null;
  // Last year's published total contradicted its parts: the change is against the parts, and says so.
  const basis = k.previousNote ? '（上年按各项之和）' : '';
  if (k.change !== null && k.change !== undefined) return `较上年 ${formatChange(k.def, k.change)}${basis}`;
  return `上年 ${formatKpi(k.def, k.previous)}${basis}`;
}

function header(report: Report, y0: number): { svg: string; height: number } {
  const parts: string[] = [];
  const badge = { x: PAD, y: y0 + 44, w: 148, h: 44 };
  parts.push(`<rect x="${badge.x}" y="${badge.y}" width="${badge.w}" height="${badge.h}" rx="22" fill="${COLORS.gold}"/>`);
  parts.push(text(badge.x + badge.w / 2, badge.y + 31, '一图读懂', { size: 24, fill: COLORS.deepRed, weight: 'bold', anchor: 'middle' }));
  let y = badge.y + badge.h + 28;
  // A long name is set smaller rather than cut: three lines at most, from 44 px down to 28.
  let size = 44;
  while (size > 28 && wrapText(report.agency, size, INNER, Infinity, true).length > 3) size -= 2;
  const agency = paragraph(PAD, y, report.agency, INNER, {
    size,
    fill: '#FFFFFF',
    weight: 'bold',
    lineHeight: Math.round(size * 1.36),
    maxLines: 3,
    balanced: true,
  });
  parts.push(agency.svg);
  y += agency.height + 6;
  const sub = paragraph(PAD, y, `${report.year}年政府信息公开工作年度报告`, INNER, { size: 32, fill: COLORS.lightGold, lineHeight: 44 });
  parts.push(sub.svg);
  y += sub.height + 40;
  const height = y - y0;
  // The year, large and faint behind the title, and two gold rings at the corner: a cover, not a form.
  const decoration =
    `<text x="${PAGE_WIDTH - 24}" y="${y0 + height - 24}" font-size="150" font-weight="bold" fill="#FFFFFF" fill-opacity="0.07" text-anchor="end">${report.year}</text>` +
    `<circle cx="${PAGE_WIDTH - 40}" cy="${y0 + 30}" r="110" fill="none" stroke="${COLORS.gold}" stroke-opacity="0.25" stroke-width="2"/>` +
    `<circle cx="${PAGE_WIDTH - 40}" cy="${y0 + 30}" r="80" fill="none" stroke="${COLORS.gold}" stroke-opacity="0.18" stroke-width="2"/>`;
  const background = `<rect x="0" y="${y0}" width="${PAGE_WIDTH}" height="${height}" fill="url(#ig-header)"/>${decoration}<rect x="0" y="${y0 + height - 8}" width="${PAGE_WIDTH}" height="8" fill="${COLORS.gold}"/>`;
  return { svg: background + parts.join(''), height };
}

function tiles(values: readonly KpiValue[], y0: number): { svg: string; height: number } {
  const cols = 3;
  const gap = 18;
  const w = (INNER - gap * (cols - 1)) / cols;
  const withChange = values.some((k) => k.previous !== undefined);
  const h = withChange ? 168 : 136;
  const parts = values.map((k, i) => {
    const x = PAD + (i % cols) * (w + gap);
    const y = y0 + Math.floor(i / cols) * (h + gap);
    const [figure, unit] = splitUnit(formatKpi(k.def, k.value));
    const unitSize = 22;
    const room = w - 32 - (unit ? textWidth(unit, unitSize) + 6 : 0);
    const size = fitFontSize(figure, 48, room, true);
    const figureWidth = textWidth(figure, size, true);
    const out = [
      `<rect x="${num(x)}" y="${num(y)}" width="${num(w)}" height="${h}" rx="12" fill="${COLORS.card}" stroke="${COLORS.line}"/>`,
      `<rect x="${num(x + 16)}" y="${num(y)}" width="${num(w - 32)}" height="5" fill="${COLORS.red}"/>`,
      text(x + 16, y + 44, k.def.label, { size: FONT.label, fill: COLORS.muted }),
      text(x + 16, y + 104, figure, { size, fill: COLORS.red, weight: 'bold' }),
    ];
    if (unit) out.push(text(x + 16 + figureWidth + 6, y + 104, unit, { size: unitSize, fill: COLORS.red }));
    const change = changeLine(k);
    if (change) out.push(text(x + 16, y + 146, change, { size: FONT.small, fill: COLORS.muted }));
    return out.join('');
  });
  const rows = Math.ceil(values.length / cols);
  return { svg: parts.join(''), height: rows * h + (rows - 1) * gap };
}

function sectionHeading(heading: string, summary: string, y0: number): { svg: string; height: number } {
  const parts = [
    `<rect x="${PAD}" y="${y0}" width="8" height="36" rx="2" fill="${COLORS.red}"/>`,
    text(PAD + 22, y0 + 31, heading, { size: FONT.heading, weight: 'bold' }),
  ];
  const sum = summary
    ? paragraph(PAD, y0 + 50, summary, INNER, { size: FONT.label, fill: COLORS.muted, lineHeight: 34 })
    : { svg: '', height: 0 };
  parts.push(sum.svg);
  return { svg: parts.join(''), height: 50 + sum.height + 18 };
}

function emptyBox(message: string, y0: number): { svg: string; height: number } {
  const lines = wrapText(message, FONT.body, INNER - 48);
  const h = 40 + lines.length * 36;
  return {
    svg:
      `<rect x="${PAD}" y="${y0}" width="${INNER}" height="${h}" rx="12" fill="#F4ECDF"/>` +
      lines
        .map((l, i) => text(PAGE_WIDTH / 2, y0 + 20 + 26 + i * 36, l, { size: FONT.body, fill: COLORS.muted, anchor: 'middle' }))
        .join(''),
    height: h,
  };
}

function barsBlock(section: ChartSection, render: ChartRenderer, y0: number, color: string): { svg: string; height: number } {
  if (!section.data) return emptyBox(section.empty, y0);
  const h = section.data.length * 50;
  return {
    svg: placed(
      PAD,
      y0,
      render(
        barOption(
          section.data,
          { font: FONT.label },
          categoryLabelWidth(
            section.data.map((d) => d.name),
            FONT.label,
          ),
          color,
        ),
        INNER,
        h,
      ),
    ),
    height: h,
  };
}

/** The share of a result in the whole (办理结果总计), as the KPIs give shares. */
function share(value: number | null, whole: number | null): string {
  return formatKpi({ unit: '%' }, value === null || whole === null || whole <= 0 ? null : value / whole);
}

function resultsBlock(section: ChartSection, report: Report, render: ChartRenderer, y0: number): { svg: string; height: number } {
  if (!section.data) return emptyBox(section.empty, y0);
  const ring = 280;
  const parts = [placed(PAD, y0, render(ringOption(section.data), ring, ring))];
  const rate = kpi('disclosure_rate');
  parts.push(text(PAD + ring / 2, y0 + ring / 2 - 8, rate.label, { size: FONT.small, fill: COLORS.muted, anchor: 'middle' }));
  parts.push(
    text(PAD + ring / 2, y0 + ring / 2 + 32, formatKpi(rate, rate.value(report)), {
      size: 34,
      fill: COLORS.red,
      weight: 'bold',
      anchor: 'middle',
    }),
  );
  const whole = kpi('closed').value(report);
  const rowH = ring / section.data.length;
  const left = PAD + ring + 30;
  section.data.forEach((d, i) => {
    const y = y0 + i * rowH + rowH / 2;
    parts.push(`<rect x="${left}" y="${num(y - 9)}" width="18" height="18" rx="3" fill="${SERIES_COLORS[i % SERIES_COLORS.length]}"/>`);
    parts.push(text(left + 28, y + 8, d.name, { size: FONT.label }));
    const label = figureLabel(d.value);
    const count = label === '' ? '—' : drawnValue(d.value) === null ? label : `${label}件`;
    const figure = `${count} · ${share(drawnValue(d.value), whole)}`;
    // A long figure is set smaller rather than over its name.
    const room = PAGE_WIDTH - PAD - (left + 28 + textWidth(d.name, FONT.label) + 16);
    parts.push(text(PAGE_WIDTH - PAD, y + 8, figure, { size: fitFontSize(figure, FONT.label, room, true), weight: 'bold', anchor: 'end' }));
  });
  return { svg: parts.join(''), height: ring };
}

function appealsBlock(section: ChartSection, report: Report, render: ChartRenderer, y0: number): { svg: string; height: number } {
  if (!section.data) return emptyBox(section.empty, y0);
  const appeals = appealData(report);
  const names = appeals.rows.map((_, i) => appealRowName(appeals, i));
  const width = categoryLabelWidth(names, FONT.label);
  const sizes = { font: FONT.label };
  // The legend: a swatch and each result's name, on as many lines as it needs.
  const legend: string[] = [];
  let [x, y] = [PAD, y0];
  appeals.series.forEach((s, k) => {
    const w = 28 + textWidth(s.name, FONT.label);
    if (x > PAD && x + w > PAGE_WIDTH - PAD) [x, y] = [PAD, y + 36];
    legend.push(`<rect x="${num(x)}" y="${num(y + 4)}" width="20" height="20" rx="4" fill="${SERIES_COLORS[k % SERIES_COLORS.length]}"/>`);
    legend.push(text(x + 28, y + 22, s.name, { size: FONT.label }));
    x += w + 28;
  });
  const top = y - y0 + 44;
  const h = appeals.rows.length * 58;
  const parts = [...legend, placed(PAD, y0 + top, render(stackedOption(appeals, sizes, width, INNER), INNER, h))];
  // A row whose counts do not all fit inside their segments is said in words under the chart, every result of it.
  const fits = segmentLabelsFit(appeals, sizes, width, INNER);
  let below = y0 + top + h + 8;
  appeals.rows.forEach((row, i) => {
    const shown = appeals.series.filter((s) => (s.values[i] ?? 0) !== 0);
    if (shown.every((s) => fits[i]![appeals.series.indexOf(s)])) return;
    const line = `${row}：${shown.map((s) => `${s.name} ${figureLabel(s.values[i] ?? null)}`).join(' · ')}`;
    const p = paragraph(PAD, below, line, INNER, { size: FONT.small, fill: COLORS.muted, lineHeight: 30 });
    parts.push(p.svg);
    below += p.height;
  });
  return { svg: parts.join(''), height: below - y0 - 8 };
}

function highlightsBlock(highlights: readonly string[], y0: number): { svg: string; height: number } {
  let y = y0;
  const parts: string[] = [];
  for (const h of highlights) {
    // Whole: a highlight is one or more whole sentences (highlights.ts), never cut here.
    const p = paragraph(PAD + 26, y, h, INNER - 26, { size: FONT.body, lineHeight: 38 });
    parts.push(`<circle cx="${PAD + 7}" cy="${num(y + 19)}" r="6" fill="${COLORS.gold}"/>`, p.svg);
    y += p.height + 14;
  }
  return { svg: parts.join(''), height: y - y0 - 14 };
}

/** Where the figures come from. Only that: how the program counts (blank cells, a zero denominator) is said in the app, not in a published picture. */
function footer(report: Report, y0: number): { svg: string; height: number } {
  const p = paragraph(PAD, y0 + 32, `数据来源：《${documentTitle(report)}》`, INNER, { size: 20, fill: '#F5E6C8', lineHeight: 32 });
  const height = 32 + p.height + 32;
  return {
    svg: `<rect x="0" y="${y0}" width="${PAGE_WIDTH}" height="${height}" fill="${COLORS.deepRed}"/>` + p.svg,
    height,
  };
}

export function composeInfographic(input: InfographicInput, render: ChartRenderer): ComposedInfographic {
  const { report, previous, highlights } = input;
  const kpis = computeKpis(report, previous);
  const headline = HEADLINE_KPIS.map((id) => kpis.find((k) => k.def.id === id)!);
  const sections = chartSections(report);
  const blocks: string[] = [];
  const breaks: number[] = [];
  let y = 0;
  const add = (b: { svg: string; height: number }, after: number) => {
    blocks.push(b.svg);
    y += b.height + after;
  };
  add(header(report, y), 36);
  add(tiles(headline, y), 48);
  for (const s of [sections.applicants, sections.results, sections.proactive, sections.appeals]) {
    breaks.push(y - 24);
    add(sectionHeading(s.heading, s.summary, y), 0);
    if (s.id === 'applicants') add(barsBlock(s, render, y, COLORS.red), 48);
    else if (s.id === 'proactive') add(barsBlock(s, render, y, COLORS.gold), 48);
    else if (s.id === 'results') add(resultsBlock(s, report, render, y), 48);
    else add(appealsBlock(s, report, render, y), 48);
  }
  if (highlights.length > 0) {
    breaks.push(y - 24);
    add(sectionHeading('工作亮点', '', y), 0);
    add(highlightsBlock(highlights, y), 40);
  }
  breaks.push(y);
  add(footer(report, y), 0);
  const height = Math.ceil(y);
  const title = `一图读懂${documentTitle(report)}`;
  const defs = `<defs><linearGradient id="ig-header" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${COLORS.red}"/><stop offset="1" stop-color="${COLORS.deepRed}"/></linearGradient></defs>`;
  const content = `<rect width="${PAGE_WIDTH}" height="${height}" fill="${COLORS.paper}"/>` + blocks.join('');
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${PAGE_WIDTH}" height="${height}" viewBox="0 0 ${PAGE_WIDTH} ${height}" font-family="${FONT_STACK}" lang="zh-CN">` +
    `<title>${esc(title)}</title>${defs}${content}</svg>`;
  return { title, svg, width: PAGE_WIDTH, height, content, defs, breaks };
}

/** The section of the web page: inline CSS and the picture as inline SVG, no request of any kind. */
function section(composed: ComposedInfographic): string {
  return `<section class="nianbao-infographic" aria-label="${esc(composed.title)}">
<style>
  .nianbao-infographic { max-width: ${composed.width}px; margin: 0 auto; font-family: ${FONT_STACK_CSS}; }
  .nianbao-infographic > svg { display: block; width: 100%; height: auto; }
</style>
${composed.svg}
</section>`;
}

/** The page for the website: one self-contained section in a minimal document. */
export function infographicHtml(composed: ComposedInfographic): string {
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(composed.title)}</title>
<style>
  html, body { margin: 0; padding: 0; background: ${COLORS.paper}; }
</style>
</head>
<body>
${section(composed)}
</body>
</html>
`;
}

/** A4 portrait, and the margin every office printer leaves unprinted, in millimetres. */
export const PRINT_PAGE_MM = { width: 210, height: 297, margin: 10 } as const;

/**
 * The picture cut into A4 pages for print: each page takes as many of the
 * picture's parts as fit it whole (breaks), so no chart is cut; a part taller
 * than a page (a long list of highlights) is cut where the page ends.
 * Each page: its top and height in the picture's px.
 */
export function infographicPages(composed: ComposedInfographic): { top: number; height: number }[] {
  const { width, height, margin } = PRINT_PAGE_MM;
  const pageHeight = ((height - 2 * margin) / (width - 2 * margin)) * composed.width;
  const stops = [...composed.breaks.filter((b) => b > 0 && b < composed.height), composed.height];
  const pages: { top: number; height: number }[] = [];
  let top = 0;
  while (top < composed.height - 0.5) {
    const fitting = stops.filter((b) => b > top + 0.5 && b - top <= pageHeight);
    const end = fitting.length > 0 ? fitting.at(-1)! : Math.min(top + pageHeight, composed.height);
    pages.push({ top, height: end - top });
    top = end;
  }
  return pages;
}

/** The picture as A4 pages, each part of it whole on a page, for a browser to print as the PDF. */
export function infographicPrintHtml(composed: ComposedInfographic): string {
  const { width, height, margin } = PRINT_PAGE_MM;
  const pages = infographicPages(composed).map(
    ({ top, height: h }) =>
      `<svg class="page" xmlns="http://www.w3.org/2000/svg" viewBox="0 ${num(top)} ${composed.width} ${num(h)}" font-family="${FONT_STACK}" lang="zh-CN" role="img" aria-label="${esc(composed.title)}">${composed.content}</svg>`,
  );
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>${esc(composed.title)}</title>
<style>
  @page { size: ${width}mm ${height}mm; margin: ${margin}mm; }
  html, body { margin: 0; padding: 0; }
  .page { display: block; width: ${width - 2 * margin}mm; height: auto; break-after: page; }
  .page:last-of-type { break-after: auto; }
</style>
</head>
<body>
<svg width="0" height="0" style="position:absolute" aria-hidden="true">${composed.defs}</svg>
${pages.join('\n')}
</body>
</html>
`;
}
