// The 一图读懂 written as a file: a PNG at 750 px (a WeChat article) or 1500 px
// (print), a PDF on A4 pages (the picture cut between its parts), or the
// self-contained web page. One SVG (src/shared/infographic) is behind all three.
import { Resvg } from '@resvg/resvg-js';
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
import { chromiumPrinter, type PdfPrinter } from '../documents/pdf';
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

export function infographicPng(composed: ComposedInfographic, width: number): Uint8Array {
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
    png = infographicPng(composed, composed.width * (infographicOutput(kind).scale ?? 1));
  } catch (err) {
    return fail('render_failed', `无法生成一图读懂图片（${(err as Error).message}）：请重试，或改为导出网页（.html）`);
  }
  return writeFileAtomic(outPath, png);
}
