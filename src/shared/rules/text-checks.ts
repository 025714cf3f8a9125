// What the text rules find in one text, independent of the tables: half-width
// punctuation, brackets that never close, words typed twice, lines numbered
// as if they were parts of the report, a stated number of parts, statements
// that there was none of something. Each scan depends on the rule and the
// text only, so it is kept per text (the editor revalidates on every cell
// edit, and the text has not changed).
import { memo } from '../memo';
import { parseTextNumber, TEXTS_KEPT } from './text';
import type { NarrativeNumbersRule, NoneStatement, OutlineNumberingRule, PartsStatedRule, PunctuationRule, RepeatedRule } from './types';

const compiled = memo((source: string) => new RegExp(source, 'gu'), 256);
/** A compiled pattern, reset for a new scan (one object per source, shared by every scan). */
export function regex(source: string): RegExp {
  const r = compiled(source);
  r.lastIndex = 0;
  return r;
}

/** Per rule, per text: a scan kept for the last texts seen. */
export function perText<R extends object, T>(scan: (rule: R, text: string) => T): (rule: R, text: string) => T {
  const byRule = memo((rule: R) => memo((text: string) => scan(rule, text), TEXTS_KEPT));
  return (rule, text) => byRule(rule)(text);
}

const HAN = /\p{Script=Han}/u;
const HAN_WORD = /^\p{Script=Han}+$/u;
const isHan = (ch: string | undefined) => ch !== undefined && HAN.test(ch);
/** Full-width marks that may stand before a half-width bracket as they would before a Chinese character. */
const CJK_MARK = /[，。；：、！？“”‘’《》（）【】〔〕]/;

// ---- punctuation -------------------------------------------------------------

export interface HalfWidthPlace {
  start: number;
  end: number;
  mark: string;
  /** The full-width form, where only one fits ("," → "，"; "." may be 。 or ·). */
  fullWidth?: string;
}

export interface BracketPlace {
  /** An opening mark that never closes, or a closing one that never opened. */
  kind: 'unclosed' | 'unopened';
  at: number;
  mark: string;
  /** The mark that should stand opposite it. */
  other: string;
}

export interface PunctuationScan {
  halfWidth: HalfWidthPlace[];
  brackets: BracketPlace[];
  /** Commas written full-width (the rule's convention) and half-width: which way the text is typed. */
  commas: { full: number; half: number };
}

/** A closing bracket right after a list number at a line's or a clause's start ("1）…；2）…", "一)") is the number's, not a bracket's. */
const LIST_NUMBER = /(?:^|[；;。，,：:、\s])\s*(?:\d{1,2}|[一二三四五六七八九十]{1,2}|[a-zA-Z])$/u;

