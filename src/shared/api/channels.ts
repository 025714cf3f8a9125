// Channel names and the typed API object. Kept free of runtime imports (zod
// and the model come in as types only) so the sandboxed preload stays tiny.
import type { Channel, Input, Output } from './contract';
import type { Result } from './result';

export const CHANNELS = [
  'app.info',
  'library.list',
  'library.create',
  'library.open',
  'library.edit',
  'library.duplicate',
  'library.remove',
  'library.restore',
  'library.setStatus',
  'library.revisions',
  'library.revision',
  'library.restoreRevision',
  'library.import',
  'library.start',
  'import.read',
  'export.document',
  'export.infographic',
  'files.reveal',
  'round.list',
  'round.open',
  'round.create',
  'round.roster',
  'round.rosterFile',
  'round.receive',
  'round.return',
  'round.accept',
  'round.reopen',
  'round.copy',
  'round.workbook',
  'round.sum',
] as const satisfies readonly Channel[];

export type { Channel };

/** Prefix of every IPC channel; the preload allows nothing else. */
export const IPC_PREFIX = 'nianbao:';

/** A transport: sends one call and gives back its result (never throws for a refused call). */
export type Invoke = (channel: Channel, payload: unknown) => Promise<Result<unknown>>;

/** The typed `nianbao` object the renderer uses, over any transport. */
export function createApi(invoke: Invoke) {
  const call =
    <C extends Channel>(channel: C) =>
    (input: Input<C>) =>
      invoke(channel, input) as Promise<Result<Output<C>>>;
  return {
    app: { info: call('app.info') },
    library: {
      list: call('library.list'),
      create: call('library.create'),
      open: call('library.open'),
      edit: call('library.edit'),
      duplicate: call('library.duplicate'),
      remove: call('library.remove'),
      restore: call('library.restore'),
      setStatus: call('library.setStatus'),
      revisions: call('library.revisions'),
      revision: call('library.revision'),
      restoreRevision: call('library.restoreRevision'),
      import: call('library.import'),
      start: call('library.start'),
    },
    files: {
      read: call('import.read'),
      exportDocument: call('export.document'),
      exportInfographic: call('export.infographic'),
      reveal: call('files.reveal'),
    },
    rounds: {
      list: call('round.list'),
      open: call('round.open'),
      create: call('round.create'),
      roster: call('round.roster'),
      rosterFile: call('round.rosterFile'),
      receive: call('round.receive'),
      return: call('round.return'),
      accept: call('round.accept'),
      reopen: call('round.reopen'),
      copy: call('round.copy'),
      workbook: call('round.workbook'),
      sum: call('round.sum'),
    },
  };
}

export type NianbaoApi = ReturnType<typeof createApi>;
