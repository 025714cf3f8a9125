// Office archives read under real limits: the xlsx guard and the docx reader
// unzip only through here.
export { scanZip, type ScanOptions, type UnzipFailure, type UnzipLimits, type ZipScan } from './unzip';
export { countAcrossChunks, oleKind, type OleKind } from './container';
