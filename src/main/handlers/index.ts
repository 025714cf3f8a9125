// One handler per channel of the API contract, as a plain object. Electron
// registers it with ipcMain.handle, `nianbao serve` with HTTP, and the tests
// call the very same object. Each feature's handlers live in a file of their
// own; here they make the one typed map, and every payload is validated with
// the shared zod schema and answered with a Result, never a thrown error.
import type { z } from 'zod';
import { CHANNELS } from '../../shared/api/channels';
import { inputs, type Channel } from '../../shared/api/contract';
import { fail, type Result } from '../../shared/api/result';
import { fileFormat } from '../../shared/formats';
import { appHandlers } from './app-handlers';
import { exportHandlers } from './export-handlers';
import { importHandlers } from './import-handlers';
import { infographicHandlers } from './infographic-handlers';
import { libraryHandlers } from './library-handlers';
import { reportHandlers } from './report-handlers';
import { roundHandlers } from './round-handlers';
import { openSession, type HandlersOf, type Services } from './session';

export type { Platform, SavedFileType, Services } from './session';

export type Handler = (payload: unknown) => Promise<Result<unknown>>;
export type Handlers = Record<Channel, Handler>;

function describePayloadError(error: z.ZodError): string {
  const first = error.issues[0];
  if (!first) return '请求内容不正确';
  const where = first.path.length ? `（${first.path.join('.')}）` : '';
  return `请求内容不正确${where}：${first.message}`;
}

export function createHandlers(services: Services): Handlers {
  const session = openSession(services);
  const impl: HandlersOf<Channel> = {
    ...appHandlers(session),
    ...libraryHandlers(session),
    ...reportHandlers(session),
    ...importHandlers(),
    ...exportHandlers(session),
    ...infographicHandlers(session),
    ...roundHandlers(services.library, (made, format) => session.deliver(made, fileFormat(format))),
  };

  const handlers = {} as Handlers;
  for (const channel of CHANNELS) {
    handlers[channel] = async (payload) => {
      const parsed = inputs[channel].safeParse(payload);
      if (!parsed.success) return fail('bad_request', describePayloadError(parsed.error));
      try {
        return await (impl[channel] as (input: unknown) => Promise<Result<unknown>>)(parsed.data);
      } catch (err) {
        return fail('internal', `程序内部错误：${(err as Error).message}。数据未改动，请重试；如反复出现请联系技术支持`);
      }
    };
  }
  return handlers;
}
