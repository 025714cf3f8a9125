// Moving file contents between the browser's File/Blob world and the API,
// the same in the desktop window and in the browser mode.

/** Base64 of a picked or dropped file; `onProgress` follows the read (0–1). */
export function fileToBase64(file: File, onProgress?: (share: number) => void): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onprogress = (e) => e.lengthComputable && onProgress?.(e.loaded / e.total);
    reader.onerror = () => reject(new Error(`无法读取「${file.name}」：文件可能正被其他程序占用，请关闭后重试`));
    reader.onload = () => {
      // readAsDataURL: the result is the data: URL.
      const url = reader.result as string;
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.readAsDataURL(file);
  });
}

/** Lets the browser save a file the API produced (browser mode). */
export function downloadBase64(fileName: string, mime: string, data: string): void {
  const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