function scanPunctuation(rule: PunctuationRule, text: string): PunctuationScan {
  const halfWidth: HalfWidthPlace[] = [];
  const brackets: BracketPlace[] = [];
  const marks = new Map(rule.halfWidth.map((m) => [m.mark, m.fullWidth]));
  const commas = { full: 0, half: 0 };
  const opens = new Map<string, number>();
  const closes = new Map<string, number>();
  rule.pairs.forEach((p, i) => {
    for (const ch of p.open) opens.set(ch, i);
    for (const ch of p.close) closes.set(ch, i);
  });
  /** The characters the scan acts on; every other character is passed over at once. */
  const acted = new Set([...marks.keys(), ...opens.keys(), ...closes.keys(), rule.convention, '\n']);
  let lineStart = 0;
  /** Open brackets of the current line: where, which kind. */
  let stack: { at: number; kind: number }[] = [];
  /** Half-width "(" that open a Chinese phrase, so their ")" is converted with them. */
  const halfOpen = new Set<number>();
  const endLine = () => {
    for (const o of stack) brackets.push({ kind: 'unclosed', at: o.at, mark: text[o.at]!, other: rule.pairs[o.kind]!.close[0]! });
    stack = [];
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (!acted.has(ch)) continue;
    if (ch === rule.convention) commas.full++;
    else if (ch === ',') commas.half++;
    if (ch === '\n') {
      endLine();
      lineStart = i + 1;
      continue;
    }
    const kind = opens.get(ch);
    const closing = closes.get(ch);
    if (kind !== undefined) {
      stack.push({ at: i, kind });
      // "(" before Chinese words, after Chinese, a full-width mark or a line's start: "10例(其中…)", "(一)主动公开".
      if (marks.has(ch) && isHan(text[i + 1]) && (i === lineStart || isHan(text[i - 1]) || CJK_MARK.test(text[i - 1]!))) halfOpen.add(i);
    } else if (closing !== undefined) {
      const depth = stack.map((o) => o.kind).lastIndexOf(closing);
      if (depth >= 0) {
        const open = stack[depth]!;
        for (const o of stack.slice(depth + 1))
          brackets.push({ kind: 'unclosed', at: o.at, mark: text[o.at]!, other: rule.pairs[o.kind]!.close[0]! });
        stack = stack.slice(0, depth);
        if (marks.has(ch) && halfOpen.has(open.at)) halfWidth.push({ start: i, end: i + 1, mark: ch, fullWidth: marks.get(ch) });
        else if (marks.has(ch) && isHan(text[i - 1]) && isHan(text[i + 1]))
          halfWidth.push({ start: i, end: i + 1, mark: ch, fullWidth: marks.get(ch) });
      } else if (!LIST_NUMBER.test(text.slice(lineStart, i))) {
        brackets.push({ kind: 'unopened', at: i, mark: ch, other: rule.pairs[closing]!.open[0]! });
      }
      continue;
    } else if (marks.has(ch)) {
      // A mark with spaces around it between two Chinese characters: "我局 , 收到" — the spaces go with it.
      let s = i;
      let e = i + 1;
      while (s > lineStart && (text[s - 1] === ' ' || text[s - 1] === '\t')) s--;
      while (e < text.length && (text[e] === ' ' || text[e] === '\t')) e++;
      if (isHan(text[s - 1]) && isHan(text[e])) halfWidth.push({ start: s, end: e, mark: ch, fullWidth: marks.get(ch) });
    }
    if (halfOpen.has(i)) halfWidth.push({ start: i, end: i + 1, mark: ch, fullWidth: marks.get(ch) });
  }
  endLine();
  halfWidth.sort((a, b) => a.start - b.start);
  brackets.sort((a, b) => a.at - b.at);
  return { halfWidth, brackets, commas };
}

export const punctuationOf = perText(scanPunctuation);

// ---- words typed twice -------------------------------------------------------

export interface RepeatPlace {
  /** The second copy: what the quick fix deletes. */
  start: number;
  end: number;
  word: string;
}

