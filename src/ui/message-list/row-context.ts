// Owns RowContext: what every message-list item reads from its list (strings,
// names, the clock, the actions a row offers), passed as one stable object so
// memoized items re-render only when the list's own state changes.
import type { BodyContext } from './message-body';
import type { FeatureRowContext } from './message-feature-actions';

export interface RowContext extends BodyContext, FeatureRowContext {
  /** serverIds this user deleted for themselves (drawn as a short line). */
  hidden: ReadonlySet<string>;
  /** Display name of a user id. */
  name(user: string): string;
  /** Server time now (for the recall window). */
  now(): number;
  recallWindowMs: number;
  recallEnabled: boolean;
  retry(localId: string): void;
  discard(localId: string): void;
  recall(serverId: string): Promise<unknown>;
  /** Who read a group message (cached per read count, as useReadReceipts().readers does). */
  readers(serverId: string, readCount: number): Promise<string[]>;
  /** The message row that is the list's tab stop. */
  tabStopKey: string | null;
  /** Focus moved to a message row (roving tab stop follows it). */
  onRowFocus(key: string): void;
  /** Id prefix for element ids in this list. */
  idPrefix: string;
}
