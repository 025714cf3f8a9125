// The standard security handler of PDF (ISO 32000-1 §7.6, ISO 32000-2 for
// AES-256), for files that open without a password: many offices publish
// their report "protected" (no copying, no editing) with an empty user
// password, so every stream is encrypted though anyone may read it. The
// streams must be decrypted before their size and drawing operations can be
// counted. Only the empty user password is tried: a file that needs a real
// one is refused by pdfjs, whose message says so.
import { createCipheriv, createDecipheriv, createHash } from 'node:crypto';
import { isDict, nameOf, numberOf, PdfString, type PdfDict, type PdfValue } from './pdf-syntax';

/** The padding of ISO 32000-1 Algorithm 2: what an empty password becomes. */
export const PAD = Buffer.from('28bf4e5e4e758a4164004e56fffa01082e2e00b6d0683e802f0ca9fe6453697a', 'hex');

export type StreamDecrypter = (data: Uint8Array, num: number, gen: number) => Uint8Array;

/** A string's bytes as its value: a literal's escapes resolved, a hex string decoded. */
export function stringBytes(s: PdfString): Buffer {
  const raw = s.bytes;
  if (raw[0] === 0x3c)
    return Buffer.from(
      Buffer.from(raw.subarray(1, raw.length - 1))
        .toString('latin1')
        .replace(/[^0-9A-Fa-f]/g, ''),
      'hex',
    );
  const out: number[] = [];
  for (let k = 1; k < raw.length - 1; k++) {
    const c = raw[k]!;
    if (c !== 0x5c) {
      out.push(c);
      continue;
    }
    const e = raw[++k]!;
    const simple: Record<number, number> = { 0x6e: 10, 0x72: 13, 0x74: 9, 0x62: 8, 0x66: 12 };
    if (simple[e] !== undefined) out.push(simple[e]);
    else if (e >= 0x30 && e <= 0x37) {
      let v = e - 0x30;
      for (let d = 0; d < 2 && raw[k + 1]! >= 0x30 && raw[k + 1]! <= 0x37; d++) v = v * 8 + raw[++k]! - 0x30;
      out.push(v & 0xff);
    } else if (e === 0x0d) {
      if (raw[k + 1] === 0x0a) k++;
    } else if (e !== 0x0a) out.push(e);
  }
  return Buffer.from(out);
}

/** RC4, which OpenSSL 3 no longer offers (PDF's older encryption, and its own inverse). */
export function rc4(key: Uint8Array, data: Uint8Array): Uint8Array {
  const s = new Uint8Array(256);
  for (let i = 0; i < 256; i++) s[i] = i;
  for (let i = 0, j = 0; i < 256; i++) {
    j = (j + s[i]! + key[i % key.length]!) & 0xff;
    [s[i], s[j]] = [s[j]!, s[i]!];
  }
  const out = new Uint8Array(data.length);
  for (let k = 0, i = 0, j = 0; k < data.length; k++) {
    i = (i + 1) & 0xff;
    j = (j + s[i]!) & 0xff;
    [s[i], s[j]] = [s[j]!, s[i]!];
    out[k] = data[k]! ^ s[(s[i]! + s[j]!) & 0xff]!;
  }
  return out;
}

function aesCbc(bits: 128 | 256, key: Uint8Array, data: Uint8Array): Uint8Array {
  if (data.length < 32 || data.length % 16 !== 0) return new Uint8Array(0);
  try {
    const decipher = createDecipheriv(`aes-${bits}-cbc`, key, data.subarray(0, 16));
    return Buffer.concat([decipher.update(data.subarray(16)), decipher.final()]);
  } catch {
    return new Uint8Array(0);
  }
}

const md5 = (...parts: Uint8Array[]) => {
  const h = createHash('md5');
  for (const p of parts) h.update(p);
  return h.digest();
};

