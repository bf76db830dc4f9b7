// Owns the SDK event listeners of one chat instance (`chat.on` / `chat.off`):
// handlers with their `this` context, called with `{ name, data }`; a
// throwing handler does not stop the others (as the SDK swallows them).
import type { SDKEvent } from './types';

export type Handler = (event: SDKEvent) => void;

export class SdkEvents {
  private readonly handlers = new Map<string, Array<{ handler: Handler; context: unknown }>>();

  add(eventName: string, handler: Handler, context: unknown): void {
    const list = this.handlers.get(eventName) ?? [];
    list.push({ handler, context });
    this.handlers.set(eventName, list);
  }

  /** Removes `handler` (only the one bound to `context` when one is given). */
  remove(eventName: string, handler: Handler, context: unknown): void {
    const list = this.handlers.get(eventName) ?? [];
    this.handlers.set(
      eventName,
      list.filter((x) => !(x.handler === handler && (context === undefined || x.context === context))),
    );
  }

  emit(name: string, data?: unknown): void {
    for (const { handler, context } of [...(this.handlers.get(name) ?? [])]) {
      try {
        handler.call(context, data === undefined ? { name } : { name, data });
      } catch (err) {
        queueMicrotask(() => {
          throw err;
        });
      }
    }
  }
}
