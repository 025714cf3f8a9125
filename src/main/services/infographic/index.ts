// The 一图读懂 written as a file: a PNG at 750 px (a WeChat article) or 1500 px
// (print), a PDF on A4 pages (the picture cut between its parts), or the
// self-contained web page. One SVG (src/shared/infographic) is behind all three.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { renderChartSvg } from '../../../charts/echarts-svg';
import { fail, type Result } from '../../../shared/api/result';
import {
  composeInfographic,
  infographicHtml,
  infographicOutput,
  infographicPrintHtml,
  type ComposedInfographic,
  type InfographicInput,
  type InfographicKind,
} from '../../../shared/infographic';
import { chromiumPrinter, type PdfPrinter } from '../documents/pdf-writer';
import { writeFileAtomic } from '../fs/files';

export function composeWithCharts(input: InfographicInput): ComposedInfographic {
  return composeInfographic(input, renderChartSvg);
}

/**
 * The CJK font resvg falls back to where none of the stack's families is
 * installed under its name: the one each system ships.
 */
export function cjkFallback(platform: NodeJS.Platform = process.platform): string {
  if (platform === 'win32') return 'Microsoft YaHei';
  if (platform === 'darwin') return 'PingFang SC';
  return 'Noto Sans CJK SC';
}

type ResvgModule = typeof import('@resvg/resvg-js');

/**
 * Where the packaged desktop app keeps resvg-js with the binary for its own
 * platform beside it (outside node_modules, which holds the build machine's):
 * set by the shell, absent in the CLI, the browser mode and the tests.
 */
export const RESVG_BINDING_ENV = 'NIANBAO_RESVG_BINDING';

/**
 * resvg is a per-platform native module: loaded when a picture is made, never
 * at start, so a missing or foreign binary costs one export a clear message
 * instead of the whole app its launch.
 */
async function loadResvg(): Promise<ResvgModule> {
  const folder = process.env[RESVG_BINDING_ENV];
  if (!folder) return import('@resvg/resvg-js');
  // resvg-js's own loader, which takes the binary lying beside it first.
  const loaded = (await import(pathToFileURL(join(folder, 'index.js')).href)) as ResvgModule & { default?: ResvgModule };
  return loaded.default ?? loaded;
}

export async function infographicPng(composed: ComposedInfographic, width: number): Promise<Uint8Array> {
  const { Resvg } = await loadResvg();
  const resvg = new Resvg(composed.svg, {
    fitTo: { mode: 'width', value: width },
    background: '#ffffff',
    font: { loadSystemFonts: true, defaultFontFamily: cjkFallback(), sansSerifFamily: cjkFallback() },
  });
  return resvg.render().asPng();
}

export interface InfographicWriteOptions {
  /** How a PDF is printed: the app passes Electron's printToPDF; without it an installed browser prints. */
  printer?: PdfPrinter;
}

/** Writes the whole file or nothing. */
export async function writeInfographic(
  input: InfographicInput,
  kind: InfographicKind,
  outPath: string,
  options: InfographicWriteOptions = {},
): Promise<Result<void>> {
  const composed = composeWithCharts(input);
  if (kind === 'html') return writeFileAtomic(outPath, infographicHtml(composed));
  if (kind === 'pdf') {
    const printed = await (options.printer ?? chromiumPrinter())(infographicPrintHtml(composed));
    // Without a browser to print with, the picture and the web page still can be written: say so.
    if (!printed.ok && printed.error.code === 'no_browser')
      return fail(
        'no_browser',
        '无法导出一图读懂的 PDF：本机未找到 Microsoft Edge 或 Google Chrome 浏览器。请安装其中之一后重试，或改为导出 PNG 图片或网页',
      );
    return printed.ok ? writeFileAtomic(outPath, printed.value) : printed;
  }
  let png: Uint8Array;
  try {
    png = await infographicPng(composed, composed.width * (infographicOutput(kind).scale ?? 1));
  } catch (err) {
    return fail('render_failed', `无法生成一图读懂图片（${(err as Error).message}）：请重试，或改为导出网页（.html）`);
  }
  return writeFileAtomic(outPath, png);
}
