// Owns getting files out of a clipboard paste or a drop: DataTransfer.files
// where the browser fills it, else the file items (some browsers only expose a
// pasted screenshot as an item), without counting one file twice.

/** Files carried by a paste or drop, in order; empty for text-only transfers. */
export function filesFromTransfer(dt: DataTransfer | null | undefined): File[] {
  if (!dt) return [];
  const out: File[] = [];
  const files = dt.files;
  if (files && files.length > 0) {
    for (let i = 0; i < files.length; i++) {
      const f = files.item(i);
      if (f) out.push(f);
    }
    return out;
  }
  const items = dt.items;
  if (!items) return out;
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    if (item && item.kind === 'file') {
      const f = item.getAsFile();
      if (f) out.push(f);
    }
  }
  return out;
}

/** The drag carries files (checked on dragover, when the files themselves are not readable yet). */
export function transferHasFiles(dt: DataTransfer | null | undefined): boolean {
  if (!dt) return false;
  const types = dt.types;
  if (types) for (let i = 0; i < types.length; i++) if (types[i] === 'Files') return true;
  return (dt.files?.length ?? 0) > 0;
}
