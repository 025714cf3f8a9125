// The look of the 一图读懂: a government palette (deep red and gold on warm
// paper) and Chinese sans-serif type, written once for the page, its charts
// and the editor's 概览.
import { cssFontFamily, type FontRole } from '../document/fonts';

/** 微软雅黑 on Windows, 苹方 on a Mac, Noto Sans CJK on Linux, 黑体 where none is. */
export const INFOGRAPHIC_FONT: Pick<FontRole, 'name' | 'fallbacks' | 'generic'> = {
  name: 'Microsoft YaHei',
  fallbacks: ['PingFang SC', 'Noto Sans CJK SC', 'SimHei'],
  generic: 'sans-serif',
};

/** For CSS and SVG attributes written in double quotes. */
export const FONT_STACK_CSS = cssFontFamily(INFOGRAPHIC_FONT);
/**
 * The same list with single quotes: ECharts writes `font-family` into a
 * double-quoted style attribute without escaping, so double quotes there
 * would end the attribute.
 */
export const FONT_STACK = FONT_STACK_CSS.replace(/"/g, "'");

export const COLORS = {
  red: '#A8201A',
  deepRed: '#7F1410',
  gold: '#D4A24C',
  lightGold: '#F2D08A',
  paper: '#FBF7F0',
  card: '#FFFFFF',
  ink: '#2A1E1A',
  muted: '#74645A',
  line: '#E9DCC8',
} as const;

/** Series colours in order: red, gold, then quieter tones, so the first two categories carry the eye. */
export const SERIES_COLORS = ['#A8201A', '#D4A24C', '#6E2C1F', '#C98B6B', '#8F8579', '#E3C98F'] as const;
