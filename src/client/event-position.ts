// Owns resume and dedupe: the last per-user event position this client has
// applied. Replays after a reconnect may overlap what was already seen; any
// event at or below the position is dropped, so nothing is applied twice.

export class EventPosition {
  #last: number | null = null;

  /** The position to send as `hello.resume`, or undefined before the first welcome. */
  get resumeFrom(): number | undefined {
    return this.#last ?? undefined;
  }

  get current(): number | null {
    return this.#last;
  }

  /**
   * Record the welcome. When the server replays (`resumed`), keep our position: the missed
   * events follow. Otherwise (first connect or reset) start from the server's newest position.
   */
  welcome(pos: number, resumed: boolean): void {
    if (resumed && this.#last !== null) return;
    this.#last = pos;
  }

  /** Start from a position saved with cached state (before the first welcome only). */
  restore(pos: number): void {
    if (this.#last === null) this.#last = pos;
  }

  /** True when the event should be applied (and records it); false for a duplicate. Ephemeral events (no pos) always apply. */
  accept(pos: number | undefined): boolean {
    if (pos === undefined) return true;
    if (this.#last !== null && pos <= this.#last) return false;
    this.#last = pos;
    return true;
  }
}
