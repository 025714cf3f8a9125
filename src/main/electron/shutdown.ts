// The window goes away one way only — closed by the user, or Windows logging
// off or shutting down: hold it, let the page save what it has not yet saved,
// then let it go. Plain state, so the order is tested without Electron.

/** What to do with a request to close: save first, keep holding while that runs, or go. */
export type CloseAnswer = 'save' | 'hold' | 'go';

export class ShutdownGuard {
  private state: 'open' | 'saving' | 'saved' = 'open';

  /** The first request starts the save; requests while it runs are held; once saved, everything goes. */
  request(): CloseAnswer {
    if (this.state === 'saved') return 'go';
    if (this.state === 'saving') return 'hold';
    this.state = 'saving';
    return 'save';
  }

  /** The save finished (or gave up after its timeout): closing may proceed. */
  done(): void {
    this.state = 'saved';
  }
}
