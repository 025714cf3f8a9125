// Office archives read under real limits: the workbook and Word readers
// unzip only through here.
export {
  openArchive,
  scanZip,
  UnzipError,
  type Archive,
  type ScanOptions,
  type UnzipFailure,
  type UnzipLimits,
  type ZipScan,
} from './unzip';
export { oleKind, type OleKind } from './container';
export { attributeOf, isXmlTrue, MalformedXml, parsePart, type Attributes, type XmlHandler } from './xml';
