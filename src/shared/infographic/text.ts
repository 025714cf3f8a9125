// Laying out text where nothing lays it out for us: SVG has no line
// wrapping, and the picture must come out the same in resvg and in a browser.
// Widths are estimated per character class (a Chinese character is 1 em), a
// little generously, so a line never runs past its box in any of the fonts of
// the stack.

/** Estimated advance of one character, in em. */
function charWidth(ch: string): number {
  const code = ch.codePointAt(0)!;
  if (code >= 0x2e80) return 1; // CJK, full-width forms and punctuation
  if (ch === ' ') return 0.3;
  if (/[0-9]/.test(ch)) return 0.58;
  if (/[A-Z%]/.test(ch)) return 0.7;
  if (/[a-z]/.test(ch)) return 0.55;
  if (/[.,:;!|'`]/.test(ch)) return 0.32;
  return 0.6;
}

/** Bold type sets a little wider than regular. */
const BOLD = 1.06;

export function textWidth(text: string, fontSize: number, bold = false): number {
  let em = 0;
  for (const ch of text) em += charWidth(ch);
  return em * fontSize * (bold ? BOLD : 1);
}

/** What a line never breaks inside: a run of digits and Latin letters with its separators, else one character. */
const UNBROKEN = /[0-9A-Za-z](?:[0-9A-Za-z]|[.,][0-9])*%?|[^]/gu;

/** Characters that must not begin a line (避头): they stay at the end of the line before. */
const NO_LINE_START = '，。、；：？！”’）》」』〕】%,.;:!?)';

/** Breaks text into lines no wider than `width`; at most `maxLines`, the last one ending in "…" when cut. */
export function wrapText(text: string, fontSize: number, width: number, maxLines = Infinity, bold = false): string[] {
  const lines: string[] = [];
  let line = '';
  let lineWidth = 0;
  // A figure or a Latin word ("2022", "3,862", "12.5%") is one unit: never "20" on one line and "22年" on the next.
  // One longer than a line (a pasted code) is broken anywhere, as before.
  const units = (text.replace(/\s+/g, ' ').trim().match(UNBROKEN) ?? []).flatMap((u) =>
    textWidth(u, fontSize, bold) > width ? [...u] : [u],
  );
  for (const unit of units) {
    const w = textWidth(unit, fontSize, bold);
    if (lineWidth + w > width && line !== '' && !NO_LINE_START.includes(unit[0]!)) {
      lines.push(line);
      line = '';
      lineWidth = 0;
    }
    line += unit;
    lineWidth += w;
  }
  if (line) lines.push(line);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  let last = kept[maxLines - 1]!;
  while (last.length > 0 && textWidth(last + '…', fontSize, bold) > width) last = last.slice(0, -1);
  kept[maxLines - 1] = last + '…';
  return kept;
}

/** The largest size up to `max` at which text fits `width` on one line. */
export function fitFontSize(text: string, max: number, width: number, bold = false): number {
  const atOne = textWidth(text, 1, bold);
  return atOne === 0 ? max : Math.min(max, Math.floor(width / atOne));
}

/** As wrapText, with the lines made as even as the same number of lines allows: a title never ends on one lone character. */
export function balancedWrap(text: string, fontSize: number, width: number, maxLines = Infinity, bold = false): string[] {
  const lines = wrapText(text, fontSize, width, maxLines, bold);
  if (lines.length < 2 || lines.length >= maxLines) return lines;
  let best = lines;
  for (let w = width - fontSize; w > fontSize; w -= fontSize) {
    const tried = wrapText(text, fontSize, w, Infinity, bold);
    if (tried.length > lines.length) break;
    best = tried;
  }
  return best;
}
