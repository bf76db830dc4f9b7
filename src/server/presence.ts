// Owns presence: each connected session is `online` or `away` (the client
// says which), a user is online when any device is, away when every device
// is idle, offline with a last-seen time when none is connected. The
// tracker follows the session registry as it changes, so presence and
// `onlineUserOnly` delivery agree at every instant. Changes are pushed only
// to connected users who share a conversation with the user (ContactFanout
// batches and coalesces them); a user who hides presence looks offline with
// no last-seen time to everyone else. In a cluster (a Delivery with a
// PresenceShare) a user's status is combined over every node they are
// connected to, read fresh (privacy too) whenever it may have changed, and
// the node whose change alters what contacts see tells them, then marks the
// change told. A cluster node that stops tells the contacts of its users who
// are connected nowhere else; the users of a node that died are handed to
// one survivor, which does the same and first tells the changes the dead
// node recorded but did not tell. A live node whose step failed (Redis or
// the database briefly unreachable) retries it (retry-queue.ts): a reconcile
// that recorded nothing is redone, a recorded change is told once it can be
// (unless a later change replaced it), and marking a change told is redone
// alone.
import type { UserId } from '../protocol/message';
import type { Presence, PresenceStatus } from '../protocol/people';
import { contactsOf, visibleUsers } from './contacts';
import type { CoreContext, PresenceService } from './context';
import { ensureProfile, profileRecords } from './profiles';
import { notifyChange, saveLastSeen } from './presence-notify';
import { combinePresence, type PresenceChange, type PresenceShare } from './presence-share';
import { RetryQueue } from './retry-queue';
import type { LiveSession, SessionListener } from './sessions';
import { within } from './within';

/** What one connected device says of its user. */
export type DeviceStatus = 'online' | 'away';

interface UserPresence {
  sessions: Map<LiveSession, DeviceStatus>;
  /** Null until the profile record was read (nothing is published before). */
  hidden: boolean | null;
}

export class PresenceTracker implements SessionListener, PresenceService {
  private readonly users = new Map<UserId, UserPresence>();
  /** What contacts were last told, for users not shown as offline. */
  private readonly published = new Map<UserId, PresenceStatus>();
  private stopped = false;
  /** Cluster reconciles of each user, one after another (a later change is read after an earlier one). */
  private readonly sharing = new Map<UserId, Promise<void>>();
  /** Last-seen writes not yet done (a stopping node waits for them). */
  private readonly saving = new Set<Promise<void>>();
  /** In a cluster: when each user's last device here left, until a reconcile published it. */
  private readonly leftAt = new Map<UserId, number>();
  private retryQueue: RetryQueue | undefined;

  constructor(
    private readonly ctx: () => CoreContext,
    private readonly onError: (e: unknown) => void,
  ) {}

  private get enabled(): boolean {
    return this.ctx().options.people?.presence !== false;
  }

  added(session: LiveSession): Promise<void> {
    if (this.stopped) return Promise.resolve();
    let u = this.users.get(session.user);
    if (!u) {
      u = { sessions: new Map(), hidden: null };
      this.users.set(session.user, u);
      const entry = u;
      ensureProfile(this.ctx(), session.user).then((record) => {
        entry.hidden = record.hidePresence;
        if (this.users.get(session.user) === entry) void this.reconcile(session.user);
      }, this.onError);
    }
    u.sessions.set(session, 'online');
    this.leftAt.delete(session.user);
    return this.reconcile(session.user);
  }

  removed(session: LiveSession): void {
    if (this.stopped) return;
    const u = this.users.get(session.user);
    if (!u || !u.sessions.delete(session)) return;
    if (u.sessions.size > 0) {
      void this.reconcile(session.user);
      return;
    }
    this.users.delete(session.user);
    const now = this.ctx().clock.now();
    if (this.ctx().delivery.presence) this.leftAt.set(session.user, now);
    void this.reconcile(session.user, now);
    // In a cluster the user may still be connected to another node: last seen is saved by the node whose
    // change made them offline everywhere (reconcileShared), so two nodes never write it in a race.
    if (!this.ctx().delivery.presence) this.track(saveLastSeen(this.ctx(), session.user, now));
  }

