// How long a text of the report may be. An annual report's longest section
// runs to a few thousand characters; 50,000 (some thirty pages of 公文) leaves
// room for any real one, while keeping every writer, the editor and the rules
// fast and far from memory limits (a 150,000-line paste is refused with a
// message, not crashed on). The editor, the reader of every file format, the
// library and the API all take the limit and its message from here.
import { z } from 'zod';
import { NARRATIVE_IDS, sectionHeading, type NarrativeId } from '../template/gov2021';
import type { Report } from './report';

/** Characters (line breaks and spaces included) a section's text may hold. */
export const MAX_SECTION_CHARS = 50_000;

export type LimitedText = NarrativeId | 'preamble';

/** `undefined`: a text whose section the caller does not know (a patch's value, checked before its key). */
export function textLabel(id: LimitedText | undefined): string {
  if (id === undefined) return '这部分文字';
  return id === 'preamble' ? '导语（一、总体情况之前的段落）' : sectionHeading(id);
}

const count = (n: number) => n.toLocaleString('en-US');

/** The one sentence for a text over the limit: which, how long, the limit, what to do. */
export function textTooLongMessage(id: LimitedText | undefined, length: number): string {
  return `「${textLabel(id)}」有 ${count(length)} 个字符，超过每部分 ${count(MAX_SECTION_CHARS)} 个字符（含空格和换行）的上限：请精简文字，详细材料可作为附件另行报送`;
}

/** The report's texts over the limit, in document order. */
export function overlongTexts(report: Pick<Report, 'narratives' | 'preamble'>): { id: LimitedText; length: number }[] {
  const texts: [LimitedText, string | undefined][] = [
    ['preamble', report.preamble],
    ...NARRATIVE_IDS.map((id) => [id, report.narratives[id]] as [LimitedText, string]),
  ];
  return texts.filter(([, text]) => (text?.length ?? 0) > MAX_SECTION_CHARS).map(([id, text]) => ({ id, length: text!.length }));
}

/** A text field of a schema, refused past the limit with the one message. */
export function limitedText(id?: LimitedText) {
  return z.string().max(MAX_SECTION_CHARS, {
    error: (issue) => textTooLongMessage(id, typeof issue.input === 'string' ? issue.input.length : MAX_SECTION_CHARS + 1),
  });
}

const MB = 1024 * 1024;
/** The largest report file any reader takes: a report with its tables is a few MB even as a PDF with images. */
const REPORT_FILE_BYTES = 40 * MB;

/**
 * How large a file may be, everywhere one is taken: by a reader, by the API
 * as base64 (4 characters for every 3 bytes), by `nianbao serve` in a request
 * (one file and the JSON around it), and by the renderer before it sends one.
 */
export const FILE_LIMITS = {
  reportBytes: REPORT_FILE_BYTES,
  base64Chars: Math.ceil(REPORT_FILE_BYTES / 3) * 4,
  requestBytes: 64 * MB,
} as const;
