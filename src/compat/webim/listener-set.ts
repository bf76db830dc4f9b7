// Owns the listeners of one WebIM connection: the `conn.listen({...})` set and
// the Easemob 4.x handlers added next to it (`addEventHandler(id, ...)`), and
// calling them all, a throwing listener stopping none of the others.
import { safeCall } from './errors';
import type { ListenerArg, ListenerName, Listeners } from './types';

export class ListenerSet {
  private listeners: Listeners = {};
  private readonly handlers = new Map<string, Listeners>();

  /** Replaces the `listen` set. */
  listen(listeners: Listeners): void {
    this.listeners = { ...listeners };
  }

  add(id: string, listeners: Listeners): void {
    this.handlers.set(id, { ...listeners });
  }

  remove(id: string): void {
    this.handlers.delete(id);
  }

  emit<K extends ListenerName>(name: K, arg: ListenerArg<K>): void {
    for (const set of [this.listeners, ...this.handlers.values()]) {
      safeCall(set[name] as ((a: ListenerArg<K>) => void) | undefined, arg);
    }
  }

  /** Someone listens for `name` (worth the requests that feed it). */
  has(name: ListenerName): boolean {
    return [this.listeners, ...this.handlers.values()].some((l) => typeof l[name] === 'function');
  }
}
