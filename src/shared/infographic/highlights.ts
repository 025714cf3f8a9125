// The few lines of the author's own words the 一图读懂 carries. Until the
// author writes them, they are taken from the report's text: the first
// sentence of each part of 一、总体情况 (or of its paragraphs, where the text
// has no parts), trimmed to what a phone screen reads at a glance.
import { narrativeLines } from '../document/content';
import type { Report } from '../model/report';

/** Longest highlight taken from the text, in characters. */
export const HIGHLIGHT_CHARS = 50;
/** How many the page shows at most. */
export const MAX_HIGHLIGHTS = 6;
/** How many are taken from a text that has no parts to take one from each. */
const TEXT_HIGHLIGHTS = 3;

/** Ordinals that open an enumerated sentence ("一是…", "二是…"): the sentence reads without them. */
const ORDINAL = /^(?:[一二三四五六七八九十]+是|[一二三四五六七八九十]+[、.．]|\d+[、.．])\s*/;

const SENTENCE_ENDS = /[。！？；;!?]/g;

function sentences(text: string): string[] {
  return text.split(SENTENCE_ENDS).map((s) => s.replace(ORDINAL, '').trim());
}

const firstSentence = (text: string) => sentences(text)[0] ?? '';

/** Shortened at a comma where one falls late enough, else cut with "…". */
export function trimHighlight(sentence: string, max = HIGHLIGHT_CHARS): string {
  const chars = [...sentence];
  if (chars.length <= max) return sentence;
  const head = chars.slice(0, max).join('');
  // Not at 、: that would end the line in the middle of a list.
  const comma = Math.max(head.lastIndexOf('，'), head.lastIndexOf(','));
  return comma >= max / 2 ? head.slice(0, comma) : head.slice(0, max - 1) + '…';
}

/** A sentence worth a line: more than a few characters, not the "现将…报告如下" lead-in. */
const worthALine = (s: string) => [...s].length >= 6 && !/如下[：:]?$/.test(s);

export function defaultHighlights(report: Pick<Report, 'narratives'>): string[] {
  const lines = narrativeLines(report.narratives.overview ?? '');
  const fromParts: string[] = [];
  lines.forEach((line, i) => {
    if (line.kind !== 'subheading') return;
    const next = lines[i + 1];
    const body = line.rest || (next?.kind === 'paragraph' ? next.text : '');
    const sentence = firstSentence(body);
    if (worthALine(sentence)) fromParts.push(trimHighlight(sentence));
  });
  if (fromParts.length > 0) return [...new Set(fromParts)].slice(0, MAX_HIGHLIGHTS);
  // A text without parts: the first sentence of each paragraph ("一是…。二是…。" reports write a paragraph a point),
  // or, for a single paragraph, its first few sentences.
  const paragraphs = lines
    .flatMap((l) => (l.kind === 'paragraph' ? [sentences(l.text).filter(worthALine)] : []))
    .filter((p) => p.length > 0);
  const fromText = paragraphs.length > 1 ? paragraphs.map((p) => p[0]!) : (paragraphs[0] ?? []).slice(0, TEXT_HIGHLIGHTS);
  return [...new Set(fromText.map((s) => trimHighlight(s)))].slice(0, MAX_HIGHLIGHTS);
}

/** The author's highlights as typed: one a line, blank lines dropped. */
export function parseHighlights(text: string): string[] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '')
    .slice(0, MAX_HIGHLIGHTS);
}
