// Owns the estimate of the server's clock: the local clock plus the offset
// measured at welcome (half the hello→welcome round trip is assumed to be
// the server's answer delay), so UIs show times consistent with server stamps.

export class ServerClock {
  #offset = 0;

  readonly #local: { now(): number };

  constructor(local: { now(): number }) {
    this.#local = local;
  }

  /** `sentAt` is the local time the hello was sent. */
  sync(serverTime: number, sentAt: number): void {
    const receivedAt = this.#local.now();
    const midpoint = sentAt + (receivedAt - sentAt) / 2;
    this.#offset = serverTime - midpoint;
  }

  now(): number {
    return Math.round(this.#local.now() + this.#offset);
  }

  localNow(): number {
    return this.#local.now();
  }
}
