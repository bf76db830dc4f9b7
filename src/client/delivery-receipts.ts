// Owns automatic delivery receipts (Easemob's `delivery: true`): incoming
// messages from others are acknowledged in batches, so a replay of hundreds
// of missed messages after a reconnect costs a few requests, not hundreds.
// Receipts not sent because the connection dropped are sent after it returns.
import { ErrorCode, type NatterError } from '../protocol/errors';
import { cancel, later, type TimerHandle } from './timers';

export interface DeliveryReceiptsOptions {
  send(serverIds: string[]): Promise<void>;
  isOpen(): boolean;
  /** How long to gather ids before sending a batch. */
  delayMs?: number;
  maxBatch?: number;
}

export class DeliveryReceipts {
  private queue: string[] = [];
  private readonly seen = new Set<string>();
  private timer: TimerHandle | null = null;
  private readonly delayMs: number;
  private readonly maxBatch: number;

  constructor(private readonly options: DeliveryReceiptsOptions) {
    this.delayMs = options.delayMs ?? 30;
    this.maxBatch = options.maxBatch ?? 200;
  }

  add(serverId: string): void {
    if (this.seen.has(serverId)) return;
    // Bounded memory: replays overlap only recent messages, so forgetting old ids is harmless.
    if (this.seen.size >= 10_000) this.seen.clear();
    this.seen.add(serverId);
    this.queue.push(serverId);
    if (this.queue.length >= this.maxBatch) this.flush();
    else this.schedule();
  }

  /** Send what is queued now (also called when the connection opens). */
  flush(): void {
    cancel(this.timer);
    this.timer = null;
    if (!this.options.isOpen()) return;
    while (this.queue.length > 0) {
      const batch = this.queue.splice(0, this.maxBatch);
      this.options.send(batch).catch((err: NatterError) => {
        // Lost with the connection: send again later. A refusal is final (receipts are best effort).
        if (err.code === ErrorCode.DISCONNECTED) {
          this.queue.unshift(...batch);
          this.schedule();
        }
      });
    }
  }

  dispose(): void {
    cancel(this.timer);
    this.timer = null;
  }

  private schedule(): void {
    if (this.timer) return;
    this.timer = later(this.delayMs, () => {
      this.timer = null;
      this.flush();
    });
  }
}
