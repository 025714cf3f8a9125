// The document as it will be printed or exported, in a frame that runs no
// script and takes no keyboard stop (its tables are scroll regions, each a tab
// stop where nothing visible happens): scrolled with the mouse.
export function DocumentPreview({ html }: { html: string }) {
  return <iframe className="export-preview" title="文档预览" srcDoc={html} sandbox="" tabIndex={-1} />;
}
