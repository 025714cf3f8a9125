// Channel names and the typed API object. Kept free of runtime imports (zod
// and the model come in as types only) so the sandboxed preload stays tiny.
import type { Channel, Input, Output } from './contract';
import type { Result } from './result';

/**
 * Every channel, once, under the name the renderer calls it by
 * (`api.files.read` sends 'import.read'): the channel list and the typed API
 * object are both derived from it, so a new channel is added here alone.
 */
const API_CHANNELS = {
  app: {
    info: 'app.info',
  },
  library: {
    list: 'library.list',
    create: 'library.create',
    open: 'library.open',
    edit: 'library.edit',
    duplicate: 'library.duplicate',
    remove: 'library.remove',
    restore: 'library.restore',
    setStatus: 'library.setStatus',
    revisions: 'library.revisions',
    revision: 'library.revision',
    restoreRevision: 'library.restoreRevision',
    import: 'library.import',
    start: 'library.start',
  },
  files: {
    read: 'import.read',
    exportDocument: 'export.document',
    exportInfographic: 'export.infographic',
    reveal: 'files.reveal',
  },
  rounds: {
    list: 'round.list',
    open: 'round.open',
    create: 'round.create',
    roster: 'round.roster',
    rosterFile: 'round.rosterFile',
    receive: 'round.receive',
    return: 'round.return',
    accept: 'round.accept',
    reopen: 'round.reopen',
    copy: 'round.copy',
    workbook: 'round.workbook',
    sum: 'round.sum',
  },
} as const satisfies Record<string, Record<string, Channel>>;

type ApiChannels = typeof API_CHANNELS;

export const CHANNELS: readonly Channel[] = Object.values(API_CHANNELS).flatMap((group) => Object.values(group));

export type { Channel };

/** Prefix of every IPC channel; the preload allows nothing else. */
export const IPC_PREFIX = 'nianbao:';

/** A transport: sends one call and gives back its result (never throws for a refused call). */
export type Invoke = (channel: Channel, payload: unknown) => Promise<Result<unknown>>;

/** One call of the API: its channel's input in, its result out. */
type Call<C extends Channel> = (input: Input<C>) => Promise<Result<Output<C>>>;

/** The typed `nianbao` object the renderer uses, over any transport. */
export type NianbaoApi = { [G in keyof ApiChannels]: { [M in keyof ApiChannels[G]]: Call<ApiChannels[G][M] & Channel> } };

/** The typed `nianbao` object over a transport, built from the channel map. */
export function createApi(invoke: Invoke): NianbaoApi {
  const group = (methods: Readonly<Record<string, Channel>>) =>
    Object.fromEntries(Object.entries(methods).map(([name, channel]) => [name, (input: unknown) => invoke(channel, input)]));
  return Object.fromEntries(Object.entries(API_CHANNELS).map(([name, methods]) => [name, group(methods)])) as NianbaoApi;
}
