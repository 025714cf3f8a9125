// What the 汇总与审核 page holds: the rounds of the library, the one open (as
// the library derives it: roster, statuses, reviews, rechecks), and the files
// arriving — read two at a time through the API, each put with its body by
// main, the list refreshed as they come. The round lives in the library, so
// leaving the page (to open a copy in the editor) and coming back, or
// restarting the program, loses nothing.
import { create } from 'zustand';
import type { NianbaoApi } from '../../../shared/api/channels';
import { isReportFile } from '../../../shared/formats';
import type { ReceiveOutcome, RoundSummary, RoundView } from '../../../shared/review/round';
import { fileToBase64 } from '../transfer/files';
import { FILE_LIMITS } from '../../../shared/model/limits';

/** A file picked or dropped, with the name the list shows (its folder path where it came from a folder). */
export interface PickedFile {
  file: File;
  name: string;
}

export interface Arriving {
  /** Last year's reports (for the continuity checks) or this year's. */
  asPrevious: boolean;
  done: number;
  total: number;
}

/** A file that could not be put with a body, and why. */
export interface Refused {
  fileName: string;
  error: string;
}

interface RoundState {
  rounds: RoundSummary[] | null;
  view: RoundView | null;
  arriving: Arriving | null;
  /** Files of the last drop that were not taken, with the reason; the bodies a drop added to the roster. */
  refused: Refused[];
  added: string[];
  error: string | null;
  load: (year?: number) => Promise<void>;
  setView: (view: RoundView) => void;
  receive: (files: readonly PickedFile[], asPrevious: boolean) => Promise<void>;
  cancel: () => void;
}

/** Files read at once: enough to keep main busy, few enough that a cancel stops soon. */
const IN_FLIGHT = 2;
/** The list is refreshed a few times a second while files arrive, not per file. */
const REFRESH_MS = 700;

/** A file's content as base64 (the page reads it with a FileReader). */
export type Encode = (file: File) => Promise<string>;

/** The page's store over an API (the app's; a test's over the real handlers). */
export function createRoundStore(client: NianbaoApi, encode: Encode = fileToBase64) {
  async function receiveOne(year: number, picked: PickedFile, asPrevious: boolean): Promise<ReceiveOutcome> {
    const { file, name } = picked;
    if (file.size > FILE_LIMITS.reportBytes)
      return {
        fileName: name,
        error: `「${name}」有 ${(file.size / 1024 / 1024).toFixed(0)} MB，太大了：年度报告文件通常不超过几 MB，请确认是否选错了文件`,
      };
    try {
      const res = await client.rounds.receive({ year, fileName: name, data: await encode(file), asPrevious });
      return res.ok ? res.value : { fileName: name, error: res.error.message };
    } catch (err) {
      return { fileName: name, error: (err as Error).message };
    }
  }

  let generation = 0;

  return create<RoundState>((set, get) => ({
    rounds: null,
    view: null,
    arriving: null,
    refused: [],
    added: [],
    error: null,
    load: async (year) => {
      const listed = await client.rounds.list({});
      if (!listed.ok) return set({ error: listed.error.message });
      const rounds = listed.value;
      const wanted = year ?? get().view?.year ?? rounds[0]?.year;
      if (wanted === undefined || !rounds.some((r) => r.year === wanted)) return set({ rounds, view: null, error: null });
      const opened = await client.rounds.open({ year: wanted });
      set(opened.ok ? { rounds, view: opened.value, error: null } : { rounds, error: opened.error.message });
    },
    setView: (view) => set({ view }),
    receive: async (files, asPrevious) => {
      const year = get().view?.year;
      if (year === undefined || get().arriving || files.length === 0) return;
      const run = ++generation;
      const refused: Refused[] = [];
      const added: string[] = [];
      let next = 0;
      let done = 0;
      set({ arriving: { asPrevious, done, total: files.length }, refused, added });
      const refresh = async () => {
        const opened = await client.rounds.open({ year });
        if (opened.ok && run === generation) set({ view: opened.value });
      };
      const timer = setInterval(() => void refresh(), REFRESH_MS);
      const worker = async () => {
        while (next < files.length && run === generation) {
          const outcome = await receiveOne(year, files[next++]!, asPrevious);
          if (run !== generation) return;
          if ('error' in outcome) refused.push(outcome);
          else if (outcome.added) added.push(outcome.body);
          set({ arriving: { asPrevious, done: ++done, total: files.length }, refused: [...refused], added: [...added] });
        }
      };
      try {
        await Promise.all(Array.from({ length: Math.min(IN_FLIGHT, files.length) }, worker));
      } finally {
        clearInterval(timer);
        if (run === generation) set({ arriving: null });
        await get().load(year);
      }
    },
    cancel: () => {
      // Files already received stay received; the rest are not sent.
      generation++;
      set({ arriving: null });
    },
  }));
}

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