function scanRepeats(rule: RepeatedRule, text: string): RepeatPlace[] {
  const found: RepeatPlace[] = [];
  for (const { char, notAfter, notBefore } of rule.chars) {
    let from = 0;
    for (;;) {
      const i = text.indexOf(char + char, from);
      if (i < 0) break;
      from = i + 1;
      // 的的的: one slip, reported once.
      if (text[i - 1] === char) continue;
      if (notAfter && i > 0 && notAfter.includes(text[i - 1]!)) continue;
      if (notBefore && notBefore.includes(text[i + 2] ?? '')) continue;
      found.push({ start: i + 1, end: i + 2, word: char });
    }
  }
  const { min, max, allowed } = rule.words;
  // A word of min–max Chinese characters written twice in a row, the shortest first (as a lazy pattern would find it).
  for (let i = 0; i + 2 * min <= text.length; i++) {
    for (let len = min; len <= max && i + 2 * len <= text.length; len++) {
      if (text.charCodeAt(i) !== text.charCodeAt(i + len) || !text.startsWith(text.slice(i, i + len), i + len)) continue;
      const word = text.slice(i, i + len);
      if (!HAN_WORD.test(word)) break;
      // 哈哈哈哈 is AA twice, 一步一步 a numeral and its measure word: reduplications, not slips.
      if (![...word].every((c) => c === word[0]) && !/^[一二两三四五六七八九十几每]/.test(word) && !allowed.includes(word + word)) {
        found.push({ start: i + len, end: i + 2 * len, word });
      }
      i += 2 * len - 1;
      break;
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

export const repeatsOf = perText(scanRepeats);

// ---- outline -----------------------------------------------------------------

export interface NumberedLine {
  start: number;
  end: number;
  numeral: string;
  line: string;
}

/** Lines of a narrative that open with a top-level number ("二、依申请公开情况"). */
function scanNumberedLines(rule: OutlineNumberingRule, text: string): NumberedLine[] {
  const found: NumberedLine[] = [];
  let start = 0;
  for (const line of text.split('\n')) {
    const m = regex(rule.line).exec(line);
    if (m?.groups?.n) {
      const lead = line.length - line.trimStart().length;
      found.push({ start: start + lead, end: start + line.length, numeral: m.groups.n, line: line.trim() });
    }
    start += line.length + 1;
  }
  return found;
}

export const numberedLinesOf = perText(scanNumberedLines);

export interface PartsStatement {
  start: number;
  end: number;
  parts: number;
}

/** Sentences that state how many parts the report has. */
function scanPartsStated(rule: PartsStatedRule, text: string): PartsStatement[] {
  const found: PartsStatement[] = [];
  let offset = 0;
  for (const sentence of text.split(/(?<=[。！？!?\n])/u)) {
    const about = regex(rule.about).exec(sentence);
    if (about) {
      for (const source of rule.patterns) {
        for (const m of sentence.matchAll(regex(source))) {
          if (m.index < about.index) continue;
          const parts = parseTextNumber(m.groups?.n ?? '');
          if (parts === undefined) continue;
          found.push({ start: offset + m.index, end: offset + m.index + m[0].length, parts });
        }
      }
    }
    offset += sentence.length;
  }
  return found;
}

export const partsStatedOf = perText(scanPartsStated);

// ---- statements of none ------------------------------------------------------

export interface NoneMention {
  statement: number;
  start: number;
  end: number;
}

/** Where a sentence starts: after the last full stop, question or exclamation mark, semicolon or line break before `at`. */
/** How far a sentence is looked for around a match: a real sentence is shorter; a hostile text's "sentence" may be the whole text. */
const SENTENCE_REACH = 200;

function sentenceEnd(text: string, at: number): number {
  let e = at;
  while (e < text.length && e - at < SENTENCE_REACH && !/[。！？!?；;\n]/.test(text[e]!)) e++;
  return e;
}

export function sentenceStart(text: string, at: number): number {
  let s = at;
  while (s > 0 && at - s < SENTENCE_REACH && !/[。！？!?；;\n]/.test(text[s - 1]!)) s--;
  return s;
}

function scanNone(statements: readonly NoneStatement[], text: string): NoneMention[] {
  const found: NoneMention[] = [];
  statements.forEach((st, statement) => {
    for (const source of st.patterns) {
      for (const m of text.matchAll(regex(source))) {
        const start = m.index;
        const end = start + m[0].length;
        if (found.some((f) => start < f.end && end > f.start)) continue;
        const before = text.slice(sentenceStart(text, start), start);
        if (st.unless && regex(st.unless).test(before)) continue;
        if (st.within && !regex(st.within).test(text.slice(sentenceStart(text, start), sentenceEnd(text, end)))) continue;
        found.push({ statement, start, end });
      }
    }
  });
  return found.sort((a, b) => a.start - b.start);
}

const noneScanner = memo((statements: readonly NoneStatement[]) => memo((text: string) => scanNone(statements, text), TEXTS_KEPT));
export function noneStatementsOf(statements: readonly NoneStatement[], text: string): NoneMention[] {
  return noneScanner(statements)(text);
}

// ---- stated numbers ------------------------------------------------------------

export interface NumberMention {
  phrase: number;
  value: number;
  start: number;
  end: number;
  /** Where the number itself stands, as written ("95", "十二"): what a quick fix replaces. */
  number: { start: number; end: number; text: string };
}

/** Number phrases need the place of their group `n`: compiled with indices. */
const withIndices = memo((source: string) => new RegExp(source, 'gud'), 64);

function scanMentions(rule: NarrativeNumbersRule, text: string): NumberMention[] {
  const found: NumberMention[] = [];
  const claimed: [number, number][] = [];
  rule.phrases.forEach((phrase, index) => {
    for (const source of phrase.patterns) {
      const r = withIndices(source);
      r.lastIndex = 0;
      for (const m of text.matchAll(r)) {
        const start = m.index;
        const end = start + m[0].length;
        // The first phrase that matches a stretch of text claims it.
        if (claimed.some(([s, e]) => start < e && end > s)) continue;
        claimed.push([start, end]);
        const n = m.groups?.n ?? '';
        const at = m.indices?.groups?.n;
        const value = parseTextNumber(n);
        if (value === undefined || !at) continue;
        found.push({ phrase: index, value, start, end, number: { start: at[0], end: at[1], text: n } });
      }
    }
  });
  return found;
}

/** Every stated number of a text with the phrase that claims it. */
export const numberMentionsOf = perText(scanMentions);
