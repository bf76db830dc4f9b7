// Owns choosing the one tab that leads (holds the socket) among a user's tabs.
// With Web Locks: the tab holding the lock leads until it closes or gives it
// up, and the browser hands the lock to the next tab. Without them, over the
// BroadcastChannel alone: the leader beats every second; a tab that has heard
// no beat for a while (or a resign) claims, and wins unless a tab with a
// smaller id claims in the same window or a leader beats.
import type { TabMessage } from './tab-messages';

interface LockManagerLike {
  request(name: string, callback: () => Promise<void>): Promise<unknown>;
}

export interface Election {
  /** Feed every channel message (the fallback listens to beats and claims). */
  seen(m: TabMessage): void;
  /** Stop leading or waiting to lead. */
  release(): void;
}

const BEAT_MS = 1000;
const SILENCE_MS = 2500;
const CLAIM_MS = 200;

function webLocks(): LockManagerLike | null {
  const locks = (globalThis.navigator as { locks?: LockManagerLike } | undefined)?.locks;
  return typeof locks?.request === 'function' ? locks : null;
}

export function elect(name: string, tab: string, post: (m: TabMessage) => void, lead: () => void): Election {
  const locks = webLocks();
  return locks ? lockElection(locks, name, lead) : channelElection(tab, post, lead);
}

function lockElection(locks: LockManagerLike, name: string, lead: () => void): Election {
  let release: (() => void) | null = null;
  let released = false;
  void locks.request(
    `${name}#leader`,
    () =>
      new Promise<void>((resolve) => {
        if (released) return resolve();
        release = resolve;
        lead();
      }),
  );
  return {
    seen: () => undefined,
    release() {
      released = true;
      release?.();
    },
  };
}

function channelElection(tab: string, post: (m: TabMessage) => void, lead: () => void): Election {
  let leading = false;
  let stopped = false;
  let claiming: ReturnType<typeof setTimeout> | null = null;
  let beat: ReturnType<typeof setInterval> | null = null;
  let silence: ReturnType<typeof setTimeout> | null = null;

  const claim = () => {
    if (stopped || leading || claiming) return;
    post({ k: 'claim', tab });
    claiming = setTimeout(() => {
      claiming = null;
      if (stopped) return;
      leading = true;
      if (silence) clearTimeout(silence);
      beat = setInterval(() => post({ k: 'beat', tab }), BEAT_MS);
      post({ k: 'beat', tab });
      lead();
    }, CLAIM_MS);
  };
  const heard = () => {
    if (silence) clearTimeout(silence);
    silence = setTimeout(claim, SILENCE_MS);
  };
  const resign = () => {
    if (leading) post({ k: 'resign', tab });
  };
  globalThis.addEventListener?.('pagehide', resign);
  // A leader that is there answers `who` at once; claim soon when none does.
  silence = setTimeout(claim, CLAIM_MS * 2);

  return {
    seen(m) {
      if (stopped || leading) return;
      if (m.k === 'beat' || m.k === 'leader') {
        if (claiming) clearTimeout(claiming);
        claiming = null;
        heard();
      } else if (m.k === 'claim' && claiming && m.tab < tab) {
        clearTimeout(claiming);
        claiming = null;
        heard();
      } else if (m.k === 'resign') {
        claim();
      }
    },
    release() {
      resign();
      stopped = true;
      leading = false;
      if (claiming) clearTimeout(claiming);
      if (beat) clearInterval(beat);
      if (silence) clearTimeout(silence);
      globalThis.removeEventListener?.('pagehide', resign);
    },
  };
}
