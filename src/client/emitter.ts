// Owns typed event subscription for the client: a tiny map of handler sets.
// A throwing handler must not break delivery to the others nor the client's
// own frame processing, so errors are reported through `onHandlerError`.

export type Handler<T> = (e: T) => void;

export class Emitter<Events extends object> {
  readonly #handlers = new Map<keyof Events, Set<Handler<never>>>();

  readonly #onHandlerError: (err: unknown) => void;

  constructor(onHandlerError: (err: unknown) => void) {
    this.#onHandlerError = onHandlerError;
  }

  on<K extends keyof Events>(event: K, handler: Handler<Events[K]>): () => void {
    let set = this.#handlers.get(event);
    if (!set) {
      set = new Set();
      this.#handlers.set(event, set);
    }
    set.add(handler);
    return () => this.off(event, handler);
  }

  off<K extends keyof Events>(event: K, handler: Handler<Events[K]>): void {
    this.#handlers.get(event)?.delete(handler);
  }

  emit<K extends keyof Events>(event: K, payload: Events[K]): void {
    const set = this.#handlers.get(event);
    if (!set || set.size === 0) return;
    // Copy so handlers may unsubscribe themselves while we iterate.
    for (const h of [...set]) {
      try {
        (h as Handler<Events[K]>)(payload);
      } catch (err) {
        this.#onHandlerError(err);
      }
    }
  }
}
