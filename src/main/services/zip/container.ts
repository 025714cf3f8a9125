// What an Office file's first bytes say before it is unzipped: an OLE
// compound file is either a legacy binary (.xls, .doc) or a password-protected
// OOXML file, which Office keeps as an "EncryptedPackage" inside OLE.
const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const ENCRYPTED_STREAM = Buffer.from('EncryptedPackage', 'utf16le');

export type OleKind = 'encrypted' | 'legacy';

/** 'encrypted' or 'legacy' for an OLE compound file, undefined for anything else. */
export function oleKind(bytes: Buffer): OleKind | undefined {
  if (!bytes.subarray(0, 8).equals(OLE_MAGIC)) return undefined;
  return bytes.includes(ENCRYPTED_STREAM) ? 'encrypted' : 'legacy';
}
