// Owns loading a chunk of the client at most once at a time: the first caller
// starts it and later callers share it; a failed load is forgotten, so the next
// need tries again (offline, or a deploy replaced the chunk).

/** `load`, shared while it runs or once it has succeeded; a failure is rethrown as `fail(e)` and forgotten. */
export function loadOnce<T>(load: () => Promise<T>, fail: (e: unknown) => unknown): () => Promise<T> {
  let chunk: Promise<T> | null = null;
  return () =>
    (chunk ??= load().catch((e: unknown) => {
      chunk = null;
      throw fail(e);
    }));
}
