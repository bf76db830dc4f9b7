// Owns the registry of this node's connected sessions: which users are
// online and on which devices, so events reach every device of a user. It is
// the core's Delivery when the core runs alone (one node).
import type { ServerFrame } from '../protocol/frames';
import type { UserId } from '../protocol/message';
import type { Delivery } from './event-publisher';

/** What the registry needs from a welcomed session. */
export interface LiveSession {
  readonly user: UserId;
  readonly device: string;
  send(frame: ServerFrame): void;
  /** Sends a frame already serialized (the same string may go to many sessions). */
  sendRaw(data: string): void;
  /** A serialized `evt` frame for this user; `pos` for durable events (kept in order, once each). */
  deliver(data: string, pos?: number): void;
  /** Reads and sends what this session may have missed (live delivery was interrupted). */
  catchUp(): void;
  /** Ends the session from the server side with a bye frame. */
  end(code: number, message: string): void;
  /** The session's token was renewed: it now expires at `expiresAt` (undefined: never). */
  renewed?(expiresAt: number | undefined): void;
}

/** Told of every session that joins or leaves (presence follows the registry through it). */
export interface SessionListener {
  /** Settles once other nodes can see the session's user online (at once on one node); never rejects. */
  added(session: LiveSession): Promise<void>;
  removed(session: LiveSession): void;
}

export class SessionRegistry implements Delivery {
  private readonly byUser = new Map<UserId, Set<LiveSession>>();
  /** Set once by the core after it is assembled. */
  listener: SessionListener | null = null;

  /** Settles when the listener has shared the change (the session's welcome waits for it). */
  add(session: LiveSession): Promise<void> {
    let set = this.byUser.get(session.user);
    if (!set) {
      set = new Set();
      this.byUser.set(session.user, set);
    }
    set.add(session);
    return this.listener?.added(session) ?? Promise.resolve();
  }

  remove(session: LiveSession): void {
    const set = this.byUser.get(session.user);
    if (!set?.delete(session)) return;
    if (set.size === 0) this.byUser.delete(session.user);
    this.listener?.removed(session);
  }

  of(user: UserId): LiveSession[] {
    return [...(this.byUser.get(user) ?? [])];
  }

  findDevice(user: UserId, device: string): LiveSession | undefined {
    return this.of(user).find((s) => s.device === device);
  }

  isOnline(user: UserId): boolean {
    return (this.byUser.get(user)?.size ?? 0) > 0;
  }

  all(): LiveSession[] {
    return [...this.byUser.values()].flatMap((s) => [...s]);
  }

  mayBeOnline(user: UserId): boolean {
    return this.isOnline(user);
  }

  /** Sends one serialized `evt` frame to every connected device of `user`. */
  deliver(user: UserId, data: string, pos?: number): void {
    const set = this.byUser.get(user);
    if (!set) return;
    for (const s of set) s.deliver(data, pos);
  }
}
