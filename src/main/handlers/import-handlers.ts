// A file the author picked, read by the one reader registry into a report and
// the record of how it was read; nothing is stored until the author applies it.
import { ok } from '../../shared/api/result';
import { readReportBytes } from '../formats/registry';
import type { HandlersOf } from './session';

export function importHandlers(): HandlersOf<'import.read'> {
  return {
    'import.read': async (i) => {
      const read = await readReportBytes(i.fileName, Buffer.from(i.data, 'base64'), {
        agency: i.agency,
        year: i.year,
        allowNoTables: i.allowNoTables,
      });
      if (!read.ok) return read;
      return ok({ report: read.value.report, record: read.value.record ?? null, notes: read.value.notes });
    },
  };
}
