// The report's running text split by its section headings (一、总体情况 …
// 六、其他需要报告的事项), whatever the document it came from. Headings are
// recognised by their number and their words together, tolerant of the
// variants offices write ("五、存在问题及改进情况", "一.总体情况", "第一部分 总体情况");
// the text before 一、 is the title and preamble; the table sections' own
// text (units, notes under a table) is not narrative.
import { SECTIONS, type NarrativeId, type SectionId } from '../../../shared/template/gov2021';
import { isContinuationMark, isPageNumber, trimLine } from './lines';

/**
 * The words that make a line the heading of a section, besides its number,
 * found near its start ("五、政府信息公开工作存在的主要问题及改进情况").
 */
const HEADING_WORDS: Readonly<Record<SectionId, RegExp>> = {
  overview: /总体情况|总体概况|概述|基本情况|工作概况/,
  proactive: /主动公开/,
  requests: /收到和处理|收到及处理|受理和处理|依申请公开|公开申请/,
  appeals: /行政复议|行政诉讼/,
  problems: /存在.{0,6}(?:问题|不足)|主要问题|问题及改进|改进情况/,
  other: /其他需要报告|其他事项/,
};
/** Sections whose words alone tell them, whatever their number. */
const BY_TITLE: readonly SectionId[] = ['problems', 'other'];
/** How far into a heading its words may start. */
const WORDS_WITHIN = 16;

const NUMERALS = ['一', '二', '三', '四', '五', '六'];
/** 一、 一. 一． 一，; 1、 1. ; 第一部分 — then the heading's words. */
const NUMBERED = /^(?:第([一二三四五六])部分|([一二三四五六])\s*[、.．,，:：]|([1-6])\s*[、.．](?!\d))\s*/;
/** A heading is a short line, or the first words of a line that runs on ("一、总体情况。2023年…"). */
const MAX_HEADING = 30;

export interface HeadingMatch {
  id: SectionId;
  /** The heading as written. */
  heading: string;
  /** The number it was written with ("四" where problems stand under 四). */
  numeral: string;
  /** Text run on after the heading in the same line. */
  rest: string;
}

/** The section a line opens, if it is one of the six headings. */
export function sectionHeading(line: string): HeadingMatch | undefined {
  const text = trimLine(line);
  const m = NUMBERED.exec(text);
  if (!m) return undefined;
  const index = m[1] ? NUMERALS.indexOf(m[1]) : m[2] ? NUMERALS.indexOf(m[2]) : Number(m[3]) - 1;
  const words = text.slice(m[0].length);
  const wordsOf = (id: SectionId) => {
    const h = HEADING_WORDS[id].exec(words.slice(0, WORDS_WITHIN + 8));
    return h && h.index <= WORDS_WITHIN ? h : undefined;
  };
  // By its number and its words; else by its words alone where they can only be 五's or 六's
  // (a province that numbers the problems 四 and other matters 五).
  const own = SECTIONS[index] && wordsOf(SECTIONS[index].id) ? SECTIONS[index] : undefined;
  const section = own ?? SECTIONS.find((x) => BY_TITLE.includes(x.id) && wordsOf(x.id));
  const hit = section && wordsOf(section.id);
  if (!section || !hit) return undefined;
  // The heading runs to the end of its words' clause: "存在的主要问题及改进情况".
  const end = /[。：:；;！]/.exec(words);
  const headingWords =
    end && end.index < MAX_HEADING
      ? words.slice(0, end.index)
      : words.length <= MAX_HEADING
        ? words
        : words.slice(0, hit.index + hit[0].length);
  const rest = trimLine(words.slice(headingWords.length).replace(/^[。：:；;！]/, ''));
  return { id: section.id, heading: text.slice(0, m[0].length + headingWords.length), numeral: m[1] ?? m[2] ?? m[3]!, rest };
}

/** A block of a document in reading order: a paragraph of text, or a table (whose text the finder reads). */
export type TextBlock = { kind: 'text'; text: string } | { kind: 'table' };

export interface SplitText {
  /** Lines before the first heading: the title, the preamble, whatever the page put above. */
  front: string[];
  narratives: Record<NarrativeId, string[]>;
  /** The heading each section was found under, as written. */
  headings: Partial<Record<SectionId, string>>;
  /** The number each section was written with, where found ("四" for problems numbered 四). */
  numbering: Partial<Record<SectionId, string>>;
}

const isNarrative = (id: SectionId): id is NarrativeId => id === 'overview' || id === 'problems' || id === 'other';

/**
 * Splits a document's blocks by the six headings. A heading counts only in
 * order (a "一、" inside 五 is a list item, not 一、总体情况 again); a line
 * that is only a page number is dropped.
 */
export function splitSections(blocks: readonly TextBlock[]): SplitText {
  const split: SplitText = { front: [], narratives: { overview: [], problems: [], other: [] }, headings: {}, numbering: {} };
  let current: SectionId | undefined;
  let index = -1;
  for (const block of blocks) {
    if (block.kind === 'table') continue;
    for (const raw of block.text.split('\n')) {
      const line = trimLine(raw);
      if (!line || isPageNumber(line) || isContinuationMark(line)) continue;
      const heading = sectionHeading(line);
      const at = heading ? SECTIONS.findIndex((s) => s.id === heading.id) : -1;
      if (heading && at > index) {
        current = heading.id;
        index = at;
        split.headings[heading.id] = heading.heading;
        split.numbering[heading.id] = heading.numeral;
        if (heading.rest && isNarrative(heading.id)) split.narratives[heading.id].push(heading.rest);
        continue;
      }
      if (current === undefined) split.front.push(line);
      else if (isNarrative(current)) split.narratives[current].push(line);
    }
  }
  return split;
}
