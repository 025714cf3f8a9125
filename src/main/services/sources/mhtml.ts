// A page saved by Edge or Chrome as "网页，单个文件" (.mhtml, .mht): a MIME
// multipart message whose first text/html part is the page, quoted-printable
// or base64, in the charset its part header names. Only that part is read;
// images and style sheets beside it are not.
import { fail, ok, type Result } from '../../../shared/api/result';
import { decodePage } from './html';

interface Part {
  headers: Map<string, string>;
  body: Buffer;
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

function splitEntity(bytes: Buffer): Part {
  const text = bytes.toString('latin1');
  const m = /\r?\n\r?\n/.exec(text);
  const end = m ? m.index : text.length;
  return { headers: parseHeaders(text.slice(0, end)), body: bytes.subarray(m ? end + m[0].length : bytes.length) };
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

function decodeBody(part: Part): Buffer {
  const encoding = (part.headers.get('content-transfer-encoding') ?? '').toLowerCase();
  if (encoding === 'base64') return Buffer.from(part.body.toString('latin1').replace(/[^A-Za-z0-9+/=]/g, ''), 'base64');
  if (encoding === 'quoted-printable') return quotedPrintable(part.body);
  return part.body;
}

function parts(entity: Part): Part[] {
  const type = entity.headers.get('content-type') ?? '';
  const boundary = parameter(type, 'boundary');
  if (!type.toLowerCase().startsWith('multipart/') || !boundary) return [entity];
  const text = entity.body.toString('latin1');
  const delimiter = `--${boundary}`;
  const out: Part[] = [];
  let at = text.indexOf(delimiter);
  while (at >= 0) {
    const start = text.indexOf('\n', at) + 1;
    if (start <= 0 || text.startsWith(`${delimiter}--`, at)) break;
    const next = text.indexOf(delimiter, start);
    const chunk = entity.body.subarray(start, next < 0 ? entity.body.length : next);
    for (const part of parts(splitEntity(chunk))) out.push(part);
    at = next;
  }
  return out;
}

/** The page an .mhtml file holds, decoded to text. */
export function mhtmlPage(bytes: Buffer, name: string): Result<string> {
  const all = parts(splitEntity(bytes));
  const page = all.find((p) => (p.headers.get('content-type') ?? '').toLowerCase().startsWith('text/html'));
  if (!page)
    return fail(
      'not_mhtml',
      `「${name}」不是浏览器保存的网页文件（.mhtml）：请在浏览器中打开年报页面，另存为“网页，全部”或“网页，单个文件”后再导入`,
    );
  return ok(decodePage(decodeBody(page), parameter(page.headers.get('content-type'), 'charset')));
}
