// Reading the parts of an Office archive (.xlsx, .docx) under a hard budget.
// An entry's header may lie about its size (a part that declares 100 bytes
// and inflates to 1 GB): every entry is inflated as a stream, its bytes are
// counted as they come, and the read stops at the first byte over the budget
// — whatever the headers say. yauzl reads Zip64 directories and refuses an
// entry that inflates past its declared size; the budget holds even where it
// would not.
import { promisify } from 'node:util';
import { inflateRaw } from 'node:zlib';
import yauzl from 'yauzl';

export interface UnzipLimits {
  /** Bytes of all inflated entries together, counted while inflating. */
  totalBytes: number;
  /** Entries in the archive (a directory of millions of entries is refused too). */
  entries: number;
}

export type UnzipFailure = 'not_zip' | 'too_large' | 'encrypted';

/** Thrown inside a read to stop it: the archive's own failures, as values at its boundary. */
export class UnzipError extends Error {
  constructor(readonly failure: UnzipFailure) {
    super(failure);
  }
}

/**
 * An archive whose directory has been read, its entries inflated on demand in
 * any order, each at most as often as asked, all under one budget.
 */
export interface Archive {
  /** Names of every entry, in directory order. */
  readonly names: readonly string[];
  /** The entry's name as the archive spells it: OPC part names compare without case. */
  find(name: string): string | undefined;
  /**
   * Streams one entry's inflated bytes to `onChunk`. Rejects with an
   * `UnzipError` past the budget, for an encrypted or unreadable entry, or
   * with whatever `onChunk` throws (the read stops there).
   */
  read(name: string, onChunk: (chunk: Buffer) => void): Promise<void>;
  /**
   * Starts inflating a small part on the thread pool, so that it is ready
   * when read: the next sheet inflates while this one is parsed.
   */
  prefetch(name: string): void;
  /** Bytes inflated so far. */
  readonly spent: number;
  close(): void;
}

function openZip(bytes: Buffer): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(bytes, { lazyEntries: true, validateEntrySizes: true, strictFileNames: false }, (err, zip) =>
      err ? reject(err) : resolve(zip),
    );
  });
}

function entriesOf(zip: yauzl.ZipFile): Promise<yauzl.Entry[]> {
  return new Promise((resolve, reject) => {
    const entries: yauzl.Entry[] = [];
    zip.on('error', reject);
    zip.on('end', () => resolve(entries));
    zip.on('entry', (entry: yauzl.Entry) => {
      entries.push(entry);
      zip.readEntry();
    });
    zip.readEntry();
  });
}

function readStream(zip: yauzl.ZipFile, entry: yauzl.Entry, decompress: boolean): Promise<NodeJS.ReadableStream> {
  return new Promise((resolve, reject) =>
    zip.openReadStream(entry, { decompress: decompress ? null : false }, (err, stream) => (err ? reject(err) : resolve(stream))),
  );
}

/**
 * Parts up to this size (as declared) are inflated in one call, bounded by
 * the declared size: most parts of a workbook are, and the streaming
 * inflater's trip through the thread pool per 16 KB costs more than the
 * inflating itself. Larger parts stream, so memory stays bounded.
 */
const INFLATE_AT_ONCE = 16 * 1024 * 1024;
/** The bytes of an inflated part are handed on in pieces of this size, as a stream would. */
const PIECE = 256 * 1024;

