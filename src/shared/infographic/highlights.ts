// The few lines of the author's own words the 一图读懂 carries. Until the
// author writes them, they are taken from the report's text: the first
// sentence of each part of 一、总体情况 (or of its paragraphs, where the text
// has no parts) that is short enough to read at a glance on a phone. A
// highlight is always whole sentences: never cut inside one, never with a
// quotation mark or bracket left open.
import { narrativeLines } from '../document/content';
import type { Report } from '../model/report';

/** Longest highlight taken from the text, in characters: three lines of the picture. */
export const HIGHLIGHT_CHARS = 72;
/** Longest line of the author's own that is shown whole; a longer one ends at its last sentence within this. */
const AUTHOR_CHARS = 150;
/** How many the page shows at most. */
export const MAX_HIGHLIGHTS = 6;
/** How many are taken from a text that has no parts to take one from each. */
const TEXT_HIGHLIGHTS = 3;

/** Ordinals that open an enumerated sentence ("一是…", "二是…"): the sentence reads without them. */
const ORDINAL = /^(?:[一二三四五六七八九十]+是|[一二三四五六七八九十]+[、.．]|\d+[、.．])\s*/;

/** Marks that end a sentence; a full stop or semicolon is dropped at a highlight's end (it is a line of a list). */
const SENTENCE_END = new Set([...'。！？；;!?']);
const DROPPED_END = new Set([...'。；;']);
const OPENING = '“‘（(《「『【';
const CLOSING = '”’）)》」』】';

/**
 * The sentences of a text, each with its end mark: a mark inside quotation
 * marks or brackets does not end the sentence (“…。” quoted in a sentence stays in it).
 */
export function sentences(text: string): string[] {
  const out: string[] = [];
  let current = '';
  let depth = 0;
  for (const ch of text) {
    current += ch;
    if (OPENING.includes(ch)) depth++;
    else if (CLOSING.includes(ch)) depth = Math.max(0, depth - 1);
    else if (depth === 0 && SENTENCE_END.has(ch)) {
      out.push(current);
      current = '';
    }
  }
  if (current.trim()) out.push(current);
  return out.map((s) => s.trim()).filter((s) => s !== '');
}

/** Whether every quotation mark and bracket opened in the text is closed, in order. */
export function balanced(text: string): boolean {
  const stack: string[] = [];
  for (const ch of text) {
    const open = OPENING.indexOf(ch);
    if (open >= 0) stack.push(CLOSING[open]!);
    else if (CLOSING.includes(ch) && stack.pop() !== ch) return false;
  }
  return stack.length === 0;
}

/** A sentence as a line of the list: its ordinal and its closing full stop dropped. */
function asLine(sentence: string): string {
  const s = sentence.replace(ORDINAL, '').trim();
  return DROPPED_END.has([...s].at(-1) ?? '') ? [...s].slice(0, -1).join('') : s;
}

/** A sentence worth a line: more than a few characters, whole, not the "现将…报告如下" lead-in. */
const worthALine = (s: string) => [...s].length >= 6 && [...s].length <= HIGHLIGHT_CHARS && balanced(s) && !/如下[：:]?$/.test(s);

/** The first sentence of a text that makes a highlight, if any does. */
function firstHighlight(text: string): string | undefined {
  return sentences(text).map(asLine).find(worthALine);
}

export function defaultHighlights(report: Pick<Report, 'narratives'>): string[] {
  const lines = narrativeLines(report.narratives.overview ?? '');
  const fromParts: string[] = [];
  lines.forEach((line, i) => {
    if (line.kind !== 'subheading') return;
    const next = lines[i + 1];
    const found = firstHighlight(line.rest || (next?.kind === 'paragraph' ? next.text : ''));
    if (found) fromParts.push(found);
  });
  if (fromParts.length > 0) return [...new Set(fromParts)].slice(0, MAX_HIGHLIGHTS);
  // A text without parts: a highlight from each paragraph ("一是…。二是…。" reports write a paragraph a point),
  // or, for a single paragraph, its first few sentences that make one.
  const paragraphs = lines
    .flatMap((l) => (l.kind === 'paragraph' ? [sentences(l.text).map(asLine).filter(worthALine)] : []))
    .filter((p) => p.length > 0);
  const fromText = paragraphs.length > 1 ? paragraphs.map((p) => p[0]!) : (paragraphs[0] ?? []).slice(0, TEXT_HIGHLIGHTS);
  return [...new Set(fromText)].slice(0, MAX_HIGHLIGHTS);
}

/**
 * An author's line as the picture shows it: whole up to AUTHOR_CHARS; a longer
 * one ends with its last whole sentence within that (or its first sentence,
 * when even that is longer).
 */
function authorLine(line: string): string {
  if ([...line].length <= AUTHOR_CHARS) return line;
  let kept = '';
  for (const s of sentences(line)) {
    if (kept && [...(kept + s)].length > AUTHOR_CHARS) break;
    kept += s;
  }
  return kept;
}

/** The author's highlights as typed: one a line, blank lines dropped. */
export function parseHighlights(text: string): string[] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '')
    .slice(0, MAX_HIGHLIGHTS)
    .map(authorLine);
}
