// Owns ChatClient methods whose code is a chunk of its own (groups and chat
// rooms, Web Push, invitation steps, recall / delete / mute; see
// lazy-client-apis.ts): many apps never call them, so the first screen holds
// only their names, and the chunk is fetched on the first call of any of them.
// Each of these methods answers a promise already, so a call only waits for the
// chunk once; a chunk that fails to load rejects that call (as a NatterError)
// and is tried again on the next.
import { toNatterError } from '../protocol/errors';
import { loadOnce } from './load-once';

type AnyMethod = (...args: unknown[]) => Promise<unknown>;

/**
 * `names` must list every method of T: a call site checks it with `EveryMethod` (a method left
 * out would be missing on the client).
 */
export function lazyMethods<T extends object>(load: () => Promise<T>, names: readonly (keyof T & string)[]): T {
  const chunk = loadOnce(load, toNatterError);
  const api: Record<string, AnyMethod> = {};
  for (const name of names) api[name] = (...args) => chunk().then((m) => (m[name] as AnyMethod)(...args));
  return api as T;
}

/** `true` when `Names` holds every method name of T, else `never` (so the call site fails to compile). */
export type EveryMethod<T, Names extends readonly (keyof T)[]> =
  Exclude<keyof T, Names[number]> extends never ? true : never;
