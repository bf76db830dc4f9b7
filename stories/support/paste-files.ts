// Owns pasting files into an element the way a browser does: a real `paste`
// ClipboardEvent carrying a DataTransfer with the files, dispatched on the
// element (natter's MessageInput reads it exactly as it reads a user's paste).

export function pasteFiles(target: Element, files: readonly File[]): void {
  const data = new DataTransfer();
  for (const f of files) data.items.add(f);
  target.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
}

/** Resolves with the first element matching `selector` under `root` (polls; rejects after `ms`). */
export function waitFor<T extends Element>(
  root: ParentNode,
  selector: string,
  ms = 10_000,
  ready: (el: T) => boolean = () => true,
): Promise<T> {
  const until = Date.now() + ms;
  return new Promise((resolve, reject) => {
    const look = () => {
      const el = root.querySelector<T>(selector);
      if (el && ready(el)) return resolve(el);
      if (Date.now() > until) return reject(new Error(`no ${selector} within ${ms} ms`));
      setTimeout(look, 50);
    };
    look();
  });
}
