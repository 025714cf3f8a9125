// What the 汇总与审核 page has read: this year's files and last year's, each
// a report or the reason it could not be read. Files are read two at a time
// (the page reads them through the same API call the import dialog uses), so
// the page stays responsive and reading can stop between files; the list
// survives a visit to the editor and back.
import { create } from 'zustand';
import { extensionOf, reportFileExtensions } from '../../../shared/formats';
import type { ReviewInput } from '../../../shared/review';

export type FileSet = 'current' | 'previous';

/** A file picked or dropped, with the name the list shows (its folder path where it came from a folder). */
export interface PickedFile {
  file: File;
  name: string;
}

export interface Reading {
  set: FileSet;
  done: number;
  total: number;
}

/** Reads one file into a review input (the page's goes through the API; never throws). */
export type ReadFile = (picked: PickedFile) => Promise<ReviewInput>;

interface ReviewState {
  current: ReviewInput[];
  previous: ReviewInput[];
  reading: Reading | null;
  add: (set: FileSet, files: readonly PickedFile[], read: ReadFile) => Promise<void>;
  cancel: () => void;
  clear: (set: FileSet) => void;
}

/** Files read at once: enough to keep main busy, few enough that a cancel stops soon. */
const IN_FLIGHT = 2;
/** Results are put on the list in groups, so a long batch re-renders a few times a second, not per file. */
const FLUSH_MS = 250;
const REPORT_EXTENSIONS = new Set(reportFileExtensions());

/** Whether a file from a folder is meant as a report (not a picture or a note beside the reports). */
export function isReportFile(name: string): boolean {
  const base = name.split('/').pop() ?? name;
  return !base.startsWith('.') && !base.startsWith('~$') && REPORT_EXTENSIONS.has(extensionOf(base));
}

let generation = 0;

export const useReview = create<ReviewState>((set, get) => ({
  current: [],
  previous: [],
  reading: null,
  add: async (which, files, read) => {
    if (get().reading || files.length === 0) return;
    const run = ++generation;
    // Results go on the list in the order the files were given, whichever is read first.
    const slots = new Array<ReviewInput | undefined>(files.length);
    let next = 0;
    let shown = 0;
    let done = 0;
    set({ reading: { set: which, done, total: files.length } });
    const flush = (all = false) => {
      const arrived: ReviewInput[] = [];
      for (; shown < files.length && (slots[shown] || all); shown++) if (slots[shown]) arrived.push(slots[shown]!);
      if (arrived.length === 0) return;
      set((s) => (which === 'current' ? { current: [...s.current, ...arrived] } : { previous: [...s.previous, ...arrived] }));
    };
    const timer = setInterval(flush, FLUSH_MS);
    const worker = async () => {
      while (next < files.length && run === generation) {
        const i = next++;
        const input = await read(files[i]!);
        if (run !== generation) return;
        slots[i] = input;
        set({ reading: { set: which, done: ++done, total: files.length } });
      }
    };
    try {
      await Promise.all(Array.from({ length: Math.min(IN_FLIGHT, files.length) }, worker));
    } finally {
      clearInterval(timer);
      flush(true);
      if (run === generation) set({ reading: null });
    }
  },
  cancel: () => {
    // Files already read stay on the list; the rest are not sent.
    generation++;
    set({ reading: null });
  },
  clear: (which) => set(which === 'current' ? { current: [] } : { previous: [] }),
}));

/** Every file of a dropped folder (and its subfolders), with its path inside the drop. */
async function entryFiles(entry: FileSystemEntry, path: string): Promise<PickedFile[]> {
  if (entry.isFile) {
    const file = await new Promise<File>((resolve, reject) => (entry as FileSystemFileEntry).file(resolve, reject));
    return [{ file, name: path + entry.name }];
  }
  const reader = (entry as FileSystemDirectoryEntry).createReader();
  const children: FileSystemEntry[] = [];
  // readEntries gives a folder's entries a hundred or so at a time, until it gives none.
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
    if (batch.length === 0) break;
    children.push(...batch);
  }
  const nested = await Promise.all(children.map((c) => entryFiles(c, `${path}${entry.name}/`)));
  return nested.flat();
}

/** The report files of a drop: files as they are, folders walked. */
export async function droppedFiles(transfer: DataTransfer): Promise<PickedFile[]> {
  const entries = [...transfer.items].map((item) => item.webkitGetAsEntry()).filter((e): e is FileSystemEntry => !!e);
  if (entries.length === 0) return [...transfer.files].map((file) => ({ file, name: file.name }));
  const all = (await Promise.all(entries.map((e) => entryFiles(e, '')))).flat();
  // A file dropped on its own is taken whatever it is (it gets its message); from a folder only report files.
  return all.filter((f) => !f.name.includes('/') || isReportFile(f.name));
}

/** The report files of a file input (a folder picked with webkitdirectory gives relative paths). */
export function pickedFiles(list: FileList): PickedFile[] {
  return [...list]
    .map((file) => ({ file, name: file.webkitRelativePath || file.name }))
    .filter((f) => !f.name.includes('/') || isReportFile(f.name));
}
