// The hidden file input behind an "导入…" button: the button calls `open`,
// the chosen file goes to `onPick`, and choosing the same file again works.
import { useCallback, useRef } from 'react';
import { importAccept } from '../../../shared/formats';

const ACCEPT = importAccept();

export function useFilePicker(onPick: (file: File) => void, label: string) {
  const input = useRef<HTMLInputElement>(null);
  const element = (
    <input
      ref={input}
      type="file"
      accept={ACCEPT}
      hidden
      aria-label={label}
      onChange={(e) => {
        const file = e.target.files?.[0];
        e.target.value = '';
        if (file) onPick(file);
      }}
    />
  );
  const open = useCallback(() => input.current?.click(), []);
  return { open, element };
}
