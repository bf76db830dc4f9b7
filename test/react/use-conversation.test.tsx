// @vitest-environment jsdom
import { Blob as NodeBlob } from 'node:buffer';
import { act, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { useConversation } from '../../src/react/use-conversation';
import { createReactHarness, MP3_BYTES, MP4_BYTES, PDF_BYTES, PNG_BYTES, type ReactHarness } from './react-harness';

let h: ReactHarness;
afterEach(() => h?.close());

const blob = (bytes: Uint8Array, type: string) => new NodeBlob([bytes], { type }) as unknown as Blob;

describe('useConversation', () => {
  it('shows incoming messages and own sends moving through sent, delivered and read', async () => {
    h = createReactHarness();
    const alice = await h.client('alice');
    const bob = await h.client('bob', { delivery: true, connect: true });
    const { result } = h.render(alice, () => useConversation('single:bob'));
    await waitFor(() => expect(result.current.historyLoaded).toBe(true));
    await bob.sendText('single:alice', 'hi alice');
    await waitFor(() => expect(result.current.messages.map((m) => m.body)).toEqual([{ type: 'txt', msg: 'hi alice' }]));
    expect(result.current.messages[0]).toMatchObject({ status: 'received', own: false, from: 'bob' });
    expect(result.current.unread).toBe(1);

    let sent: Awaited<ReturnType<typeof result.current.sendText>> | undefined;
    await act(async () => {
      sent = await result.current.sendText('hi bob');
    });
    expect(sent?.ok).toBe(true);
    await waitFor(() => expect(result.current.messages[1]?.status).toBe('delivered'));
    await act(async () => {
      await result.current.markRead();
    });
    expect(result.current.unread).toBe(0);
    await bob.markRead('single:alice');
    await waitFor(() => expect(result.current.messages[1]?.status).toBe('read'));
    expect(result.current.messages[1]?.readCount).toBe(1);
    expect(result.current.messages.length).toBe(2);
  });

  it('sends every message type, with upload progress for files, and keeps commands out of the list', async () => {
    h = createReactHarness();
    const alice = await h.client('alice');
    await h.client('bob', { connect: true });
    const { result } = h.render(alice, () => useConversation('single:bob'));
    await waitFor(() => expect(result.current.historyLoaded).toBe(true));
    const progress: number[] = [];
    await act(async () => {
      const results = [
        await result.current.sendText('text'),
        await result.current.sendImage(blob(PNG_BYTES, 'image/png'), {
          name: 'dot.png',
          width: 1,
          height: 1,
          onProgress: (l, t) => progress.push(l / t),
        }),
        await result.current.sendImage({ url: 'https://example.com/cat.jpg', width: 640, height: 480 }),
        await result.current.sendFile(blob(PDF_BYTES, 'application/pdf'), { name: 'doc.pdf' }),
        await result.current.sendAudio(blob(MP3_BYTES, 'audio/mpeg'), { name: 'voice.mp3', duration: 3 }),
        await result.current.sendVideo(blob(MP4_BYTES, 'video/mp4'), {
          name: 'clip.mp4',
          duration: 5,
          width: 320,
          height: 240,
        }),
        await result.current.sendLocation({ lat: 31.23, lng: 121.47, addr: 'Shanghai' }),
        await result.current.sendCustom('gift', { id: 'rose' }),
        await result.current.sendCommand('refresh'),
      ];
      expect(results.map((r) => r.ok)).toEqual(Array(9).fill(true));
    });
    expect(progress[progress.length - 1]).toBe(1);
    await waitFor(() => expect(result.current.messages.length).toBe(8));
    const m = result.current.messages;
    expect(m.map((x) => x.body.type)).toEqual(['txt', 'img', 'img', 'file', 'audio', 'video', 'loc', 'custom']);
    expect(m.every((x) => x.status === 'sent' && x.own)).toBe(true);
    expect(m[1]?.body).toMatchObject({ type: 'img', name: 'dot.png', mime: 'image/png', width: 1, height: 1 });
    expect(m[1]?.body.type === 'img' && m[1].body.url.length > 0).toBe(true);
    expect(m[2]?.body).toMatchObject({ type: 'img', url: 'https://example.com/cat.jpg', name: 'cat.jpg' });
    expect(m[4]?.body).toMatchObject({ type: 'audio', duration: 3 });
    expect(m[7]?.body).toEqual({ type: 'custom', customEvent: 'gift', customExts: { id: 'rose' } });
  });

  it('shows a send to a group one is not in as failed with code 602, and retry sends it once joined', async () => {
    h = createReactHarness();
    const owner = await h.client('owner', { connect: true });
    await owner.createGroup({ groupId: 'club', name: 'Club', members: ['member'] });
    const carol = await h.client('carol');
    const { result } = h.render(carol, () => useConversation('group:club'));
    let outcome: Awaited<ReturnType<typeof result.current.sendText>> | undefined;
    await act(async () => {
      outcome = await result.current.sendText('can I join?');
    });
    expect(outcome).toMatchObject({ ok: false, error: { code: 602 } });
    await waitFor(() => expect(result.current.messages[0]?.status).toBe('failed'));
    expect(result.current.messages[0]?.error?.code).toBe(602);

    await owner.addGroupMembers('club', ['carol']);
    await act(async () => {
      outcome = await result.current.retry(result.current.messages[0]?.localId ?? '');
    });
    expect(outcome?.ok).toBe(true);
    await waitFor(() => expect(result.current.messages.map((x) => x.status)).toEqual(['sent']));
  });

  it('shows an offline send as pending, then sent after reconnecting, never twice', async () => {
    h = createReactHarness();
    const alice = await h.client('alice', { reconnectDelayMs: 300 });
    await h.client('bob', { connect: true });
    const seen: { statuses: string[]; copies: number }[] = [];
    const { result } = h.render(alice, () => {
      const c = useConversation('single:bob');
      seen.push({
        statuses: c.messages.map((m) => m.status),
        copies: c.messages.filter((m) => m.body.type === 'txt' && m.body.msg === 'offline').length,
      });
      return c;
    });
    await waitFor(() => expect(result.current.historyLoaded).toBe(true));
    let p: ReturnType<typeof result.current.sendText> | undefined;
    let stateAtSend = '';
    act(() => {
      alice.dropConnection();
      stateAtSend = alice.state;
      p = result.current.sendText('offline');
    });
    // The reconnect comes 300 ms later; a busy machine may render 'pending' only briefly, so the
    // renders are recorded (`seen`) rather than waited for.
    expect(stateAtSend).not.toBe('open');
    const outcome = await p;
    expect(outcome?.ok).toBe(true);
    await waitFor(() => expect(result.current.messages.map((m) => m.status)).toEqual(['sent']));
    expect(seen.some((s) => s.statuses[0] === 'pending')).toBe(true);
    expect(Math.max(...seen.map((s) => s.copies))).toBe(1);
    expect((await alice.history('single:bob')).messages.length).toBe(1);
  });

  it('recalls an own message for both sides and reports recall errors', async () => {
    h = createReactHarness();
    const alice = await h.client('alice');
    const bob = await h.client('bob');
    const a = h.render(alice, () => useConversation('single:bob'));
    const b = h.render(bob, () => useConversation('single:alice'));
    let serverId = '';
    await act(async () => {
      const r = await a.result.current.sendText('typo');
      if (r.ok) serverId = r.message.serverId;
    });
    await waitFor(() => expect(b.result.current.messages.length).toBe(1));
    await expect(b.result.current.recall(serverId)).rejects.toMatchObject({ code: expect.any(Number) });
    await act(async () => {
      await a.result.current.recall(serverId);
    });
    await waitFor(() => expect(a.result.current.messages[0]?.status).toBe('recalled'));
    await waitFor(() => expect(b.result.current.messages[0]?.status).toBe('recalled'));
    expect(b.result.current.unread).toBe(0);
  });

  it('pages back through history with loadOlder until hasMore is false', async () => {
    h = createReactHarness();
    const bob = await h.client('bob', { connect: true });
    for (let i = 1; i <= 25; i++) await bob.sendText('single:alice', `m${i}`);
    const alice = await h.client('alice');
    const { result } = h.render(alice, () => useConversation('single:bob', { pageSize: 10 }));
    await waitFor(() => expect(result.current.messages.length).toBe(10));
    expect(result.current.hasMore).toBe(true);
    expect(result.current.messages[0]?.body).toEqual({ type: 'txt', msg: 'm16' });
    await act(() => result.current.loadOlder());
    await waitFor(() => expect(result.current.messages.length).toBe(20));
    await act(() => result.current.loadOlder());
    await waitFor(() => expect(result.current.messages.length).toBe(25));
    await waitFor(() => expect(result.current.hasMore).toBe(false));
    expect(result.current.messages.map((m) => m.seq)).toEqual([...Array(25).keys()].map((i) => i + 1));
  });
});
