// What the app knows about itself (version, database, desktop or browser),
// asked for once at start-up: the answer also carries the one-time news of a
// library recovered from backup.
import { create } from 'zustand';
import type { AppInfo } from '../../../shared/api/contract';
import { api } from '../api';

interface AppInfoState {
  info: AppInfo | null;
  /** Fetches the info; resolves with the recovery message, if any. */
  load: () => Promise<string | null>;
}

export const useAppInfo = create<AppInfoState>((set) => ({
  info: null,
  load: async () => {
    const res = await api!.app.info({});
    if (!res.ok) return null;
    set({ info: res.value });
    return res.value.recovery;
  },
}));
