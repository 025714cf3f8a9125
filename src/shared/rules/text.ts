// Text helpers for the narrative rules: numbers written in words, and how
// much of a text repeats another.
import { memo } from '../memo';

const DIGIT: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const UNIT: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** "12", "1,200", "十二", "一百零五", "两" → the number; undefined if not a number. */
export function parseTextNumber(s: string): number | undefined {
  if (/^\d[\d,，]*$/.test(s)) return Number(s.replace(/[,，]/g, ''));
  if (!/^[零〇一二两三四五六七八九十百千]+$/.test(s)) return undefined;
  let total = 0;
  let digit = 0;
  for (const ch of s) {
    if (ch in DIGIT) digit = DIGIT[ch]!;
    else {
      total += (digit || 1) * UNIT[ch]!;
      digit = 0;
    }
  }
  return total + digit;
}

const SHINGLE = 10;

/** Characters that carry meaning: no spaces or punctuation; digits folded so that a changed year still counts as a repeat. */
function normalise(text: string): string {
  return text.replace(/[\s\p{P}\p{S}]/gu, '').replace(/\d/g, '0');
}

export function shingles(text: string): Set<string> {
  const t = normalise(text);
  const set = new Set<string>();
  for (let i = 0; i + SHINGLE <= t.length; i++) set.add(t.slice(i, i + SHINGLE));
  return set;
}

/**
 * How much of `text` also stands in the earlier text: the share of its
 * characters covered by a run of ten or more characters found there.
 */
export function repeatedShare(text: string, earlier: Set<string>): { repeated: number; total: number } {
  const t = normalise(text);
  if (t.length < SHINGLE) return { repeated: 0, total: t.length };
  let coveredUntil = 0;
  let repeated = 0;
  for (let i = 0; i + SHINGLE <= t.length; i++) {
    if (!earlier.has(t.slice(i, i + SHINGLE))) continue;
    const from = Math.max(i, coveredUntil);
    const to = i + SHINGLE;
    if (to > from) repeated += to - from;
    coveredUntil = to;
  }
  return { repeated, total: t.length };
}

/** A message template split once into literal text (even indexes) and placeholder names (odd indexes). */
const partsOf = memo((template: string): readonly string[] => template.split(/\{(\w+)\}/), 512);

/** Fills {name} placeholders, from a record or from a function asked only for the names the template uses; unknown names stay as written. */
export function fill(template: string, vars: Record<string, string | number> | ((name: string) => string | number | undefined)): string {
  const lookup = typeof vars === 'function' ? vars : (k: string) => (k in vars ? vars[k] : undefined);
  const parts = partsOf(template);
  let out = parts[0]!;
  for (let i = 1; i < parts.length; i += 2) {
    const v = lookup(parts[i]!);
    out += (v === undefined ? `{${parts[i]}}` : String(v)) + parts[i + 1]!;
  }
  return out;
}

/**
 * The sentence around a match, trimmed for quoting in a message. A quote
 * that cannot reach back to the start of its sentence starts at a clause
 * (after a comma) or at a word, and says so with "…": never "4年，区政府办…".
 */
export function quoteAround(text: string, start: number, end: number, max = 40): string {
  let s = start;
  while (s > 0 && !/[。！？；;!?\n]/.test(text[s - 1]!) && start - s < 12) s--;
  let lead = '';
  if (s > 0 && !/[。！？；;!?\n]/.test(text[s - 1]!)) {
    // Cut mid-sentence: from the first clause that begins within reach, else from a whole number or word.
    const clause = text.slice(s, start).search(/[，,、：:]/);
    if (clause >= 0) s += clause + 1;
    else {
      while (s > 0 && /[\dA-Za-z]/.test(text[s - 1]!)) s--;
      lead = '…';
    }
  }
  let e = end;
  while (e < text.length && !/[。！？；;，,（(\n]/.test(text[e]!) && e - end < 10) e++;
  // A clause cut short is marked, so a quote never reads as if the author stopped mid-word.
  const cut = e < text.length && !/[。！？；;，,（(\n]/.test(text[e]!);
  const q = lead + text.slice(s, e).trim();
  return q.length > max ? q.slice(0, max) + '…' : cut ? q + '…' : q;
}

/** How many texts a text scan remembers: narratives change far less often than cells. */
export const TEXTS_KEPT = 64;

/** Characters that say something: the text without spaces and punctuation. */
export const meaningfulLength = memo((text: string) => text.replace(/[\s\p{P}]/gu, '').length, TEXTS_KEPT);
