// Short messages for the user (saved, failed, recovered), shown in one place.
import { create } from 'zustand';

export interface Notice {
  id: number;
  kind: 'info' | 'error';
  text: string;
}

interface NoticeState {
  notices: Notice[];
  show: (kind: Notice['kind'], text: string) => void;
  dismiss: (id: number) => void;
}

let next = 1;
export const useNotices = create<NoticeState>((set) => ({
  notices: [],
  show: (kind, text) => {
    const id = next++;
    set((s) => ({ notices: [...s.notices, { id, kind, text }] }));
    if (kind === 'info') setTimeout(() => set((s) => ({ notices: s.notices.filter((n) => n.id !== id) })), 4000);
  },
  dismiss: (id) => set((s) => ({ notices: s.notices.filter((n) => n.id !== id) })),
}));
