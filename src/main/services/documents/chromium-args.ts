// How every headless Chromium of the program starts: the PDF printer, and the
// browsers the tests and the bench drive. Nothing leaves the machine — no
// QUIC, no background networking, no component or sync updates — and no GPU,
// which a print to PDF never needs.
export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