async function collect(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

const inflateRawAsync = promisify(inflateRaw);

/**
 * A part inflated at once, in one trip to the thread pool, bounded by its
 * declared size, which it must have (as yauzl checks a stream).
 */
async function inflateAtOnce(zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<Buffer> {
  let packed: Buffer;
  try {
    packed = await collect(await readStream(zip, entry, false));
  } catch {
    throw new UnzipError('not_zip');
  }
  if (entry.compressionMethod === 0) {
    if (packed.length !== entry.uncompressedSize) throw new UnzipError('not_zip');
    return packed;
  }
  let out: Buffer;
  try {
    out = await inflateRawAsync(packed, { maxOutputLength: Math.max(1, entry.uncompressedSize) });
  } catch {
    // Past the declared size (the header lies) or not a deflate stream at all.
    throw new UnzipError('not_zip');
  }
  if (out.length !== entry.uncompressedSize) throw new UnzipError('not_zip');
  return out;
}

/** Opens an archive held in memory and reads its directory; fails with `not_zip` or `too_large` (too many entries). */
export async function openArchive(
  bytes: Buffer,
  limits: UnzipLimits,
): Promise<{ ok: true; value: Archive } | { ok: false; failure: UnzipFailure }> {
  let zip: yauzl.ZipFile;
  try {
    zip = await openZip(bytes);
  } catch {
    return { ok: false, failure: 'not_zip' };
  }
  if (zip.entryCount > limits.entries) {
    zip.close();
    return { ok: false, failure: 'too_large' };
  }
  let entries: yauzl.Entry[];
  try {
    entries = await entriesOf(zip);
  } catch {
    zip.close();
    return { ok: false, failure: 'not_zip' };
  }
  const byName = new Map<string, yauzl.Entry>();
  for (const e of entries) if (!byName.has(e.fileName.toLowerCase())) byName.set(e.fileName.toLowerCase(), e);
  let spent = 0;
  const atOnce = (e: yauzl.Entry) => e.uncompressedSize <= INFLATE_AT_ONCE && e.compressedSize <= INFLATE_AT_ONCE && !e.isEncrypted();
  /** Parts being inflated ahead of their read. */
  const ahead = new Map<yauzl.Entry, Promise<Buffer>>();
  const archive: Archive = {
    names: entries.map((e) => e.fileName),
    find: (name) => byName.get(name.replace(/^\//, '').toLowerCase())?.fileName,
    get spent() {
      return spent;
    },
    close: () => zip.close(),
    prefetch(name) {
      const entry = byName.get(name.toLowerCase());
      if (!entry || ahead.has(entry) || !atOnce(entry) || spent + entry.uncompressedSize > limits.totalBytes) return;
      const inflating = inflateAtOnce(zip, entry);
      // A failure surfaces when the part is read; a part never read fails silently.
      inflating.catch(() => undefined);
      ahead.set(entry, inflating);
    },
    async read(name, onChunk) {
      const entry = byName.get(name.toLowerCase());
      if (!entry || entry.fileName.endsWith('/')) throw new UnzipError('not_zip');
      if (entry.isEncrypted()) throw new UnzipError('encrypted');
      // Declared sizes are only a first, cheap refusal; the stream is counted regardless.
      if (spent + entry.uncompressedSize > limits.totalBytes) throw new UnzipError('too_large');
      if (atOnce(entry)) {
        const inflated = await (ahead.get(entry) ?? inflateAtOnce(zip, entry));
        ahead.delete(entry);
        spent += inflated.length;
        if (spent > limits.totalBytes) throw new UnzipError('too_large');
        for (let at = 0; at < inflated.length; at += PIECE) onChunk(inflated.subarray(at, at + PIECE));
        return;
      }
      let stream: NodeJS.ReadableStream;
      try {
        stream = await readStream(zip, entry, true);
      } catch {
        throw new UnzipError('not_zip');
      }
      await new Promise<void>((done, failed) => {
        const stop = (err: Error) => {
          (stream as unknown as { destroy(): void }).destroy();
          failed(err);
        };
        stream.on('data', (chunk: Buffer) => {
          spent += chunk.length;
          if (spent > limits.totalBytes) return stop(new UnzipError('too_large'));
          try {
            onChunk(chunk);
          } catch (err) {
            stop(err instanceof Error ? err : new UnzipError('not_zip'));
          }
        });
        stream.on('error', () => failed(new UnzipError('not_zip')));
        stream.on('end', () => done());
      });
    },
  };
  return { ok: true, value: archive };
}

export interface ZipScan {
  /** Names of every entry, in directory order. */
  names: string[];
  /** Entries the caller asked to keep, inflated. */
  kept: Map<string, Buffer>;
}

export interface ScanOptions {
  limits: UnzipLimits;
  /** Entries to inflate and keep. */
  keep: (name: string) => boolean;
}

/**
 * Inflates the entries asked for, in directory order, under one budget.
 * Fails with `too_large` at the first byte past the budget, `encrypted` for
 * a password-protected entry, `not_zip` for anything that is not a readable zip.
 */
export async function scanZip(
  bytes: Buffer,
  options: ScanOptions,
): Promise<{ ok: true; value: ZipScan } | { ok: false; failure: UnzipFailure }> {
  const opened = await openArchive(bytes, options.limits);
  if (!opened.ok) return opened;
  const archive = opened.value;
  const scan: ZipScan = { names: [...archive.names], kept: new Map() };
  try {
    for (const name of archive.names) {
      if (name.endsWith('/') || !options.keep(name)) continue;
      const chunks: Buffer[] = [];
      await archive.read(name, (chunk) => chunks.push(chunk));
      scan.kept.set(name, Buffer.concat(chunks));
    }
  } catch (err) {
    return { ok: false, failure: err instanceof UnzipError ? err.failure : 'not_zip' };
  } finally {
    archive.close();
  }
  return { ok: true, value: scan };
}
