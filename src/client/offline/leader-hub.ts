// Owns the leader tab's side of a shared connection: it answers each
// follower's hello with a welcome made from its own (the follower's position
// is the leader's; a follower that resumes from an older position gets the
// events it missed from a ring of recent ones, or a reset when they are older
// than the ring), answers follower pings, tags follower requests so their
// answers find their way back, and hands every event to every tab.
import type { ClientFrame, EventFrame, HelloFrame, ServerFrame, WelcomeFrame } from '../../protocol/frames';
import type { TabMessage } from './tab-messages';

/** Events kept for followers that resume (a reload, a leader change). */
const RING = 2000;
const TAG = '~';

export class LeaderHub {
  private welcome: { frame: WelcomeFrame; at: number } | null = null;
  /** The leader's own last hello's resume position: where a resumed welcome's replay starts. */
  private ownResume: number | undefined;
  /** Position of the last event relayed (null before the first welcome). */
  private pos: number | null = null;
  /** `recent` holds every durable event after this position. */
  private coveredFrom: number | null = null;
  private recent: EventFrame[] = [];
  private readonly waiting = new Map<string, HelloFrame>();

  constructor(
    private readonly post: (m: TabMessage) => void,
    private readonly write: (data: string) => void,
  ) {}

  /** A frame the leader's own client sends (its hello says where its session resumes). */
  own(data: string): void {
    const f = parse<ClientFrame>(data);
    if (f?.t === 'hello') this.ownResume = f.resume;
  }

  /** A frame from the server: true when it is for the leader's own client too. */
  fromServer(data: string, frame: ServerFrame): boolean {
    switch (frame.t) {
      case 'welcome':
        this.welcomed(frame);
        return true;
      case 'evt':
        if (frame.pos !== undefined) {
          this.pos = Math.max(this.pos ?? frame.pos, frame.pos);
          this.recent.push(frame);
          if (this.recent.length > RING) this.coveredFrom = this.recent.shift()!.pos ?? this.coveredFrom;
        }
        this.post({ k: 'down', conn: null, data });
        return true;
      case 'ok':
      case 'err': {
        const tagged = frame.id !== undefined ? untag(frame.id) : null;
        if (!tagged) return true;
        this.post({ k: 'down', conn: tagged.conn, data: JSON.stringify({ ...frame, id: tagged.id }) });
        return false;
      }
      default:
        return true;
    }
  }

  /** The server connection is gone: followers connect again and wait for the next welcome. */
  serverDown(): void {
    this.welcome = null;
    this.post({ k: 'drop', conn: null });
  }

  fromFollower(conn: string, data: string): void {
    const f = parse<ClientFrame>(data);
    if (!f) return;
    if (f.t === 'hello') {
      if (this.welcome) this.greet(conn, f);
      else this.waiting.set(conn, f);
    } else if (f.t === 'ping') {
      this.post({ k: 'down', conn, data: JSON.stringify({ v: f.v, t: 'pong' }) });
    } else if (f.t === 'req' && this.welcome) {
      this.write(JSON.stringify({ ...f, id: `${TAG}${conn}${TAG}${f.id}` }));
    }
  }

  followerGone(conn: string): void {
    this.waiting.delete(conn);
  }

  private welcomed(frame: WelcomeFrame): void {
    const continuous = frame.resumed && this.coveredFrom !== null;
    if (!continuous) {
      // A fresh or reset session (or the first welcome): the ring starts where this session does.
      this.recent = [];
      this.coveredFrom = frame.resumed && this.ownResume !== undefined ? this.ownResume : frame.pos;
      this.pos = this.coveredFrom;
    }
    this.welcome = { frame, at: Date.now() };
    for (const [conn, hello] of this.waiting) this.greet(conn, hello);
    this.waiting.clear();
  }

  private greet(conn: string, hello: HelloFrame): void {
    const w = this.welcome!;
    const pos = this.pos ?? w.frame.pos;
    const from = hello.resume;
    const resumed = from !== undefined && this.coveredFrom !== null && from >= this.coveredFrom && from <= pos;
    const frame: WelcomeFrame = {
      ...w.frame,
      device: hello.device ?? w.frame.device,
      pos,
      resumed,
      reset: from !== undefined && !resumed,
      serverTime: w.frame.serverTime + (Date.now() - w.at),
    };
    this.post({ k: 'down', conn, data: JSON.stringify(frame) });
    if (!resumed) return;
    for (const e of this.recent)
      if (e.pos !== undefined && e.pos > from) this.post({ k: 'down', conn, data: JSON.stringify(e) });
  }
}

function parse<T>(data: string): T | null {
  try {
    const v: unknown = JSON.parse(data);
    return typeof v === 'object' && v !== null ? (v as T) : null;
  } catch {
    return null;
  }
}

function untag(id: string): { conn: string; id: string } | null {
  if (!id.startsWith(TAG)) return null;
  const end = id.indexOf(TAG, 1);
  return end < 0 ? null : { conn: id.slice(1, end), id: id.slice(end + 1) };
}
