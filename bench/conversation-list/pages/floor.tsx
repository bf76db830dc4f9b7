// Conversation list bench floor: the least a virtualized conversation list can
// do with the same rows — every conversation in React state (the same records a
// kit keeps: the conversation with its last message), @tanstack/react-virtual
// (the virtualizer natter's list uses) drawing the rows in view at a fixed
// height (no measuring), each row what natter's row shows and says: a select
// button with the avatar's initials and the presence dot, name (and presence in
// words), time, last message and unread badge; the mute and delete buttons.
// No kit, no server, no i18n.
import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef, useState, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import type { RawConversation } from './fixture';
import { installBench } from './harness';

/** What a kit keeps per conversation (natter's summary, its last message as the server sends it). */
interface Conversation {
  id: string;
  type: 'single';
  target: string;
  lastMessage: {
    serverId: string;
    localId: string;
    from: string;
    to: string;
    chatType: 'single';
    seq: number;
    ts: number;
    body: { type: 'txt'; msg: string };
  };
  unread: number;
  readSeq: number;
  lastSeq: number;
  updatedAt: number;
  presence: 'offline';
}

const ME = 'me';
const ROW_PX = 66;
const estimateSize = () => ROW_PX;
/** Built once, as natter warms its formatter at import. */
const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'short' });

let initial: Conversation[] = [];
let setList: (update: (s: Conversation[]) => Conversation[]) => void = () => undefined;

function toConversation(c: RawConversation): Conversation {
  return {
    id: `single:${c.peer}`,
    type: 'single',
    target: c.peer,
    lastMessage: {
      serverId: `s${c.i}`,
      localId: `l${c.i}`,
      from: c.peer,
      to: ME,
      chatType: 'single',
      seq: 1,
      ts: c.ts,
      body: { type: 'txt', msg: c.text },
    },
    unread: c.unread,
    readSeq: c.unread > 0 ? 0 : 1,
    lastSeq: 1,
    updatedAt: c.ts,
    presence: 'offline',
  };
}

function BellOffIcon(): ReactNode {
  return (
    <svg
      aria-hidden="true"
      viewBox="0 0 24 24"
      width="14"
      height="14"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
    >
      <path d="M18 8a6 6 0 0 0-9.3-5M6 8c0 7-3 9-3 9h14M13.7 21a2 2 0 0 1-3.4 0M3 3l18 18" />
    </svg>
  );
}

function Row({ c, index, start }: { c: Conversation; index: number; start: number }): ReactNode {
  const name = c.target;
  const ts = c.lastMessage.ts;
  return (
    <li className="row" aria-setsize={-1} aria-posinset={index + 1} style={{ transform: `translateY(${start}px)` }}>
      <button type="button" className="select" tabIndex={index === 0 ? 0 : -1}>
        <span className="avatar-wrap">
          <span className="avatar" aria-hidden="true">
            {name.slice(0, 2).toUpperCase()}
          </span>
          <span className="presence" aria-hidden="true" title="Offline" />
        </span>
        <span className="main">
          <span className="top">
            <span className="name">{name}</span>
            <span className="sr">, Offline</span>
            <time className="time" dateTime={new Date(ts).toISOString()}>
              {dateFormat.format(ts)}
            </time>
          </span>
          <span className="bottom">
            <span className="preview">
              <span>{c.lastMessage.body.msg}</span>
            </span>
            {c.unread > 0 && (
              <span className="badge">
                <span aria-hidden="true">{c.unread}</span>
                <span className="sr">{c.unread} unread</span>
              </span>
            )}
          </span>
        </span>
      </button>
      <span className="mute-wrap">
        <button
          type="button"
          className="icon"
          aria-label={`Mute conversation with ${name}`}
          aria-haspopup="menu"
          aria-expanded="false"
          tabIndex={index === 0 ? 0 : -1}
        >
          <BellOffIcon />
        </button>
      </span>
      <button
        type="button"
        className="icon"
        aria-label={`Delete conversation with ${name}`}
        tabIndex={index === 0 ? 0 : -1}
      >
        <span aria-hidden="true">×</span>
      </button>
    </li>
  );
}

function App(): ReactNode {
  const [list, set] = useState(initial);
  setList = set;
  const scroller = useRef<HTMLElement | null>(null);
  const v = useVirtualizer({
    count: list.length,
    getScrollElement: () => scroller.current,
    estimateSize,
    overscan: 4,
    getItemKey: (i) => list[i]?.id ?? i,
  });
  return (
    <nav ref={scroller} className="scroller" aria-label="Conversations">
      <ul className="rows" style={{ height: v.getTotalSize() }}>
        {v.getVirtualItems().map((item) => (
          <Row key={item.key} c={list[item.index] as Conversation} index={item.index} start={item.start} />
        ))}
      </ul>
    </nav>
  );
}

installBench({
  async prepare(conversations) {
    // Most recent first, as every contender shows them.
    initial = conversations.map(toConversation).reverse();
    await Promise.resolve();
  },
  mount(container) {
    createRoot(container).render(<App />);
  },
  update(i, ts) {
    setList((s) => {
      const k = s.findIndex((x) => x.lastMessage.serverId === `s${i}`);
      const c = s[k];
      if (!c) return s;
      const lastMessage = {
        ...c.lastMessage,
        serverId: `n${ts}`,
        seq: c.lastSeq + 1,
        ts,
        body: { type: 'txt' as const, msg: 'news' },
      };
      const moved = { ...c, lastMessage, unread: c.unread + 1, lastSeq: c.lastSeq + 1, updatedAt: ts };
      return [moved, ...s.slice(0, k), ...s.slice(k + 1)];
    });
  },
});