/** Algorithm 2.B of ISO 32000-2: the hash of a password for AES-256 (revision 6). */
function hashR6(password: Buffer, salt: Buffer, userKey: Buffer): Buffer {
  let k = createHash('sha256')
    .update(Buffer.concat([password, salt, userKey]))
    .digest();
  for (let round = 0; ; round++) {
    const k1 = Buffer.concat(Array<Buffer>(64).fill(Buffer.concat([password, k, userKey])));
    const cipher = createCipheriv('aes-128-cbc', k.subarray(0, 16), k.subarray(16, 32)).setAutoPadding(false);
    const e = Buffer.concat([cipher.update(k1), cipher.final()]);
    let sum = 0;
    for (let i = 0; i < 16; i++) sum += e[i]!;
    k = createHash(['sha256', 'sha384', 'sha512'][sum % 3]!)
      .update(e)
      .digest();
    if (round >= 63 && e[e.length - 1]! <= round - 31) return k.subarray(0, 32);
  }
}

const bytesOf = (v: PdfValue | undefined) => (v instanceof PdfString ? stringBytes(v) : Buffer.alloc(0));

/**
 * How a file's streams are decrypted with the empty user password, or
 * undefined where the file is not encrypted with the standard handler (its
 * streams then cannot be read here, and only pdfjs' own checks apply).
 */
export function standardDecrypter(encrypt: PdfDict, fileId: Uint8Array): StreamDecrypter | undefined {
  if (nameOf(encrypt.get('Filter')) !== 'Standard') return undefined;
  const v = numberOf(encrypt.get('V')) ?? 0;
  const r = numberOf(encrypt.get('R')) ?? 0;
  const o = bytesOf(encrypt.get('O'));
  const u = bytesOf(encrypt.get('U'));
  const streamFilter = nameOf(encrypt.get('StmF')) ?? 'Identity';
  const cfm = (() => {
    if (v < 4) return 'V2';
    if (streamFilter === 'Identity') return 'None';
    const filters = encrypt.get('CF');
    const cf = isDict(filters) ? filters.get(streamFilter) : undefined;
    return (isDict(cf) && nameOf(cf.get('CFM'))) || 'None';
  })();
  // Streams under the Identity filter are written in the clear.
  if (cfm === 'None') return (data) => data;
  if (v === 5 || cfm === 'AESV3') {
    const salt = u.subarray(40, 48);
    const ue = bytesOf(encrypt.get('UE'));
    const hash = r >= 6 ? hashR6(Buffer.alloc(0), salt, Buffer.alloc(0)) : createHash('sha256').update(salt).digest();
    if (ue.length < 32) return undefined;
    const fileKey = createDecipheriv('aes-256-cbc', hash, Buffer.alloc(16)).setAutoPadding(false);
    const key = Buffer.concat([fileKey.update(ue.subarray(0, 32)), fileKey.final()]);
    return (data) => aesCbc(256, key, data);
  }
  const length = v === 1 ? 5 : Math.min(16, Math.max(5, (numberOf(encrypt.get('Length')) ?? 40) / 8));
  const p = Buffer.alloc(4);
  p.writeInt32LE((numberOf(encrypt.get('P')) ?? 0) | 0);
  const noMetadata = r >= 4 && encrypt.get('EncryptMetadata') === false ? Buffer.from([0xff, 0xff, 0xff, 0xff]) : Buffer.alloc(0);
  let hash = md5(PAD, o.subarray(0, 32), p, fileId, noMetadata);
  if (r >= 3) for (let k = 0; k < 50; k++) hash = md5(hash.subarray(0, length));
  const fileKey = hash.subarray(0, length);
  const aes = cfm === 'AESV2';
  return (data, num, gen) => {
    const salt = Buffer.from([num & 0xff, (num >> 8) & 0xff, (num >> 16) & 0xff, gen & 0xff, (gen >> 8) & 0xff]);
    const key = md5(fileKey, salt, aes ? Buffer.from('sAlT', 'latin1') : Buffer.alloc(0)).subarray(0, Math.min(16, length + 5));
    return aes ? aesCbc(128, key, data) : rc4(key, data);
  };
}
