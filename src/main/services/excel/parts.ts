// The small parts of a workbook that say how to read its sheets: where the
// workbook part is (the package's relationships), its sheets in order with
// their names and whether they are hidden, the date system, the shared strings
// and which number formats show dates. Each is streamed once through the SAX
// parser; none is held as XML.
import { posix } from 'node:path';
import { reportText, type ReportText } from '../tables';
import { attributeOf, isXmlTrue, parsePart, type Archive } from '../zip';
import { shownBy, type Shown } from './number-format';
import { decodeEscapes, type WorkbookContext } from './sheet-grid';

export interface SheetPart {
  name: string;
  /** The part in the archive, e.g. xl/worksheets/sheet1.xml. */
  part: string;
  /** Hidden or "very hidden" (only a macro can show it again): never the visible table. */
  hidden: boolean;
}

export interface WorkbookParts {
  sheets: SheetPart[];
  sharedStrings?: string;
  styles?: string;
  date1904: boolean;
}

/** Thrown while the shared strings stream by: more text than a workbook of tables holds. */
export class TooMuchText extends Error {}

interface Relationship {
  type: string;
  target: string;
}

/** A part's relationships (`_rels/x.xml.rels` beside it), their targets resolved to part names. */
async function relationshipsOf(archive: Archive, part: string): Promise<Map<string, Relationship>> {
  const dir = posix.dirname(part);
  const relsPart = archive.find(posix.join(dir === '.' ? '' : dir, '_rels', `${posix.basename(part)}.rels`));
  const out = new Map<string, Relationship>();
  if (!relsPart) return out;
  await parsePart(archive, relsPart, {
    open(name, a) {
      if (name !== 'Relationship' || !a.Id || !a.Target || a.TargetMode === 'External') return;
      const target = a.Target.startsWith('/') ? a.Target.slice(1) : posix.normalize(posix.join(dir === '.' ? '' : dir, a.Target));
      out.set(a.Id, { type: a.Type ?? '', target });
    },
  });
  return out;
}

const isType = (rel: Relationship, kind: string) => rel.type.endsWith(`/${kind}`);

/** The workbook part, its sheets and the parts they share; undefined where the archive is no workbook. */
export async function workbookParts(archive: Archive): Promise<WorkbookParts | undefined> {
  const root = await relationshipsOf(archive, '');
  const main = [...root.values()].find((r) => isType(r, 'officeDocument'))?.target ?? 'xl/workbook.xml';
  const workbook = archive.find(main);
  if (!workbook) return undefined;

  const declared: { name: string; id: string; hidden: boolean }[] = [];
  let date1904 = false;
  await parsePart(archive, workbook, {
    open(name, a) {
      if (name === 'workbookPr') date1904 = isXmlTrue(a.date1904);
      else if (name === 'sheet') {
        const id = attributeOf(a, 'id');
        if (a.name !== undefined && id) declared.push({ name: a.name, id, hidden: a.state === 'hidden' || a.state === 'veryHidden' });
      }
    },
  });
  const rels = await relationshipsOf(archive, workbook);
  const sheets: SheetPart[] = [];
  for (const s of declared) {
    const rel = rels.get(s.id);
    // Chart sheets and dialog sheets hold no cells.
    const part = rel && isType(rel, 'worksheet') ? archive.find(rel.target) : undefined;
    if (part) sheets.push({ name: s.name, part, hidden: s.hidden });
  }
  const shared = (kind: string) => {
    const rel = [...rels.values()].find((r) => isType(r, kind));
    return rel ? archive.find(rel.target) : undefined;
  };
  return { sheets, sharedStrings: shared('sharedStrings'), styles: shared('styles'), date1904 };
}

/** Per style index of the cells (cellXfs): how its number format shows a value (as a date, not at all …). */
export async function cellStyles(archive: Archive, part: string | undefined): Promise<Shown[]> {
  if (!part) return [];
  const codes = new Map<number, string>();
  const formats: number[] = [];
  let inCellXfs = false;
  await parsePart(archive, part, {
    open(name, a) {
      if (name === 'numFmt') codes.set(Number(a.numFmtId), a.formatCode ?? '');
      else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'xf' && inCellXfs) formats.push(Number(a.numFmtId ?? 0));
    },
    close(name) {
      if (name === 'cellXfs') inCellXfs = false;
    },
  });
  return formats.map((id) => shownBy(id, codes.get(id)));
}

/**
 * The shared strings, rich text runs joined and phonetic guides left out, and
 * for each how it belongs to the report. `maxChars` bounds the text kept.
 */
export async function sharedStrings(
  archive: Archive,
  part: string | undefined,
  maxChars: number,
): Promise<Pick<WorkbookContext, 'strings' | 'stringKinds'>> {
  const strings: string[] = [];
  const kinds: ReportText[] = [];
  if (!part) return { strings, stringKinds: kinds };
  let current: string | undefined;
  let inText = false;
  let phonetic = 0;
  let chars = 0;
  await parsePart(archive, part, {
    open(name) {
      if (name === 'si') current = '';
      else if (name === 'rPh') phonetic++;
      else if (name === 't' && phonetic === 0 && current !== undefined) inText = true;
    },
    text(text) {
      if (!inText) return;
      chars += text.length;
      if (chars > maxChars) throw new TooMuchText();
      current += text;
    },
    close(name) {
      if (name === 't') inText = false;
      else if (name === 'rPh') phonetic--;
      else if (name === 'si' && current !== undefined) {
        const text = decodeEscapes(current);
        strings.push(text);
        kinds.push(reportText(text));
        current = undefined;
      }
    },
  });
  return { strings, stringKinds: kinds };
}
