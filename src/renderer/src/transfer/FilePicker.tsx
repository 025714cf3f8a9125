// The hidden file input behind an "导入…" button: the button calls `open`,
// the chosen file goes to `onPick`, and choosing the same file again works.
// With `multiple`, several files can be chosen at once and go there instead.
import { useCallback, useRef } from 'react';
import { importAccept } from '../../../shared/formats';

const ACCEPT = importAccept();

export function useFilePicker(onPick: (file: File) => void, label: string, options: { multiple?: (files: File[]) => void } = {}) {
  const input = useRef<HTMLInputElement>(null);
  const element = (
    <input
      ref={input}
      type="file"
      accept={ACCEPT}
      hidden
      multiple={!!options.multiple}
      aria-label={label}
      onChange={(e) => {
        const files = [...(e.target.files ?? [])];
        e.target.value = '';
        if (options.multiple && files.length > 0) options.multiple(files);
        else if (files[0]) onPick(files[0]);
      }}
    />
  );
  const open = useCallback(() => input.current?.click(), []);
  return { open, element };
}
