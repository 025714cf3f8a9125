// Reading one picked or dropped file for the review page: its bytes go to
// main through the import dialog's own call, the same readers as the CLI.
import { api } from '../api';
import { fileToBase64 } from '../transfer/files';
import type { ReadFile } from './store';

/** Larger files are not sent (the reader's own cap is lower and says so). */
const MAX_BYTES = 36 * 1024 * 1024;

export const readWithApi: ReadFile = async ({ file, name }) => {
  if (file.size > MAX_BYTES)
    return {
      fileName: name,
      error: `「${name}」有 ${(file.size / 1024 / 1024).toFixed(0)} MB，太大了：年度报告文件通常不超过几 MB，请确认是否选错了文件`,
    };
  try {
    const data = await fileToBase64(file);
    const res = await api!.files.read({ fileName: file.name, data });
    return res.ok ? { fileName: name, report: res.value.report, notes: res.value.notes } : { fileName: name, error: res.error.message };
  } catch (err) {
    return { fileName: name, error: (err as Error).message };
  }
};
