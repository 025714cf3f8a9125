// Reads a picked or dropped file through the API (the same readers as the
// CLI), following the progress of getting its bytes.
import { useEffect, useState } from 'react';
import type { ImportedFile } from '../../../shared/api/contract';
import type { Result } from '../../../shared/api/result';
import { api } from '../api';
import { fileToBase64 } from './files';

export interface FileReading {
  /** 0–1 while the bytes are read; null once they are with main, which then parses. */
  progress: number | null;
  read: ImportedFile | null;
  error: string | null;
}

/** `into`: the report the file goes into, whose body and year stand where the file names none; `allowNoTables`: a draft's text alone is read too. */
export async function readThroughApi(
  file: File,
  into?: { agency?: string; year?: number; allowNoTables?: boolean },
  onProgress?: (share: number) => void,
): Promise<Result<ImportedFile>> {
  try {
    const data = await fileToBase64(file, onProgress);
    return await api!.files.read({ fileName: file.name, data, ...into });
  } catch (err) {
    return { ok: false, error: { code: 'unreadable', message: (err as Error).message } };
  }
}

export function useReadFile(file: File, into?: { agency: string; year: number }): FileReading {
  const [state, setState] = useState<FileReading>({ progress: 0, read: null, error: null });
  useEffect(() => {
    let cancelled = false;
    void readThroughApi(file, into, (share) => !cancelled && setState((s) => ({ ...s, progress: share >= 1 ? null : share }))).then(
      (res) => {
        if (cancelled) return;
        setState(res.ok ? { progress: null, read: res.value, error: null } : { progress: null, read: null, error: res.error.message });
      },
    );
    return () => {
      cancelled = true;
    };
    // `into` is read once per file, when the dialog opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [file]);
  return state;
}
