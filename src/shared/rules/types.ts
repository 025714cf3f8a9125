// The shapes of rules (data) and findings (what the engine derives).
import type { CellKey } from '../model/cells';
import type { CellValue } from '../model/report';
import type { Level, NarrativeId, SectionId, TableId } from '../template/gov2021';

/** Worst first: the order findings are listed in, and which mark wins on a cell. */
export const SEVERITIES = ['error', 'warning', 'notice'] as const;
export type Severity = (typeof SEVERITIES)[number];

const RANK = Object.fromEntries(SEVERITIES.map((s, i) => [s, i])) as Record<Severity, number>;

/** Negative when `a` is worse than `b`: sorts findings errors first. */
export function bySeverity(a: Severity, b: Severity): number {
  return RANK[a] - RANK[b];
}

export const SEVERITY_LABEL: Record<Severity, string> = { error: '错误', warning: '需核实', notice: '提示' };

export interface QuickFix {
  label: string;
  changes: readonly { cell: CellKey; value: CellValue }[];
}

export interface Finding {
  /** Stable across validations of the same report; explanations are keyed by it. */
  id: string;
  rule: string;
  severity: Severity;
  section: SectionId;
  message: string;
  cells: readonly CellKey[];
  fix?: QuickFix;
}

export interface ValidationContext {
  /** The same body's report for year − 1, where the library or the user has it. */
  previous?: import('../model/report').Report | null;
  /** Set when validating for an export as final: the date of the export (YYYY-MM-DD). */
  finalExportDate?: string;
}

/** One term of an equation: a cell (with `{i}` standing for the index), of this or last year's report. */
export interface Term {
  cell: string;
  previous?: boolean;
  negative?: boolean;
}

/** What the editor does with a rule's findings beyond listing them. */
export interface RuleTraits {
  /** Its findings say a section is still being written (the outline shows 填写中), not that something needs checking. */
  unfinished?: boolean;
  /** Its cells are not marked in the grid (a table being filled would be all yellow); the finding is listed in the panel. */
  unmarked?: boolean;
}

interface RuleBase {
  id: string;
  severity: Severity;
  traits?: RuleTraits;
}

/** lhs = rhs for every index; the sum rules and continuity rules are all of this shape. */
export interface EquationRule extends RuleBase {
  kind: 'equation';
  section: SectionId;
  each: readonly { key: string; name: string }[];
  lhs: readonly Term[];
  rhs: readonly Term[];
  /** `each`: one finding per index; `one`: one finding per rule gathering all indexes. */
  group: 'each' | 'one';
  /** Offer "set the lhs cell to the rhs value" (a total recomputed from its parts). */
  fixLhs?: boolean;
  /**
   * For a continuity rule (`group: 'one'`, one lhs cell equal to one cell of
   * last year's report): offer taking last year's values, under this label.
   */
  fixFromPrevious?: string;
  /**
   * Message template. Placeholders: {each} {lhsName} {lhsValue} {rhsValue}
   * {diff} {l0} {l1} {r0} {r1} {r2} …; for `group: 'one'` the message gets
   * {details}, each detail made from `detail` with the same placeholders,
   * and {prevYear}.
   */
  message: string;
  detail?: string;
  /**
   * The message where some of the parts (rhs) are blank: the blank part, not
   * the total, is then the likelier fault, so no new total is offered.
   * Placeholders as `message`, and {blankParts}.
   */
  blankPartsMessage?: string;
  /**
   * The message where the total, recomputed from its parts, would disagree
   * with another sum it is in: a part, not the total, is then at fault.
   */
  partsMessage?: string;
}

export interface CellTypeRule extends RuleBase {
  kind: 'cellType';
  messages: { text: string; negative: string; fraction: string; decimals: string };
  maxDecimals: number;
}

export interface BlankRule extends RuleBase {
  kind: 'blank';
  message: string;
  fixLabel: string;
  /** For the cells a file did not give (`Report.unread`): listed apart, never filled. Placeholders as `message`. */
  unreadMessage: string;
}

export interface LevelCellsRule extends RuleBase {
  kind: 'levelCells';
  section: SectionId;
  cells: readonly CellKey[];
  allowed: readonly Level[];
  message: string;
}

export interface JumpRule extends RuleBase {
  kind: 'jump';
  cells: readonly CellKey[];
  factor: number;
  /** Changes among small numbers (1 → 6) are not news: both below this are ignored. */
  minMagnitude: number;
  message: string;
}

export interface DeadlineRule extends RuleBase {
  kind: 'deadline';
  /** Month and day of year + 1 by which the report is due. */
  due: { month: number; day: number };
  message: string;
}

export interface CoverCheck {
  name: string;
  /** Any of these words in the text covers it. */
  any: readonly string[];
}

/** A required text that is empty, or holds only a token or the template's own headings. */
export interface NarrativeEmptyRule extends RuleBase {
  kind: 'narrativeEmpty';
  sections: readonly NarrativeId[];
  /** What a text that says nothing consists of, compared without spaces and punctuation. */
  tokens: readonly string[];
  emptyMessage: string;
  tokenMessage: string;
}

/** Checks of a text that has words in it (an empty one is `narrative.empty`'s). */
export interface NarrativeRequiredRule extends RuleBase {
  kind: 'narrativeRequired';
  checks: readonly {
    section: NarrativeId;
    mustCover?: readonly CoverCheck[];
    /** Texts shorter than this are a token, not an answer. */
    minChars?: number;
    missingMessage?: string;
    tokenMessage?: string;
  }[];
}

/** A phrase in the narrative and the table quantities the number in it may mean. */
export interface NumberPhrase {
  name: string;
  /** Regular expression sources (alternatives); the named group `n` captures the number. */
  patterns: readonly string[];
  /** Each candidate is a sum of cells; the number must equal one of them. */
  candidates: readonly (readonly CellKey[])[];
  /** Plain description of each candidate for the message. */
  candidateNames: readonly string[];
}

export interface NarrativeNumbersRule extends RuleBase {
  kind: 'narrativeNumbers';
  /** Checked in order; the first phrase that matches a stretch of text claims it. */
  phrases: readonly NumberPhrase[];
  message: string;
}

export interface NarrativeYearRule extends RuleBase {
  kind: 'narrativeYear';
  /**
   * Patterns whose group `y` is a year the text speaks of as its own working
   * year. A pattern with a group `who` counts only where what follows the
   * year starts with one of `subjects`.
   */
  patterns: readonly string[];
  /** Who or what may follow "2022年，" for the text to speak of its own work; {agency} is the report's body. */
  subjects: readonly string[];
  /** How many years back still count as a copied year (older years are history). */
  lookBack: number;
  message: string;
}

export interface FeeNoticeRule extends RuleBase {
  kind: 'feeNotice';
  cell: CellKey;
  denial: string;
  mention: string;
  message: string;
}

export interface RepetitionRule extends RuleBase {
  kind: 'repetition';
  threshold: number;
  message: string;
}

export type Rule =
  | EquationRule
  | CellTypeRule
  | BlankRule
  | LevelCellsRule
  | JumpRule
  | DeadlineRule
  | NarrativeEmptyRule
  | NarrativeRequiredRule
  | NarrativeNumbersRule
  | NarrativeYearRule
  | FeeNoticeRule
  | RepetitionRule;

export type { TableId };
