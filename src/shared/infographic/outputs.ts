// The files a 一图读懂 is written as: the picture for a WeChat article and for
// print, a PDF on A4 pages, and the web page section. Their file types come
// from the one table of formats.
import { fileFormat, PNG_FILE } from '../formats';

export const INFOGRAPHIC_KINDS = ['png', 'png2x', 'pdf', 'html'] as const;
export type InfographicKind = (typeof INFOGRAPHIC_KINDS)[number];

export interface InfographicOutput {
  kind: InfographicKind;
  label: string;
  hint: string;
  file: { label: string; extensions: readonly string[]; mime: string };
  /** PNG: pixels per px of the 750 px page. */
  scale?: number;
}

export const INFOGRAPHIC_OUTPUTS: readonly InfographicOutput[] = [
  { kind: 'png', label: 'PNG 图片 · 750 像素宽', hint: '公众号文章、手机浏览', file: PNG_FILE, scale: 1 },
  { kind: 'png2x', label: 'PNG 图片 · 1500 像素宽', hint: '印刷、展板（2 倍清晰度）', file: PNG_FILE, scale: 2 },
  { kind: 'pdf', label: 'PDF · A4 纸', hint: '打印、存档：每页放完整的几部分，图表为矢量', file: fileFormat('pdf') },
  { kind: 'html', label: fileFormat('html').label, hint: '在门户网站发布：图表为内嵌矢量图，不引用外部文件', file: fileFormat('html') },
];

export function infographicOutput(kind: InfographicKind): InfographicOutput {
  return INFOGRAPHIC_OUTPUTS.find((o) => o.kind === kind)!;
}

/** The kind a file name asks for (a .png at the scale given, 1× by default); undefined for any other type. */
export function infographicKindOf(name: string, scale = 1): InfographicKind | undefined {
  const lower = name.toLowerCase();
  const matching = INFOGRAPHIC_OUTPUTS.filter((o) => o.file.extensions.some((e) => lower.endsWith(e)));
  return (matching.find((o) => (o.scale ?? 1) === scale) ?? matching[0])?.kind;
}
