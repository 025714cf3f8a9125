// Opens the 使用说明 on F1 and from the desktop's 帮助 menu; the dialog itself
// is fetched the first time it is opened.
import { lazy, Suspense, useEffect } from 'react';
import { onShellCommand } from '../common/shell';
import { useHelp } from './help';

const HelpDialog = lazy(() => import('./HelpDialog'));

export function HelpHost() {
  const open = useHelp((s) => s.open);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'F1') return;
      e.preventDefault();
      useHelp.getState().show();
    };
    window.addEventListener('keydown', onKey);
    const off = onShellCommand('help', () => useHelp.getState().show());
    return () => {
      window.removeEventListener('keydown', onKey);
      off();
    };
  }, []);
  return open ? (
    <Suspense fallback={null}>
      <HelpDialog />
    </Suspense>
  ) : null;
}

/** The button beside the page's other tools. */
export function HelpButton() {
  return (
    <button type="button" onClick={() => useHelp.getState().show()} title="使用说明（F1）">
      使用说明
    </button>
  );
}
