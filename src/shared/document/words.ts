// Where a label or a heading may break on screen: between words, never inside
// one (「结果纠正」 breaks as 结果/纠正, never 结果纠/正). Words come from the
// platform's own segmenter (ICU's Chinese dictionary, in Node and in every
// browser), tidied so a break never falls where a reader would stumble: marks
// stay with their words, and a run of single characters ICU could not place
// (复|议, 本|年|制|发) stays one piece.
import { NO_LINE_END, NO_LINE_START } from './lines';

const SEGMENTER = new Intl.Segmenter('zh-CN', { granularity: 'word' });

const isMark = (piece: string) => [...piece].every((ch) => NO_LINE_START.has(ch) || NO_LINE_END.has(ch));
/** Characters of a piece that are not marks. */
const letters = (piece: string) => [...piece].filter((ch) => !NO_LINE_START.has(ch) && !NO_LINE_END.has(ch)).length;

/** The pieces a text may break between, in order; joined they give the text back. */
export function wordPieces(text: string): string[] {
  // Marks go with their words: a closing mark with the word before, an opening mark with the word after.
  const glued: string[] = [];
  let opening = '';
  for (const { segment } of SEGMENTER.segment(text)) {
    if ([...segment].every((ch) => NO_LINE_END.has(ch))) opening += segment;
    else if (glued.length > 0 && isMark(segment) && opening === '') glued[glued.length - 1] += segment;
    else {
      glued.push(opening + segment);
      opening = '';
    }
  }
  if (opening) glued.push(opening);
  // Runs of single characters become one piece, up to a closing mark; a lone one joins the word after it (the one before, at the end).
  const pieces: string[] = [];
  let run = '';
  let runLength = 0;
  const flush = () => {
    if (run) pieces.push(run);
    run = '';
    runLength = 0;
  };
  for (const piece of glued) {
    if (letters(piece) <= 1) {
      run += piece;
      runLength++;
      if (NO_LINE_START.has([...piece].at(-1)!)) flush();
      continue;
    }
    if (runLength === 1) {
      pieces.push(run + piece);
      run = '';
      runLength = 0;
      continue;
    }
    flush();
    pieces.push(piece);
  }
  if (runLength === 1 && pieces.length > 0) pieces[pieces.length - 1] += run;
  else flush();
  return pieces;
}
