// A document table cell's text as the finder wants it: a number where the
// cell shows one, null where it is empty (or only &nbsp;), otherwise the text
// with its line breaks kept (a label broken over lines is normalised later).
import { parseCellInput } from '../../../shared/model/report';
import { trimLine } from '../text/lines';

export function cellRaw(text: string): string | number | null {
  const lines = text
    .split('\n')
    .map((l) => trimLine(l.replace(/[ \t\u00a0\u3000]+/g, ' ')))
    .filter(Boolean);
  if (lines.length === 0) return null;
  const joined = lines.join('\n');
  const value = parseCellInput(joined);
  return typeof value === 'number' ? value : joined;
}
