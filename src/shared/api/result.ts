// Errors as values at every boundary: IPC, HTTP, file readers and writers.
export interface AppError {
  /** Stable, machine-readable: what kind of failure. */
  code: string;
  /** One clear sentence in Chinese for the user: what happened, to which file, what to do. */
  message: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = <T = never>(code: string, message: string): Result<T> => ({ ok: false, error: { code, message } });
