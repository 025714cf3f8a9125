// What a document read from Word, a web page or a PDF showed of the report's
// outline, for outline.numbering: the headings as the reader found them (by
// their words) in the import record's text part.
import type { TextRecord } from '../api/import';
import { NARRATIVE_IDS, type SectionId } from '../template/gov2021';
import type { DocumentOutline } from './types';

/** The outline a document's text record gives; undefined for a workbook or report JSON (they have no outline of their own). */
export function documentOutline(text: TextRecord | undefined): DocumentOutline | undefined {
  if (!text) return undefined;
  const headings: Partial<Record<SectionId, string>> = {};
  for (const id of NARRATIVE_IDS) {
    const heading = text.narratives[id].heading;
    if (heading) headings[id] = heading;
  }
  return { headings };
}
