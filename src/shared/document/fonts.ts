// The fonts of GB/T 9704-2012 and what stands in for each where a PC lacks it.
// The Word writer names `name` and records the fallbacks in the font table; the
// HTML writer lists them all in `font-family`, first to last.
export interface FontRole {
  /** The font the standard names. */
  name: string;
  /** Installed on most Chinese Windows PCs / in WPS, tried in order when `name` is missing. */
  fallbacks: readonly string[];
  /** Generic CSS family that ends the list. */
  generic: 'serif' | 'sans-serif';
}

export const FONTS = {
  /** 标题：方正小标宋简体 */
  title: {
    name: '方正小标宋简体',
    fallbacks: ['宋体', 'SimSun', '华文中宋', 'STZhongsong', 'Songti SC', 'Noto Serif CJK SC'],
    generic: 'serif',
  },
  /** 正文：仿宋_GB2312 */
  body: { name: '仿宋_GB2312', fallbacks: ['仿宋', 'FangSong', 'STFangsong', 'Noto Serif CJK SC'], generic: 'serif' },
  /** 一级标题（一、）：黑体 */
  heading: { name: '黑体', fallbacks: ['SimHei', 'Heiti SC', 'Noto Sans CJK SC'], generic: 'sans-serif' },
  /** 二级标题（（一））：楷体_GB2312 */
  subheading: { name: '楷体_GB2312', fallbacks: ['楷体', 'KaiTi', 'STKaiti', 'Noto Serif CJK SC'], generic: 'serif' },
  /** 表格与页码：宋体 */
  table: { name: '宋体', fallbacks: ['SimSun', 'Songti SC', 'Noto Serif CJK SC'], generic: 'serif' },
} as const satisfies Record<string, FontRole>;

/** A CSS `font-family` value: the standard's font, its fallbacks, a generic family. */
export function cssFontFamily(role: FontRole): string {
  return [role.name, ...role.fallbacks]
    .map((f) => `"${f}"`)
    .concat(role.generic)
    .join(', ');
}

/** Sizes in points (号): 二号 22, 三号 16, 四号 14, 五号 10.5. */
export const SIZES = { title: 22, body: 16, pageNumber: 14, table: 10.5 } as const;

/**
 * The sizes a table may be set in, largest first: 五号 where the table fits its
 * page, down to 小五 (9 pt) for one that would otherwise break badly.
 */
export const TABLE_SIZES: readonly number[] = [10.5, 10, 9.5, 9];

/** The type area of GB/T 9704: A4 with these margins in millimetres. */
export const PAGE_MM = { width: 210, height: 297, top: 37, bottom: 35, left: 28, right: 26 } as const;

/**
 * 22 lines fill the type area height: (297 − 37 − 35) mm / 22 ≈ 28.99 pt per line,
 * rounded down to a twentieth of a point (Word's unit) so the 22nd line always fits: 28.95 pt.
 */
export const LINES_PER_PAGE = 22;
export const LINE_PITCH_PT = Math.floor((((PAGE_MM.height - PAGE_MM.top - PAGE_MM.bottom) / 25.4) * 72 * 20) / LINES_PER_PAGE) / 20;

/** GB/T 9704: 28 characters of 三号 to a line of the 156 mm type area. */
export const CHARS_PER_LINE = 28;

/** The type area (版心) in millimetres: 156 × 225 on a portrait page. */
export const TYPE_AREA_MM = {
  width: PAGE_MM.width - PAGE_MM.left - PAGE_MM.right,
  height: PAGE_MM.height - PAGE_MM.top - PAGE_MM.bottom,
} as const;

/** GB/T 9704 7.5: the page number's 一字线 lies 7 mm below the type area's lower edge. */
export const PAGE_NUMBER_BELOW_TYPE_AREA_MM = 7;

export const MM_PER_PT = 25.4 / 72;

/**
 * Latin letters and digits of 宋体 are half an em; where 宋体 is missing the
 * digits come from a Latin font (DejaVu Sans: 0.64 em), so a figure is measured at that.
 */
export const LATIN_EM = 0.65;

/** Width of text in ems of its own size: CJK characters and full-width forms one em, the rest about half. */
export function textEm(text: string): number {
  let n = 0;
  for (const ch of text) n += ch.charCodeAt(0) > 0x2e7f ? 1 : LATIN_EM;
  return n;
}
