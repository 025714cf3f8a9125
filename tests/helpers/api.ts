// The typed API over a real library file, as the renderer calls it (here with
// an in-process transport): a fresh file for every test, closed and removed after it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { createHandlers, type Handlers } from '../../src/main/handlers';
import { openServices, type OpenedServices } from '../../src/main/open-services';
import { createApi, type NianbaoApi } from '../../src/shared/api/channels';

export interface ApiOverLibrary {
  readonly dir: string;
  readonly services: OpenedServices;
  readonly handlers: Handlers;
  readonly api: NianbaoApi;
}

/** Registers the set-up and tear-down; read the fields inside a test. */
export function apiOverLibrary(prefix: string): ApiOverLibrary {
  const state = {} as { -readonly [K in keyof ApiOverLibrary]: ApiOverLibrary[K] };
  beforeEach(async () => {
    state.dir = mkdtempSync(join(tmpdir(), prefix));
    const opened = await openServices({ databasePath: join(state.dir, 'library.db'), shell: 'browser' });
    if (!opened.ok) throw new Error(opened.error.message);
    state.services = opened.value;
    state.handlers = createHandlers(state.services);
    state.api = createApi((channel, payload) => state.handlers[channel](payload));
  });
  afterEach(async () => {
    await state.services.close();
    rmSync(state.dir, { recursive: true, force: true });
  });
  return state;
}

/** The value of a successful call; a failed one fails the test with its message. */
export function value<T>(res: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!res.ok) throw new Error(res.error.message);
  return res.value;
}
