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
  /**
   * Advance of a half-width character (digits, Latin letters, ASCII punctuation)
   * in ems, from the named font's metrics: the GB2312 fonts set them at half
   * the width of a Chinese character.
   */
  halfWidthEm: number;
}

export const FONTS = {
  /** 标题：方正小标宋简体 */
  title: {
    name: '方正小标宋简体',
    fallbacks: ['宋体', 'SimSun', '华文中宋', 'STZhongsong', 'Songti SC', 'Noto Serif CJK SC'],
    generic: 'serif',
    halfWidthEm: 0.5,
  },
  /** 正文：仿宋_GB2312 */
  body: { name: '仿宋_GB2312', fallbacks: ['仿宋', 'FangSong', 'STFangsong', 'Noto Serif CJK SC'], generic: 'serif', halfWidthEm: 0.5 },
  /** 一级标题（一、）：黑体 */
  heading: { name: '黑体', fallbacks: ['SimHei', 'Heiti SC', 'Noto Sans CJK SC'], generic: 'sans-serif', halfWidthEm: 0.5 },
  /** 二级标题（（一））：楷体_GB2312 */
  subheading: { name: '楷体_GB2312', fallbacks: ['楷体', 'KaiTi', 'STKaiti', 'Noto Serif CJK SC'], generic: 'serif', halfWidthEm: 0.5 },
  /** 表格与页码：宋体 */
  table: { name: '宋体', fallbacks: ['SimSun', 'Songti SC', 'Noto Serif CJK SC'], generic: 'serif', halfWidthEm: 0.5 },
} as const satisfies Record<string, FontRole>;

/** A CSS `font-family` value: the standard's font, its fallbacks, a generic family. */
export function cssFontFamily(role: Pick<FontRole, 'name' | 'fallbacks' | 'generic'>): string {
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
 * How much closer than its own width each character of the body is set (points,
 * negative): 28 characters of 三号 are 448 pt, the 156 mm line 442.2 pt. Set
 * 0.3 pt closer, 28 fill the line and a 29th never fits, in Word, WPS,
 * LibreOffice and a browser alike. (One twentieth of a point more than the
 * arithmetic asks: LibreOffice wants that slack to set the 28th character.)
 */
export const BODY_TRACKING_PT = -(Math.ceil((SIZES.body - TYPE_AREA_MM.width / MM_PER_PT / CHARS_PER_LINE) * 20) + 1) / 20;

/** One character of the body as set (三号 less the tracking): the unit of GB/T 9704's "空二字". */
export const BODY_CHAR_PT = SIZES.body + BODY_TRACKING_PT;

/**
 * Characters a Chinese font sets full width although they lie below the CJK
 * blocks: the GB2312 punctuation “”‘’…—, the middle dot, ×÷, ‰, ℃, №, Roman
 * numerals, circled numbers, box drawing and geometric shapes.
 */
function isFullWidth(code: number): boolean {
  return (
    code >= 0x2e80 ||
    (code >= 0x2010 && code <= 0x2027) ||
    code === 0xb7 ||
    code === 0xd7 ||
    code === 0xf7 ||
    code === 0x2030 ||
    code === 0x2103 ||
    code === 0x2116 ||
    (code >= 0x2160 && code <= 0x217f) ||
    (code >= 0x2460 && code <= 0x27bf)
  );
}

/** Width of one character in ems of its font, by the font's metrics. */
export function charEm(ch: string, role: Pick<FontRole, 'halfWidthEm'> = FONTS.body): number {
  return isFullWidth(ch.codePointAt(0)!) ? 1 : role.halfWidthEm;
}

/** Width of text in ems of its own size, by the named font's metrics: Chinese characters one em, half-width ones `halfWidthEm`. */
export function textEm(text: string, role: Pick<FontRole, 'halfWidthEm'> = FONTS.body): number {
  let n = 0;
  for (const ch of text) n += charEm(ch, role);
  return n;
}

/** Width of a line of the body in points as set: each character its width by the font's metrics, less the tracking. */
export function bodyTextPt(text: string): number {
  let n = 0;
  for (const ch of text) n += charEm(ch, FONTS.body) * SIZES.body + BODY_TRACKING_PT;
  return n;
}

/**
 * Where a figure's width matters more than its exact place (a table column
 * that must hold six digits on one line), the widest half-width characters of
 * the fonts that stand in where a named font is missing: DejaVu Sans, the
 * Linux default, sets digits at 0.64 em.
 */
export const WIDEST_FALLBACK = { halfWidthEm: 0.65 } as const;
