// The app's own channel: what the page is told about the program it talks to.
import type { Session, HandlersOf } from './session';

export function appHandlers({ services }: Session): HandlersOf<'app.info'> {
  let recoveryTold = false;
  return {
    'app.info': () => {
      // The recovery message is news once; later calls don't repeat it.
      const recovery = recoveryTold ? null : services.info.recovery;
      recoveryTold = true;
      return { ok: true, value: { ...services.info, recovery } };
    },
  };
}
