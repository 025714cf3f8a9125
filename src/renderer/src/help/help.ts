// Whether the 使用说明 is open: F1, the 帮助 menu and the 使用说明 buttons open it.
import { create } from 'zustand';

export const useHelp = create<{ open: boolean; show: () => void; hide: () => void }>((set) => ({
  open: false,
  show: () => set({ open: true }),
  hide: () => set({ open: false }),
}));
