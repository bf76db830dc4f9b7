// Owns one connection for all tabs of a user: the tabs elect a leader
// (tab-election.ts: a Web Lock, or the channel alone without one); the leader's transport opens the real socket, and every other
// tab's transport is a pipe over a BroadcastChannel to the leader (LeaderHub).
// A follower's client runs unchanged over it: hello, welcome, requests, pings.
// When the leader goes, its followers' connections close, they reconnect
// through the new leader and resume; sends in flight are sent again with the
// same localId (stored once).
import type { ClientConnection, ClientConnectionHandlers, Transport } from '../../protocol/link';
import { decodeServerFrame } from '../frame-codec';
import { LeaderHub } from './leader-hub';
import { elect } from './tab-election';
import { tabMessage, type TabMessage } from './tab-messages';

export interface SharedTabTransport extends Transport {
  /** True while this tab holds the socket. */
  readonly leading: boolean;
  /** Gives up leadership and leaves the channel (the client closed). */
  dispose(): void;
}

interface Local {
  id: string;
  handlers: ClientConnectionHandlers;
  /** Connected through the leader (followers), or the leader's own socket. */
  role: 'follower' | 'leader';
  opened: boolean;
  inner?: ClientConnection;
}

/** Whether this page can share a connection between tabs. */
export function canShareTabs(): boolean {
  return typeof globalThis.BroadcastChannel === 'function';
}

export function createSharedTabTransport(inner: Transport, name: string): SharedTabTransport {
  const tab = Math.random().toString(36).slice(2, 10);
  const channel = new BroadcastChannel(`${name}#tabs`);
  let seq = 0;
  let leading = false;
  /** The tab followers send to (null until one says it leads). */
  let leader: string | null = null;
  let disposed = false;
  let local: Local | null = null;
  const post = (m: TabMessage) => {
    if (!disposed) channel.postMessage(m);
  };
  const hub = new LeaderHub(post, (data) => local?.inner?.send(data));

  const closeLocal = (reason: string) => {
    const l = local;
    if (!l) return;
    local = null;
    l.inner?.close();
    l.handlers.close({ code: 1012, reason });
  };

  const openFollower = (l: Local) => {
    if (l.opened || local !== l) return;
    l.opened = true;
    l.handlers.open();
  };

  const election = elect(name, tab, post, () => {
    if (disposed) return;
    leading = true;
    leader = tab;
    post({ k: 'leader', tab });
    // A follower connection of this tab goes: the client reconnects, now over the socket.
    if (local?.role === 'follower') closeLocal('this tab now holds the connection');
  });

  channel.onmessage = (ev: MessageEvent) => {
    const m = tabMessage(ev.data);
    if (!m) return;
    election.seen(m);
    switch (m.k) {
      case 'leader':
        if (leading) return;
        leader = m.tab;
        if (local?.role !== 'follower') return;
        if (local.opened) closeLocal('another tab now holds the connection');
        else openFollower(local);
        return;
      case 'who':
        if (leading) post({ k: 'leader', tab });
        return;
      case 'up':
        if (leading && m.to === tab) hub.fromFollower(m.conn, m.data);
        return;
      case 'bye':
        if (leading) hub.followerGone(m.conn);
        return;
      case 'down':
        if (local?.role === 'follower' && local.opened && (m.conn === null || m.conn === local.id))
          local.handlers.frame(m.data);
        return;
      case 'drop':
        if (local?.role === 'follower' && (m.conn === null || m.conn === local.id))
          closeLocal('the connection is gone');
        return;
      default:
        return;
    }
  };

  const connectLeader = (l: Local): ClientConnection => {
    l.inner = inner.connect({
      open: () => l.handlers.open(),
      frame: (data) => {
        const f = decodeServerFrame(data);
        if (!f || hub.fromServer(data, f)) l.handlers.frame(data);
      },
      close: (info) => {
        hub.serverDown();
        if (local === l) local = null;
        l.handlers.close(info);
      },
    });
    return {
      send: (data) => {
        hub.own(data);
        l.inner?.send(data);
      },
      close: () => {
        if (local === l) local = null;
        l.inner?.close();
      },
    };
  };

  const connectFollower = (l: Local): ClientConnection => {
    if (leader) queueMicrotask(() => openFollower(l));
    else post({ k: 'who' });
    return {
      send: (data) => {
        if (leader) post({ k: 'up', to: leader, conn: l.id, data });
      },
      close: () => {
        if (local === l) local = null;
        post({ k: 'bye', conn: l.id });
      },
    };
  };

  return {
    get leading() {
      return leading;
    },
    connect(handlers) {
      closeLocal('replaced');
      const l: Local = { id: `${tab}.${++seq}`, handlers, role: leading ? 'leader' : 'follower', opened: false };
      local = l;
      return l.role === 'leader' ? connectLeader(l) : connectFollower(l);
    },
    ...(inner.upload ? { upload: inner.upload.bind(inner) } : {}),
    dispose() {
      if (disposed) return;
      closeLocal('closed');
      election.release();
      disposed = true;
      channel.close();
    },
  };
}
