export {
  chartSections,
  categoryLabelWidth,
  barOption,
  ringOption,
  stackedOption,
  appealData,
  appealRowName,
  type ChartOption,
  type ChartRenderer,
  type ChartSection,
  type Datum,
} from './charts';
export { defaultHighlights, parseHighlights, sentences, balanced, MAX_HIGHLIGHTS } from './highlights';
export {
  composeInfographic,
  infographicHtml,
  infographicPages,
  infographicPrintHtml,
  PRINT_PAGE_MM,
  changeLine,
  HEADLINE_KPIS,
  PAGE_WIDTH,
  type ComposedInfographic,
  type InfographicInput,
} from './page';
export { COLORS, FONT_STACK, FONT_STACK_CSS, SERIES_COLORS } from './theme';
export {
  INFOGRAPHIC_KINDS,
  INFOGRAPHIC_OUTPUTS,
  infographicKindOf,
  infographicOutput,
  type InfographicKind,
  type InfographicOutput,
} from './outputs';
