// The 一图读懂 as one tall SVG, 750 px wide (a WeChat article's width): the
// title and year, the headline figures with their change against last year,
// the four charts and the author's highlights. The same SVG becomes the PNG
// (resvg), the PDF (printed by a browser, charts kept as vectors) and the web
// page section (inline), so the three cannot differ. Charts come in as SVG
// strings from the ECharts renderer the caller passes (Node or the page).
import { escapeHtml } from '../document/html';
import { computeKpis, formatChange, formatKpi, kpi, KPI_EDGE_NOTE, type KpiValue } from '../kpi';
import { documentTitle, type Report } from '../model/report';
import {
  appealData,
  appealRowName,
  barOption,
  categoryLabelWidth,
  chartSections,
  ringOption,
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
  svg: string;
  width: number;
  height: number;
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
  const lines = (o.balanced ? balancedWrap : wrapText)(content, o.size, width, o.maxLines);
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
  const agency = paragraph(PAD, y, report.agency, INNER, {
    size: 44,
    fill: '#FFFFFF',
    weight: 'bold',
    lineHeight: 60,
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
    const size = fitFontSize(figure, 48, room);
    const figureWidth = textWidth(figure, size);
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
    parts.push(
      text(PAGE_WIDTH - PAD, y + 8, `${d.value === null ? '—' : d.value.toLocaleString('en-US')}件 · ${share(d.value, whole)}`, {
        size: FONT.label,
        weight: 'bold',
        anchor: 'end',
      }),
    );
  });
  return { svg: parts.join(''), height: ring };
}

function appealsBlock(section: ChartSection, report: Report, render: ChartRenderer, y0: number): { svg: string; height: number } {
  if (!section.data) return emptyBox(section.empty, y0);
  const appeals = appealData(report);
  const names = appeals.rows.map((_, i) => appealRowName(appeals, i));
  const width = categoryLabelWidth(names, FONT.label);
  // The legend, one line: a swatch and each result's name.
  const legend: string[] = [];
  let x = PAD;
  appeals.series.forEach((s, k) => {
    legend.push(`<rect x="${num(x)}" y="${y0 + 4}" width="20" height="20" rx="4" fill="${SERIES_COLORS[k % SERIES_COLORS.length]}"/>`);
    legend.push(text(x + 28, y0 + 22, s.name, { size: FONT.label }));
    x += 28 + textWidth(s.name, FONT.label) + 28;
  });
  const top = 44;
  const h = appeals.rows.length * 58;
  return {
    svg: legend.join('') + placed(PAD, y0 + top, render(stackedOption(appeals, { font: FONT.label }, width), INNER, h)),
    height: top + h,
  };
}

function highlightsBlock(highlights: readonly string[], y0: number): { svg: string; height: number } {
  let y = y0;
  const parts: string[] = [];
  for (const h of highlights) {
    const p = paragraph(PAD + 26, y, h, INNER - 26, { size: FONT.body, lineHeight: 38, maxLines: 3 });
    parts.push(`<circle cx="${PAD + 7}" cy="${num(y + 19)}" r="6" fill="${COLORS.gold}"/>`, p.svg);
    y += p.height + 14;
  }
  return { svg: parts.join(''), height: y - y0 - 14 };
}

function footer(report: Report, y0: number): { svg: string; height: number } {
  let y = y0 + 32;
  const parts: string[] = [];
  const rate = kpi('disclosure_rate');
  for (const [line, size] of [
    [`数据来源：《${documentTitle(report)}》`, 20],
    [`${rate.label}：${rate.definition}。${KPI_EDGE_NOTE}`, 17],
  ] as const) {
    const p = paragraph(PAD, y, line, INNER, { size, fill: '#F5E6C8', lineHeight: size * 1.6 });
    parts.push(p.svg);
    y += p.height + 8;
  }
  y += 24;
  return {
    svg: `<rect x="0" y="${y0}" width="${PAGE_WIDTH}" height="${y - y0}" fill="${COLORS.deepRed}"/>` + parts.join(''),
    height: y - y0,
  };
}

export function composeInfographic(input: InfographicInput, render: ChartRenderer): ComposedInfographic {
  const { report, previous, highlights } = input;
  const kpis = computeKpis(report, previous);
  const headline = HEADLINE_KPIS.map((id) => kpis.find((k) => k.def.id === id)!);
  const sections = chartSections(report);
  const blocks: string[] = [];
  let y = 0;
  const add = (b: { svg: string; height: number }, after: number) => {
    blocks.push(b.svg);
    y += b.height + after;
  };
  add(header(report, y), 36);
  add(tiles(headline, y), 48);
  for (const s of [sections.applicants, sections.results, sections.proactive, sections.appeals]) {
    add(sectionHeading(s.heading, s.summary, y), 0);
    if (s.id === 'applicants') add(barsBlock(s, render, y, COLORS.red), 48);
    else if (s.id === 'proactive') add(barsBlock(s, render, y, COLORS.gold), 48);
    else if (s.id === 'results') add(resultsBlock(s, report, render, y), 48);
    else add(appealsBlock(s, report, render, y), 48);
  }
  if (highlights.length > 0) {
    add(sectionHeading('工作亮点', '', y), 0);
    add(highlightsBlock(highlights, y), 40);
  }
  add(footer(report, y), 0);
  const height = Math.ceil(y);
  const title = `一图读懂${documentTitle(report)}`;
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${PAGE_WIDTH}" height="${height}" viewBox="0 0 ${PAGE_WIDTH} ${height}" font-family="${FONT_STACK}" lang="zh-CN">` +
    `<title>${esc(title)}</title>` +
    `<defs><linearGradient id="ig-header" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${COLORS.red}"/><stop offset="1" stop-color="${COLORS.deepRed}"/></linearGradient></defs>` +
    `<rect width="${PAGE_WIDTH}" height="${height}" fill="${COLORS.paper}"/>` +
    blocks.join('') +
    `</svg>`;
  return { title, svg, width: PAGE_WIDTH, height };
}

/**
 * The page for the website: one self-contained section (inline CSS, the
 * picture as inline SVG, no request of any kind) in a minimal document, which
 * a browser also prints as the PDF: one page exactly the picture's size.
 */
export function infographicHtml(composed: ComposedInfographic): string {
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(composed.title)}</title>
<style>
  @page { size: ${composed.width}px ${composed.height}px; margin: 0; }
  html, body { margin: 0; padding: 0; background: ${COLORS.paper}; }
  @media print { .nianbao-infographic { max-width: none !important; width: ${composed.width}px; } }
</style>
</head>
<body>
<!-- 发布到网站时，复制下面的 <section> 即可：样式、图表都在其中，不引用任何外部文件。 -->
<section class="nianbao-infographic" aria-label="${esc(composed.title)}">
<style>
  .nianbao-infographic { max-width: ${composed.width}px; margin: 0 auto; font-family: ${FONT_STACK_CSS}; }
  .nianbao-infographic > svg { display: block; width: 100%; height: auto; }
</style>
${composed.svg}
</section>
</body>
</html>
`;
}
