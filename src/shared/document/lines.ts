// How many lines a paragraph of the body takes on the 156 mm line, as Word,
// WPS and a browser set it: each character its width by the named font's
// metrics (仿宋_GB2312: Chinese characters one em, digits and Latin letters
// half), less the tracking; a closing mark never starts a line (the character
// before it goes down with it: no mark hangs past the margin), an opening mark
// never ends one, and a run of digits or Latin letters stays whole. The page
// plan counts lines with it; nothing is laid out by it.
import { BODY_CHAR_PT, bodyTextPt } from './fonts';

/** Marks that may not begin a line (行首禁则): they stay with the character before. */
export const NO_LINE_START: ReadonlySet<string> = new Set([...'，。、；：？！）》」』】〕〗’”…—·%,.;:?!)]}']);
/** Marks that may not end a line (行尾禁则): they go down with the character after. */
export const NO_LINE_END: ReadonlySet<string> = new Set([...'（《「『【〔〖‘“([{']);
/** Characters of a run that is never broken: a number, a Latin word. */
const IN_RUN = /[0-9A-Za-z.%\-+/]/;

/** The pieces a line may break between, each with its width in points. */
function pieces(text: string): number[] {
  const out: string[] = [];
  let glueNext = false;
  for (const ch of text) {
    const last = out.length - 1;
    const joinsRun = last >= 0 && IN_RUN.test(ch) && IN_RUN.test(out[last]!.slice(-1));
    if (last >= 0 && (glueNext || NO_LINE_START.has(ch) || joinsRun)) out[last] += ch;
    else out.push(ch);
    glueNext = NO_LINE_END.has(ch);
  }
  return out.map(bodyTextPt);
}

/**
 * Lines `text` takes in a line `widthPt` wide whose first line is indented
 * `indentChars` characters (the body's two). A piece wider than a whole line
 * is broken by characters, as every writer does.
 */
export function lineCount(text: string, widthPt: number, indentChars = 2): number {
  let lines = 1;
  let used = indentChars * BODY_CHAR_PT;
  for (const w of pieces(text)) {
    if (used + w <= widthPt + 1e-6 || used === 0) {
      used += w;
      while (used > widthPt + 1e-6) {
        lines++;
        used -= widthPt;
      }
      continue;
    }
    lines++;
    used = w;
    while (used > widthPt + 1e-6) {
      lines++;
      used -= widthPt;
    }
  }
  return lines;
}