  /** The server is shutting down: sessions that end now are not published (storage may be closing). */
  stop(): void {
    this.stopped = true;
    this.retryQueue?.stop();
  }

  /** Cluster steps that failed here, retried while this node lives (created on the first failure). */
  private get retry(): RetryQueue {
    return (this.retryQueue ??= new RetryQueue(this.ctx().clock, this.onError));
  }

  /**
   * A cluster node stopping, once its sessions ended: settles when what other nodes see of its
   * users is written and contacts of those who went offline everywhere are told (queued for them).
   */
  async settle(maxMs = 5000): Promise<void> {
    // Redis or the database gone as well: the node stops anyway, and the survivors reap its users.
    const done = (async () => {
      while (this.sharing.size > 0 || this.saving.size > 0) {
        await Promise.all([...this.sharing.values(), ...this.saving]);
      }
    })();
    await within(done, maxMs, () => undefined);
  }

  /**
   * Another node went away (handed to this one alone): the changes it recorded and did not tell
   * are told, then its users who are connected nowhere else go offline, last seen now, and their
   * contacts are told. Settles when it is all done (the lease's claim is held until then); a
   * failure rejects it.
   */
  async nodeGone(users: readonly UserId[], pending: readonly PresenceChange[]): Promise<void> {
    const share = this.ctx().delivery.presence;
    if (!share || !this.enabled) return;
    await Promise.all(pending.map((change) => this.tell(share, change)));
    const now = this.ctx().clock.now();
    const work: Promise<void>[] = [];
    for (const user of users) if (!this.stopped) work.push(this.reconcileShared(share, user, now));
    await Promise.all(work);
  }

  private track(work: Promise<void>): void {
    const done = work.catch(this.onError).finally(() => this.saving.delete(done));
    this.saving.add(done);
  }

  /** The caller's device became active or idle. */
  /** Settles once other nodes can see the change (in a cluster). */
  setDevice(user: UserId, device: string, status: DeviceStatus): Promise<void> {
    const u = this.users.get(user);
    const session = this.ctx().sessions.findDevice(user, device);
    if (!u || !session || !u.sessions.has(session)) return Promise.resolve();
    u.sessions.set(session, status);
    return this.reconcile(user);
  }

  privacyChanged(user: UserId, hidden: boolean): void {
    const u = this.users.get(user);
    if (u) u.hidden = hidden;
    void this.reconcile(user);
  }

  /** The user's own status across devices (ignores privacy). */
  statusOf(user: UserId): PresenceStatus {
    const u = this.users.get(user);
    if (!u || u.sessions.size === 0) return 'offline';
    for (const s of u.sessions.values()) if (s === 'online') return 'online';
    return 'away';
  }

  /** Presence of `users` as `viewer` may see it. */
  async view(viewer: UserId, users: readonly UserId[]): Promise<Presence[]> {
    const ctx = this.ctx();
    const visible = await visibleUsers(ctx, viewer, users);
    const shown = users.filter((u) => visible.has(u));
    const records = await profileRecords(ctx, shown);
    const share = ctx.delivery.presence;
    const elsewhere =
      share && this.enabled && shown.length > 0 ? await share.elsewhere(shown) : new Map<UserId, PresenceStatus>();
    return users.map((user) => {
      const record = records.get(user);
      const hidden = user !== viewer && (record?.hidePresence ?? false);
      if (!this.enabled || !visible.has(user) || hidden) return { user, status: 'offline', lastSeen: null };
      const status = combinePresence(this.statusOf(user), elsewhere.get(user) ?? 'offline');
      return { user, status, lastSeen: status === 'offline' ? (record?.lastSeen ?? null) : null };
    });
  }

