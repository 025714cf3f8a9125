// Reading the parts of an Office archive (.xlsx, .docx) under a hard budget.
// An entry's header may lie about its size (a part that declares 100 bytes
// and inflates to 1 GB): every entry is inflated as a stream, its bytes are
// counted as they come, and the read stops at the first byte over the budget
// — whatever the headers say. yauzl reads Zip64 directories and refuses an
// entry that inflates past its declared size; the budget holds even where it
// would not.
import yauzl from 'yauzl';

export interface UnzipLimits {
  /** Bytes of all inflated entries together, counted while inflating. */
  totalBytes: number;
  /** Entries in the archive (a directory of millions of entries is refused too). */
  entries: number;
}

export interface ZipScan {
  /** Names of every entry, in directory order. */
  names: string[];
  /** Entries the caller asked to keep, inflated. */
  kept: Map<string, Buffer>;
  /** Whatever the per-chunk observer counted, per entry it was given. */
  observed: Map<string, number>;
}

export type UnzipFailure = 'not_zip' | 'too_large' | 'encrypted';

export interface ScanOptions {
  limits: UnzipLimits;
  /** Entries to inflate and keep. */
  keep: (name: string) => boolean;
  /** Entries to inflate without keeping (their bytes still count against the budget). */
  inflate?: (name: string) => boolean;
  /** Sees every chunk of an inflated entry; returns a count to add (e.g. cells found). */
  observe?: (name: string, chunk: Buffer, previous: Buffer | undefined) => number;
}

class Over extends Error {
  constructor(readonly failure: UnzipFailure) {
    super(failure);
  }
}

function openZip(bytes: Buffer): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(bytes, { lazyEntries: true, validateEntrySizes: true, strictFileNames: false }, (err, zip) =>
      err ? reject(err) : resolve(zip),
    );
  });
}

function readStream(zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<NodeJS.ReadableStream> {
  return new Promise((resolve, reject) => zip.openReadStream(entry, (err, stream) => (err ? reject(err) : resolve(stream))));
}

/**
 * Walks an archive's entries, inflating those asked for under one budget.
 * Fails with `too_large` at the first byte past the budget, `encrypted` for a
 * password-protected entry, `not_zip` for anything that is not a readable zip.
 */
export async function scanZip(
  bytes: Buffer,
  options: ScanOptions,
): Promise<{ ok: true; value: ZipScan } | { ok: false; failure: UnzipFailure }> {
  let zip: yauzl.ZipFile;
  try {
    zip = await openZip(bytes);
  } catch {
    return { ok: false, failure: 'not_zip' };
  }
  if (zip.entryCount > options.limits.entries) {
    zip.close();
    return { ok: false, failure: 'too_large' };
  }
  const scan: ZipScan = { names: [], kept: new Map(), observed: new Map() };
  let spent = 0;
  try {
    await new Promise<void>((resolve, reject) => {
      zip.on('error', reject);
      zip.on('end', () => resolve());
      zip.on('entry', (entry: yauzl.Entry) => {
        void (async () => {
          const name = entry.fileName;
          scan.names.push(name);
          const keep = options.keep(name);
          if (name.endsWith('/') || !(keep || options.inflate?.(name))) return zip.readEntry();
          if (entry.isEncrypted()) throw new Over('encrypted');
          // Declared sizes are only a first, cheap refusal; the stream is counted regardless.
          if (spent + entry.uncompressedSize > options.limits.totalBytes) throw new Over('too_large');
          const stream = await readStream(zip, entry);
          const chunks: Buffer[] = [];
          let previous: Buffer | undefined;
          let seen = 0;
          await new Promise<void>((done, failed) => {
            stream.on('data', (chunk: Buffer) => {
              spent += chunk.length;
              if (spent > options.limits.totalBytes) {
                (stream as unknown as { destroy(): void }).destroy();
                failed(new Over('too_large'));
                return;
              }
              if (keep) chunks.push(chunk);
              if (options.observe) seen += options.observe(name, chunk, previous);
              previous = chunk;
            });
            stream.on('error', failed);
            stream.on('end', () => done());
          });
          if (keep) scan.kept.set(name, Buffer.concat(chunks));
          if (options.observe) scan.observed.set(name, seen);
          zip.readEntry();
        })().catch(reject);
      });
      zip.readEntry();
    });
  } catch (err) {
    zip.close();
    return { ok: false, failure: err instanceof Over ? err.failure : 'not_zip' };
  }
  zip.close();
  return { ok: true, value: scan };
}
