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

/** "2 个错误，3 个需核实（…），1 个提示": findings counted by severity, a note after the warnings where given. */
export function severityCounts(counts: Readonly<Record<Severity, number>>, warningNote = ''): string {
  return SEVERITIES.map((s) => `${counts[s]} 个${SEVERITY_LABEL[s]}${s === 'warning' ? warningNote : ''}`).join('，');
}

/** Findings counted by severity. */
export function countBySeverity(findings: readonly { severity: Severity }[]): Record<Severity, number> {
  const counts = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  for (const f of findings) counts[f.severity]++;
  return counts;
}

/** A text of the report the rules read: a narrative section, or the preamble printed before 一、总体情况. */
export type TextId = NarrativeId | 'preamble';

/** Where in a text a finding is: offsets into the text as stored, and the words there. */
export interface TextSpan {
  text: TextId;
  start: number;
  end: number;
  /** The words the finding is about, as the author wrote them (a short stretch around the span where it is long). */
  quote: string;
}

/** A quick fix's change of a text: the characters `start`–`end`, which must still read `was`, become `value`. */
export interface TextEdit {
  text: TextId;
  start: number;
  end: number;
  was: string;
  value: string;
}

export interface QuickFix {
  label: string;
  changes: readonly { cell: CellKey; value: CellValue }[];
  /** Changes of the text (a stated number corrected, a half-width comma made full-width). */
  edits?: readonly TextEdit[];
}

export interface Finding {
  /** Stable across validations of the same report; explanations are keyed by it. */
  id: string;
  rule: string;
  severity: Severity;
  section: SectionId;
  message: string;
  cells: readonly CellKey[];
  /** For a finding about words: where they stand, so the editor can mark them and a list can quote them. */
  span?: TextSpan;
  fix?: QuickFix;
}

/**
 * What a document (Word, web page, PDF) showed of the report's outline: each
 * section's heading as written, where the reader found it by its words.
 */
export interface DocumentOutline {
  headings: Partial<Record<SectionId, string>>;
}

export interface ValidationContext {
  /** The same body's report for year − 1, where the library or the user has it. */
  previous?: import('../model/report').Report | null;
  /** Set when validating for an export as final: the date of the export (YYYY-MM-DD). */
  finalExportDate?: string;
  /** Set when the report was read from a document: its headings as written, for `outline.numbering`. */
  outline?: DocumentOutline;
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
  /**
   * Its quick fix changes the author's wording (punctuation, a doubled word): offered one by one,
   * never applied by 全部修正, which changes figures and nothing else of the text.
   */
  ownFixOnly?: boolean;
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

/** By when a body of some levels publishes the report (条例 第四十九条): month and day of year + 1. */
export interface Deadline {
  /** Who is due then, as the message names them: "政府", "部门". */
  who: string;
  levels: readonly Level[];
  /** A body of another level whose name matches this (a provincial 人民政府 among 省级) is due then too. */
  named?: string;
  month: number;
  day: number;
}

export interface DeadlineRule extends RuleBase {
  kind: 'deadline';
  /** The first that fits the body's level (or name) applies; the last fits every body. */
  due: readonly Deadline[];
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
  /** The quick fix where a phrase can mean one quantity only; {value} is the table's figure. */
  fixLabel: string;
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

/** A statement that there was none of something (未收到申请, 未发生行政复议, 均已办结) and the quantity that must then be 0. */
export interface NoneStatement {
  name: string;
  /** Regular expression sources; a match is the statement. */
  patterns: readonly string[];
  /** A regular expression source: where the sentence before the statement matches it, the statement is about something else. */
  unless?: string;
  /** A regular expression source the sentence before the statement must match (均已办结 of 申请, not of 建议提案). */
  within?: string;
  /** Cells whose sum the statement says is 0. */
  cells: readonly CellKey[];
  /** The quantity as the message names it, {0} its value: "本年新收申请 {0} 件". */
  quantity: string;
}

export interface ContradictionRule extends RuleBase {
  kind: 'contradiction';
  statements: readonly NoneStatement[];
  /**
   * The reverse: the id of the rule whose phrases read stated counts. A
   * count above 0 where every quantity its phrase may mean is 0 is a
   * contradiction (that rule leaves it to this one).
   */
  countsOf: string;
  /** For a statement of none and for a count where the table has none alike: {section} {quote} {quantity}. */
  message: string;
}

/** With last year's report: a text that must speak of how last year's problems were addressed. */
export interface FollowupRule extends RuleBase {
  kind: 'followup';
  section: NarrativeId;
  /** Regular expression sources for words that speak of last year's problems; {prevYear} stands for last year. */
  mentions: readonly string[];
  message: string;
}

export interface OutlineNumberingRule extends RuleBase {
  kind: 'outlineNumbering';
  sections: readonly NarrativeId[];
  /** A regular expression source for a line opening with a top-level number; group `n` is the numeral. */
  line: string;
  message: string;
  /** For a report read from a document: a section found by its title under another number. */
  documentMessage: string;
}

export interface PartsStatedRule extends RuleBase {
  kind: 'partsStated';
  texts: readonly TextId[];
  /** Regular expression sources; group `n` is the number of parts a sentence states. */
  patterns: readonly string[];
  /** A sentence states the report's parts only where it also matches this (本报告, 报告共…). */
  about: string;
  expected: number;
  message: string;
}

export interface PunctuationRule extends RuleBase {
  kind: 'punctuation';
  texts: readonly TextId[];
  /** Half-width marks that must not stand between Chinese characters, with the full-width form where only one fits. */
  halfWidth: readonly { mark: string; fullWidth?: string }[];
  /**
   * Half-width marks are slips only in a report that writes its commas mostly as this mark (typed with
   * full-width punctuation); one mostly in half-width (a web page's, a converted file's) follows
   * another convention, and its marks are not slips.
   */
  convention: string;
  /** Brackets and quotation marks, each kind with the characters that open and close it (half- and full-width alike). */
  pairs: readonly { open: string; close: string }[];
  halfWidthMessage: string;
  fixLabel: string;
  unclosedMessage: string;
  unopenedMessage: string;
}

export interface RepeatedRule extends RuleBase {
  kind: 'repeated';
  texts: readonly TextId[];
  /** Single characters that are a slip when doubled, each with where the double is right (的 in 目的的, 的的确确). */
  chars: readonly { char: string; notAfter?: string; notBefore?: string }[];
  /** Words of two to four characters that are right when doubled (研究研究); any other doubled word is a slip. */
  words: { min: number; max: number; allowed: readonly string[] };
  message: string;
  fixLabel: string;
}

/** A region's report beside the sum of its bodies' (evaluated by the review, which has the bodies). */
export interface HierarchyRule extends RuleBase {
  kind: 'hierarchy';
  /** 现行有效件数 and other stocks: a difference may be right, so only a notice. */
  stockSeverity: Severity;
  message: string;
  stockMessage: string;
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
  | RepetitionRule
  | ContradictionRule
  | FollowupRule
  | OutlineNumberingRule
  | PartsStatedRule
  | PunctuationRule
  | RepeatedRule
  | HierarchyRule;

export type { TableId };
