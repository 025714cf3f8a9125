// 一、总体情况 in five boxes: the one reading of the overview text lives in the
// shared content model (src/shared/document/overview.ts), so the editor and the
// Word/HTML writers agree on where each part starts.
export {
  OVERVIEW_PARTS,
  boxLines,
  composeOverview,
  parseOverview,
  withOpening,
  withPart,
  type OverviewPart,
  type ParsedOverview,
} from '../../../shared/document/overview';
