// Conformance: every message type of the Easemob document, sent through
// ChatClient in single chat, group and chat room, reaches the other members
// and the sender's other devices, and is kept in history.
import { describe, expect, it } from 'vitest';
import type { ChatClient } from '../../src/client/chat-client-types';
import { signalingInfo, type ChatType, type Message, type OutgoingBody } from '../../src/protocol/message';
import { conversationId, type ConversationId } from '../../src/protocol/ids';
import type { HarnessFactory } from './harness';
import { blob, MP3, MP4, PDF, PNG } from './fixtures';
import { useSession, type Recorder, type Session } from './support';

const BODIES: OutgoingBody[] = [
  { type: 'txt', msg: 'hello 👋 there [):]' },
  {
    type: 'img',
    url: 'https://example.com/cat.png',
    name: 'cat.png',
    size: 1234,
    mime: 'image/png',
    width: 640,
    height: 480,
  },
  { type: 'cmd', action: 'typing' },
  { type: 'custom', customEvent: 'gift', customExts: { kind: 'rose', count: '3' } },
  { type: 'loc', lat: 31.23, lng: 121.47, addr: 'Shanghai', buildingName: 'Tower' },
];

interface Scene {
  alice: ChatClient;
  aliceOther: Recorder;
  bob: Recorder;
  /** The conversation as alice sees it, and as bob sees it. */
  fromAlice: ConversationId;
  atBob: ConversationId;
  to: string;
  chatType: ChatType;
}

async function scene(s: Session, chatType: ChatType): Promise<Scene> {
  const [a, b] = s.users('alice', 'bob');
  const alice = await s.client(a);
  const aliceOther = await s.client(a);
  const bob = await s.client(b);
  if (chatType === 'single') {
    return {
      alice: alice.c,
      aliceOther: aliceOther.rec,
      bob: bob.rec,
      fromAlice: conversationId('single', b),
      atBob: conversationId('single', a),
      to: b,
      chatType,
    };
  }
  if (chatType === 'group') {
    const group = await alice.c.createGroup({ name: 'crew', members: [b] });
    const id = conversationId('group', group.groupId);
    return {
      alice: alice.c,
      aliceOther: aliceOther.rec,
      bob: bob.rec,
      fromAlice: id,
      atBob: id,
      to: group.groupId,
      chatType,
    };
  }
  const room = await alice.c.createRoom({ name: 'lobby', keepHistory: true });
  await bob.c.joinRoom(room.roomId);
  await aliceOther.c.joinRoom(room.roomId);
  const id = conversationId('room', room.roomId);
  return {
    alice: alice.c,
    aliceOther: aliceOther.rec,
    bob: bob.rec,
    fromAlice: id,
    atBob: id,
    to: room.roomId,
    chatType,
  };
}

async function expectDelivered(sc: Scene, sent: Message[]): Promise<void> {
  for (const m of sent) {
    const atBob = await sc.bob.waitFor('message', (e) => e.message.serverId === m.serverId);
    expect(atBob.conversation).toBe(sc.atBob);
    expect(atBob.message).toEqual(m);
    const atOther = await sc.aliceOther.waitFor('message', (e) => e.message.serverId === m.serverId);
    expect(atOther.conversation).toBe(sc.fromAlice);
  }
  // Each message arrives once.
  for (const m of sent) expect(sc.bob.all('message', (e) => e.message.serverId === m.serverId)).toHaveLength(1);
}

