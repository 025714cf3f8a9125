// A page saved by Edge or Chrome as "网页，单个文件" (.mhtml, .mht): a MIME
// multipart message whose first text/html part is the page, quoted-printable
// or base64, in the charset its part header names. Only that part is read;
// images and style sheets beside it are not. Parts are found by offset in the
// file's own bytes and never copied, however deeply they nest.
import { fail, ok, type Result } from '../../../shared/api/result';
import type { ReadBudget } from './budget';
import { decodePage } from './html-source';

/** A MIME entity in the file: its headers, and where its body lies (the file itself is never copied). */
interface Part {
  headers: Map<string, string>;
  start: number;
  end: number;
}

/** Headers of a MIME entity (folded lines unfolded), lower-case names. */
function parseHeaders(text: string): Map<string, string> {
  const headers = new Map<string, string>();
  for (const line of text.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return headers;
}

/** A parameter of a header value: boundary="----=_NextPart…", charset=gbk. */
function parameter(value: string | undefined, name: string): string | undefined {
  if (!value) return undefined;
  for (const piece of value.split(';').slice(1)) {
    const eq = piece.indexOf('=');
    if (eq > 0 && piece.slice(0, eq).trim().toLowerCase() === name)
      return piece
        .slice(eq + 1)
        .trim()
        .replace(/^"(.*)"$/, '$1');
  }
  return undefined;
}

/** A part's headers are a few lines: a blank line further in than this is not theirs. */
const MAX_HEADER_BYTES = 64 * 1024;

/** The entity lying in bytes [start, end): headers up to the first blank line, then the body. */
function entityAt(bytes: Buffer, start: number, end: number): Part {
  const head = bytes.subarray(start, Math.min(end, start + MAX_HEADER_BYTES));
  const crlf = head.indexOf('\r\n\r\n');
  const lf = head.indexOf('\n\n');
  const blank = crlf >= 0 && (lf < 0 || crlf < lf) ? { at: crlf, length: 4 } : lf >= 0 ? { at: lf, length: 2 } : undefined;
  if (!blank) return { headers: parseHeaders(head.toString('latin1')), start: end, end };
  return { headers: parseHeaders(head.toString('latin1', 0, blank.at)), start: start + blank.at + blank.length, end };
}

function quotedPrintable(body: Buffer): Buffer {
  const text = body.toString('latin1').replace(/=\r?\n/g, '');
  const out = Buffer.alloc(text.length);
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const hex = text[i] === '=' ? text.slice(i + 1, i + 3) : '';
    if (/^[0-9A-Fa-f]{2}$/.test(hex)) {
      out[n++] = Number.parseInt(hex, 16);
      i += 2;
    } else out[n++] = text.charCodeAt(i);
  }
  return out.subarray(0, n);
}

function decodeBody(bytes: Buffer, part: Part): Buffer {
  const body = bytes.subarray(part.start, part.end);
  const encoding = (part.headers.get('content-transfer-encoding') ?? '').toLowerCase();
  // Node's base64 decoder skips what is not base64 (line breaks, spaces).
  if (encoding === 'base64') return Buffer.from(body.toString('latin1'), 'base64');
  if (encoding === 'quoted-printable') return quotedPrintable(body);
  return body;
}

/**
 * The first text/html part, depth first, with multipart bodies split at their
 * boundaries by offset. The nesting is walked with a stack of part ranges, at
 * most as deep as the budget allows, so no part is ever copied.
 */
function firstPage(bytes: Buffer, budget: ReadBudget): Part | undefined {
  const stack: { part: Part; depth: number }[] = [{ part: entityAt(bytes, 0, bytes.length), depth: 1 }];
  while (stack.length > 0) {
    const { part, depth } = stack.pop()!;
    budget.element(depth, budget.limits.mimeDepth);
    const type = (part.headers.get('content-type') ?? '').toLowerCase();
    if (type.startsWith('text/html')) return part;
    const boundary = parameter(part.headers.get('content-type'), 'boundary');
    if (!type.startsWith('multipart/') || !boundary) continue;
    const delimiter = Buffer.from(`--${boundary}`, 'latin1');
    const body = bytes.subarray(part.start, part.end);
    const children: Part[] = [];
    let at = body.indexOf(delimiter);
    while (at >= 0) {
      const lineEnd = body.indexOf(0x0a, at);
      if (lineEnd < 0 || body.subarray(at + delimiter.length, at + delimiter.length + 2).toString('latin1') === '--') break;
      const next = body.indexOf(delimiter, lineEnd + 1);
      children.push(entityAt(bytes, part.start + lineEnd + 1, part.start + (next < 0 ? body.length : next)));
      at = next;
    }
    // Depth first, in order: the first child on top.
    for (let k = children.length - 1; k >= 0; k--) stack.push({ part: children[k]!, depth: depth + 1 });
  }
  return undefined;
}

/** The page an .mhtml file holds, decoded to text. */
export function mhtmlPage(bytes: Buffer, name: string, budget: ReadBudget): Result<string> {
  const page = firstPage(bytes, budget);
  if (!page)
    return fail(
      'not_mhtml',
      `「${name}」不是浏览器保存的网页文件（.mhtml）：请在浏览器中打开年报页面，另存为“网页，全部”或“网页，单个文件”后再导入`,
    );
  return ok(decodePage(decodeBody(bytes, page), parameter(page.headers.get('content-type'), 'charset')));
}
