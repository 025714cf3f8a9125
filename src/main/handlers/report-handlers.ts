// One report in the editor: opened with last year's beside it, edited,
// marked (定稿 and back), and its history of revisions read and restored.
import type { Channel } from '../../shared/api/contract';
import type { HandlersOf, Session } from './session';

type ReportChannel = Extract<Channel, `library.${'open' | 'edit' | 'setStatus' | 'revisions' | 'revision' | 'restoreRevision'}`>;

export function reportHandlers({ library, opened }: Session): HandlersOf<ReportChannel> {
  return {
    'library.open': (i) => opened(library.get(i.id)),
    'library.edit': (i) => library.applyEdit(i.id, i.patch, { revision: i.revision, keepBefore: i.keepBefore }),
    'library.setStatus': (i) => library.setStatus(i.id, i.status),
    'library.revisions': (i) => library.listRevisions(i.id),
    'library.revision': (i) => library.getRevision(i.id, i.revisionId),
    'library.restoreRevision': (i) => opened(library.restoreRevision(i.id, i.revisionId)),
  };
}