  /** Pushes the user's presence to contacts when what they see changed. */
  private reconcile(user: UserId, lastSeen: number | null = null): Promise<void> {
    if (!this.enabled) return Promise.resolve();
    const share = this.ctx().delivery.presence;
    if (share) return this.reconcileShared(share, user, lastSeen).catch(this.onError);
    const u = this.users.get(user);
    if (u && u.hidden === null) return Promise.resolve();
    const shown: PresenceStatus = u?.hidden ? 'offline' : this.statusOf(user);
    const before = this.published.get(user) ?? 'offline';
    if (shown === before) return Promise.resolve();
    if (shown === 'offline') this.published.delete(user);
    else this.published.set(user, shown);
    void this.push({ user, status: shown, lastSeen: shown === 'offline' && !u?.hidden ? lastSeen : null });
    return Promise.resolve();
  }

  /**
   * The cluster's reconcile: this node's status is shared and what contacts see recomputed from
   * every node's, at once; rejects when that or telling them failed (the failed step is retried).
   */
  private reconcileShared(share: PresenceShare, user: UserId, lastSeen: number | null): Promise<void> {
    return this.serial(user, async () => {
      let change: PresenceChange | null;
      try {
        const record = await ensureProfile(this.ctx(), user);
        // A stopping node leaves its users to the survivor that reaps it (its entries still stand).
        if (this.stopped) return;
        // Read when it runs, not when asked: a run queued behind a slow one would otherwise publish a
        // device that left meanwhile, after another node published the user gone (a stale 'online').
        const local = this.statusOf(user);
        const left = local === 'offline' ? (lastSeen ?? this.leftAt.get(user) ?? null) : null;
        change = await share.publish(user, local, record.hidePresence, left);
        if (local === 'offline') this.leftAt.delete(user);
      } catch (e) {
        // Nothing was recorded: the reconcile is redone (it reads the state of that moment).
        this.retry.add(`reconcile ${user}`, () => this.reconcileShared(share, user, null));
        throw e;
      }
      if (change !== null) await this.tellOwn(share, change);
    });
  }

  /** Runs `job` after the cluster work of `user` asked for before (a later change is read after an earlier one). */
  private serial(user: UserId, job: () => Promise<void>): Promise<void> {
    const next = (this.sharing.get(user) ?? Promise.resolve()).then(job);
    // The chain goes on after a failure (the caller hears of it).
    const chained = next.catch(() => undefined);
    this.sharing.set(user, chained);
    void chained.then(() => {
      if (this.sharing.get(user) === chained) this.sharing.delete(user);
    });
    return next;
  }

  /**
   * Tells contacts a change this node recorded, then marks it told. A failure before anything was
   * sent is retried as long as the change is still current (asked on a retry only: the first try
   * follows the record at once); one in marking it is retried alone, so contacts are not told twice.
   */
  private async tellOwn(share: PresenceShare, change: PresenceChange, retried = false): Promise<void> {
    const key = `change ${change.user}`;
    let sent: boolean;
    try {
      sent = await notifyChange(this.ctx(), change, retried ? () => share.current(change) : undefined);
    } catch (e) {
      this.retry.add(key, () => this.serial(change.user, () => this.tellOwn(share, change, true)));
      throw e;
    }
    // Dropped (the node is stopping), or replaced by a later change: nothing to mark.
    if (!sent) return;
    try {
      await share.told(change);
    } catch (e) {
      this.retry.add(key, () => share.told(change));
      throw e;
    }
  }

  /**
   * Tells contacts a change recorded as pending by a node that died before it could, then marks it
   * told.
   */
  private async tell(share: PresenceShare, change: PresenceChange): Promise<void> {
    if (await notifyChange(this.ctx(), change)) await share.told(change);
  }

  private push(presence: Presence): Promise<void> {
    const ctx = this.ctx();
    return contactsOf(ctx, presence.user).then(
      (contacts) => ctx.people.fanout.presence(contacts, presence),
      this.onError,
    );
  }
}
