// Owns loading parts of the UI kit that most screens never show (the call
// dialog, the image lightbox) as chunks of their own, on first need. Unlike
// React.lazy, a chunk that fails to load (offline, a deploy replaced it) does
// not throw into the tree: the part stays hidden, the error is logged, and the
// next attempt fetches it again. Once loaded, later mounts get it at once.
import { useEffect, useState } from 'react';

export interface LazyChunk<M> {
  /** The module once loaded, else null. */
  readonly current: M | null;
  /** Loads the module (once; a failure is forgotten so the next call tries again). */
  get(): Promise<M>;
}

/** `what` names the part in the error logged when it cannot be loaded. */
export function lazyChunk<M>(load: () => Promise<M>, what: string): LazyChunk<M> & { readonly what: string } {
  let pending: Promise<M> | null = null;
  const chunk = {
    what,
    current: null as M | null,
    get(): Promise<M> {
      pending ??= load().then(
        (m) => (chunk.current = m),
        (e: unknown) => {
          pending = null;
          throw e;
        },
      );
      return pending;
    },
  };
  return chunk;
}

/**
 * Starts fetching the chunk unless it is loaded; a failure is logged (the next `get` tries again).
 * Safe to call while rendering: it is idempotent and changes no state, and it starts the fetch
 * before the first paint, where an effect would start it after.
 */
export function prefetchChunk<M>(chunk: LazyChunk<M> & { readonly what: string }): void {
  if (chunk.current) return;
  chunk.get().catch((e: unknown) => console.error(`natter: the ${chunk.what} could not be loaded`, e));
}

/**
 * The chunk's module, or null while it is not loaded. It is fetched while `attempt` is defined,
 * and fetched again whenever `attempt` changes after a failure (e.g. the next call, the next image).
 */
export function useLazyChunk<M>(chunk: LazyChunk<M> & { readonly what: string }, attempt: unknown): M | null {
  const [state, setLoaded] = useState<M | null>(chunk.current);
  // Loaded since this component mounted (fetched ahead by someone else): used at once, not a render later.
  const loaded = state ?? chunk.current;
  const wanted = attempt !== undefined && loaded === null;
  useEffect(() => {
    if (!wanted) return;
    let live = true;
    chunk.get().then(
      (m) => live && setLoaded(m),
      (e: unknown) => console.error(`natter: the ${chunk.what} could not be loaded`, e),
    );
    return () => {
      live = false;
    };
  }, [chunk, wanted, attempt]);
  return loaded;
}
