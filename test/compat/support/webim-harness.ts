// Owns the WebIM side of the compat tests: logging users in (the one thing
// the document's examples leave to the app), recording every listener call a
// connection gets, jsdom's missing pieces (object URLs, picked files) and
// files whose bytes match their type (the server sniffs uploads).
import { WebIM, type Connection, type ListenerName, type Listeners } from '../../../src/compat/webim';
import type { CompatServer } from './compat-server';

export const LISTENER_NAMES: ListenerName[] = [
  'onOpened',
  'onClosed',
  'onTextMessage',
  'onEmojiMessage',
  'onPictureMessage',
  'onCmdMessage',
  'onAudioMessage',
  'onLocationMessage',
  'onFileMessage',
  'onCustomMessage',
  'onVideoMessage',
  'onPresence',
  'onRoster',
  'onInviteMessage',
  'onOnline',
  'onOffline',
  'onError',
  'onBlacklistUpdate',
  'onRecallMessage',
  'onReceivedMessage',
  'onDeliveredMessage',
  'onReadMessage',
  'onCreateGroup',
  'onMutedMessage',
  'onChannelMessage',
  'onStatisticMessage',
];

export interface Recorded {
  name: ListenerName;
  arg: unknown;
}

export interface Recorder {
  calls: Recorded[];
  of<T = Record<string, unknown>>(name: ListenerName): T[];
}

/** Records every listener call of `conn` (through addEventHandler, so the examples' `listen` stays theirs). */
export function record(conn: Connection): Recorder {
  const calls: Recorded[] = [];
  const handlers: Listeners = {};
  for (const name of LISTENER_NAMES) {
    (handlers as Record<string, (arg: unknown) => void>)[name] = (arg: unknown) => calls.push({ name, arg });
  }
  conn.addEventHandler('natter-test-recorder', handlers);
  return { calls, of: <T>(name: ListenerName) => calls.filter((c) => c.name === name).map((c) => c.arg as T) };
}

/** Logs `user` in: the login the tests add to the document's examples. */
export async function login(
  srv: CompatServer,
  user: string,
  options: { delivery?: boolean } = {},
): Promise<{ conn: Connection; rec: Recorder }> {
  const conn = new WebIM.connection({ ...srv.facade, ...options });
  const rec = record(conn);
  await conn.open({ user, pwd: 'password', accessToken: srv.credential(user) });
  return { conn, rec };
}

export { installObjectUrls, blobAt, readBlob } from './object-urls';

const ascii = (s: string): number[] => Array.from(s, (c) => c.charCodeAt(0));

export const SAMPLE_BYTES = {
  /** A whole 3×2 PNG (its header says so: the size is read from it). */
  png: new Uint8Array([
    137, 80, 78, 71, 13, 10, 26, 10, 0, 0, 0, 13, 73, 72, 68, 82, 0, 0, 0, 3, 0, 0, 0, 2, 8, 2, 0, 0, 0, 18, 22, 241,
    77, 0, 0, 0, 11, 73, 68, 65, 84, 120, 156, 99, 96, 192, 4, 0, 0, 20, 0, 1, 125, 254, 30, 238, 0, 0, 0, 0, 73, 69,
    78, 68, 174, 66, 96, 130,
  ]),
  pdf: new Uint8Array([...ascii('%PDF-1.4\n'), 1, 2, 3]),
  mp3: new Uint8Array([...ascii('ID3'), 4, 0, 0, 0, 0, 0, 0, 9, 9]),
  mp4: new Uint8Array([0, 0, 0, 0x18, ...ascii('ftypmp42'), 0, 0, 0, 0, 7, 7]),
};

/** An `<input type=file id=...>` in the document with `file` picked, as a user would. */
export function pickFile(id: string, file: File): HTMLInputElement {
  let input = document.getElementById(id) as HTMLInputElement | null;
  if (!input) {
    input = document.createElement('input');
    input.type = 'file';
    input.id = id;
    document.body.appendChild(input);
  }
  const list = {
    0: file,
    length: 1,
    item: (i: number) => (i === 0 ? file : null),
    [Symbol.iterator]: function* () {
      yield file;
    },
  };
  Object.defineProperty(input, 'files', { configurable: true, get: () => list });
  return input;
}