export function messagingSuite(factory: HarnessFactory): void {
  describe('messages of every type', () => {
    const s = useSession(factory);

    for (const chatType of ['single', 'group', 'room'] as const) {
      it(`${chatType}: txt (with ext), url image, cmd, custom and location reach members and the sender's other device, and stay in history`, async () => {
        const sc = await scene(s, chatType);
        const sent: Message[] = [];
        for (const body of BODIES) {
          const ext = body.type === 'txt' ? { key: 'value', key2: { key3: 'value2' } } : undefined;
          const m = await sc.alice.send(sc.to, sc.chatType, body, ext ? { ext } : {});
          expect(m.body).toEqual(body);
          expect(m.chatType).toBe(chatType);
          expect(m.to).toBe(sc.to);
          expect(m.from).toBe(sc.alice.user);
          if (ext) expect(m.ext).toEqual(ext);
          sent.push(m);
        }
        const seqs = sent.map((m) => m.seq);
        expect([...seqs].sort((x, y) => x - y)).toEqual(seqs);
        expect(new Set(sent.map((m) => m.serverId)).size).toBe(sent.length);
        await expectDelivered(sc, sent);

        const page = await sc.bob.client.history(sc.atBob, { limit: 50 });
        expect(page.messages.map((m) => m.serverId)).toEqual([...sent].reverse().map((m) => m.serverId));
      });

      it(`${chatType}: uploaded image, file, audio and video carry url, size, name, type and dimensions or duration`, async () => {
        const sc = await scene(s, chatType);
        const progress: Array<[number, number]> = [];
        const img = await sc.alice.sendFile(sc.fromAlice, 'img', blob(PNG, 'image/png'), {
          name: 'dot.png',
          width: 1,
          height: 1,
          onProgress: (l, t) => progress.push([l, t]),
        });
        const file = await sc.alice.sendFile(sc.fromAlice, 'file', blob(PDF, 'application/pdf'), {
          name: 'doc.pdf',
          ext: { file_length: PDF.length },
        });
        const audio = await sc.alice.sendFile(sc.fromAlice, 'audio', blob(MP3, 'audio/mpeg'), {
          name: 'voice.mp3',
          duration: 3,
        });
        const video = await sc.alice.sendFile(sc.fromAlice, 'video', blob(MP4, 'video/mp4'), {
          name: 'clip.mp4',
          duration: 2,
          width: 320,
          height: 240,
        });

        expect(img.body).toMatchObject({
          type: 'img',
          name: 'dot.png',
          size: PNG.length,
          mime: 'image/png',
          width: 1,
          height: 1,
        });
        expect(file.body).toMatchObject({ type: 'file', name: 'doc.pdf', size: PDF.length, mime: 'application/pdf' });
        expect(file.ext).toEqual({ file_length: PDF.length });
        expect(audio.body).toMatchObject({
          type: 'audio',
          name: 'voice.mp3',
          size: MP3.length,
          mime: 'audio/mpeg',
          duration: 3,
        });
        expect(video.body).toMatchObject({
          type: 'video',
          name: 'clip.mp4',
          size: MP4.length,
          mime: 'video/mp4',
          duration: 2,
        });
        for (const m of [img, file, audio, video]) {
          const body = m.body as { url: string; fileId?: string };
          expect(body.url.length).toBeGreaterThan(0);
          expect(typeof body.fileId).toBe('string');
        }
        expect(progress.at(-1)).toEqual([PNG.length, PNG.length]);
        await expectDelivered(sc, [img, file, audio, video]);
      });
    }

    it('sendFile reports pending with progress, then sent, through outbox events', async () => {
      const [a, b] = s.users('alice', 'bob');
      const { c: alice, rec } = await s.client(a);
      await s.client(b);
      const m = await alice.sendFile(conversationId('single', b), 'img', blob(PNG, 'image/png'), { name: 'p.png' });
      const events = rec.all('outbox', (e) => e.localId === m.localId);
      expect(events[0]?.status).toBe('pending');
      expect(events.at(-1)?.status).toBe('sent');
      expect(events.at(-1)?.message?.serverId).toBe(m.serverId);
      expect(events.some((e) => e.status === 'pending' && e.progress === 1)).toBe(true);
      expect(alice.pending()).toEqual([]);
    });

    it('a request sent right behind sends on the same connection sees them all', async () => {
      const [a, b] = s.users('alice', 'bob');
      const { c: alice } = await s.client(a);
      await s.client(b);
      const to = conversationId('single', b);
      // Not awaited: the history request leaves on the connection right behind the three sends.
      const sends = [1, 2, 3].map((i) => alice.sendText(to, `piped ${i}`));
      const page = alice.history(to, { limit: 10 });
      await Promise.all(sends);
      expect((await page).messages.map((m) => (m.body.type === 'txt' ? m.body.msg : m.body.type))).toEqual([
        'piped 3',
        'piped 2',
        'piped 1',
      ]);
    });

    it('a message whose text looks like signaling is a plain custom message, not signaling', async () => {
      const [a, b] = s.users('alice', 'bob');
      const { c: alice } = await s.client(a);
      const m = await alice.send(b, 'single', {
        type: 'custom',
        customEvent: 'signal',
        customExts: { action: 'invite', inviteId: 'x' },
      });
      expect(m.body.type).toBe('custom');
      expect(signalingInfo(m)).toBeNull();
    });
  });
}
