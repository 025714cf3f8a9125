// The 一图读懂 of a report written as a picture, a PDF or a web page, saved or
// downloaded like any other export.
import { documentTitle } from '../../shared/model/report';
import { infographicOutput } from '../../shared/infographic';
import { writeInfographic } from '../services/infographic';
import type { HandlersOf, Session } from './session';

export function infographicHandlers({ services, library, opened, saveAs }: Session): HandlersOf<'export.infographic'> {
  return {
    'export.infographic': async (i) => {
      const stored = opened(library.get(i.id));
      if (!stored.ok) return stored;
      const { report, previous } = stored.value;
      const output = infographicOutput(i.kind);
      const input = { report, previous, highlights: i.highlights };
      const fileName = `${documentTitle(report)}（一图读懂${output.scale === 2 ? '·印刷' : ''}）${output.file.extensions[0]}`;
      const printer = services.platform?.pdfPrinter;
      return saveAs(fileName, output.file, (path) => writeInfographic(input, i.kind, path, printer ? { printer } : undefined));
    },
  };
}
