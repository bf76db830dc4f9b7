// Calls in Debian's Chromium with a fake camera and microphone, real WebRTC:
// on the embedded server (every user in one page) and on `natter serve` over
// 127.0.0.1 (one browser context per user). Driven through the Chat UI by role
// and label; media is checked with getStats.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnServer, tempDir, type ChildServer } from '../node/support/servers';
import { CHROMIUM_ARGS } from '../support/chromium';
import { answer, grows, pane, phase, rtp, startCallSite, type CallSite } from './call-site';

let site: CallSite;

beforeAll(async () => {
  site = await startCallSite();
}, 120_000);

afterAll(async () => {
  await site?.close();
});

/** Polls until two reads a second apart are equal (the counter stopped). */
async function stops(read: () => Promise<number>, what: string): Promise<void> {
  let last = -1;
  await expect
    .poll(
      async () => {
        const now = await read();
        const same = now === last;
        last = now;
        return same;
      },
      { timeout: 15_000, interval: 1000, message: `${what} stops` },
    )
    .toBe(true);
}

async function framesFlow(pages: Record<string, Page>, pairs: Array<[string, string]>): Promise<void> {
  for (const [user, peer] of pairs) {
    const page = pages[user]!;
    await expect
      .poll(() => rtp(page, user, peer, 'inbound-rtp', 'video', 'framesDecoded'), {
        timeout: 20_000,
        message: `${user} decodes ${peer}'s video`,
      })
      .toBeGreaterThan(0);
    await grows(
      () => rtp(page, user, peer, 'inbound-rtp', 'video', 'framesDecoded'),
      `${user}'s frames decoded from ${peer}`,
    );
  }
}

const summaries = (page: Page, user: string, conversation: string): Promise<string[]> =>
  page.evaluate(
    async ([u, c]) => {
      const w = window as unknown as {
        __natter: {
          clients: Record<
            string,
            {
              history(c: string): Promise<{
                messages: Array<{ localId: string; body: { type: string; customExts?: Record<string, string> } }>;
              }>;
            }
          >;
        };
      };
      const { messages } = await w.__natter.clients[u]!.history(c);
      return messages.filter((m) => m.localId.startsWith('~call-')).map((m) => m.body.customExts?.outcome ?? '');
    },
    [user, conversation] as const,
  );

describe('calls on the embedded server', () => {
  it('a 1:1 video call connects, frames are decoded on both sides, mute stops audio, a stranger is refused, hang-up ends both with one summary', async () => {
    const page = await site.open('users=alice,bob,mallory');
    try {
      const alice = pane(page, 'alice');
      const bob = pane(page, 'bob');
      await alice.getByRole('button', { name: 'Video call' }).click();
      await answer(bob);
      const aliceCall = alice.getByRole('region', { name: 'Video call with bob' });
      const bobCall = bob.getByRole('region', { name: 'Video call with alice' });
      await aliceCall.waitFor({ timeout: 15_000 });
      await bobCall.waitFor({ timeout: 15_000 });
      const pages = { alice: page, bob: page };
      await framesFlow(pages, [
        ['alice', 'bob'],
        ['bob', 'alice'],
      ]);
      await expect.poll(() => phase(page, 'alice')).toBe('connected');

      // Mute: the microphone's packets stop going out; unmute: they flow again.
      const audioOut = () => rtp(page, 'alice', 'bob', 'outbound-rtp', 'audio', 'packetsSent');
      await grows(audioOut, 'audio packets sent');
      const mute = aliceCall.getByRole('toolbar', { name: 'Call controls' }).getByRole('button', { name: 'Mute' });
      await mute.click();
      const unmute = aliceCall.getByRole('button', { name: 'Unmute' });
      expect(await unmute.getAttribute('aria-pressed')).toBe('true');
      await stops(audioOut, 'audio packets sent while muted');
      await unmute.click();
      await grows(audioOut, 'audio packets sent after unmute');

      // Keyboard: Escape minimises to the floating view (the chat stays usable); Enter on "Back to call" returns.
      await aliceCall.press('Escape');
      const back = aliceCall.getByRole('button', { name: 'Back to call' });
      await back.waitFor({ timeout: 5000 });
      expect(await aliceCall.getByRole('toolbar').count()).toBe(0);
      await alice.getByRole('textbox', { name: 'Message' }).fill('still chatting');
      await back.press('Enter');
      await aliceCall.getByRole('toolbar', { name: 'Call controls' }).waitFor({ timeout: 5000 });
      expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Video call with bob');

      // Mallory, not in the call, forges a candidate for alice: refused with 4060.
      const code = await page.evaluate(async () => {
        const n = (
          window as unknown as {
            __natter: {
              clients: Record<string, { request(op: string, p: unknown): Promise<unknown> }>;
              calls: Record<string, { current: { callId: string } | null }>;
            };
          }
        ).__natter;
        const callId = n.calls.alice!.current!.callId;
        const candidate = {
          type: 'candidate',
          candidate: 'candidate:1 1 udp 2122260223 127.0.0.1 9 typ host',
          sdpMid: '0',
          sdpMLineIndex: 0,
        };
        return n.clients.mallory!.request('rtc.signal', { callId, to: 'alice', signal: candidate }).then(
          () => 0,
          (e: { code: number }) => e.code,
        );
      });
      expect(code).toBe(4060);

      await bobCall.getByRole('button', { name: 'Hang up' }).click();
      await expect.poll(() => phase(page, 'alice'), { timeout: 10_000 }).toBe('ended');
      expect(await phase(page, 'bob')).toBe('ended');
      await expect
        .poll(async () => (await alice.getByRole('status').allTextContents()).join(' '), { timeout: 10_000 })
        .toMatch(/Call ended · \d+:\d\d/);
      await expect.poll(() => summaries(page, 'alice', 'single:bob'), { timeout: 10_000 }).toEqual(['answered']);
      expect(await summaries(page, 'bob', 'single:alice')).toEqual(['answered']);
      // The summary shows in both message lists as one line.
      await expect
        .poll(
          () =>
            alice
              .getByRole('log')
              .getByText(/^Video call · \d+:\d\d$/)
              .count(),
          { timeout: 10_000 },
        )
        .toBe(1);
    } finally {
      await page.context().close();
    }
  }, 120_000);

  it('a 3-party group video call connects every pair of the mesh', async () => {
    const page = await site.open('users=alice,bob,carol&group=crew');
    try {
      const start = pane(page, 'alice').getByRole('button', { name: 'Video call' });
      await expect.poll(() => start.isEnabled(), { timeout: 10_000 }).toBe(true);
      await start.click();
      await answer(pane(page, 'bob'));
      await answer(pane(page, 'carol'));
      const pages = { alice: page, bob: page, carol: page };
      await framesFlow(pages, [
        ['alice', 'bob'],
        ['alice', 'carol'],
        ['bob', 'alice'],
        ['bob', 'carol'],
        ['carol', 'alice'],
        ['carol', 'bob'],
      ]);
      await pane(page, 'alice').getByRole('button', { name: 'Hang up' }).click();
      await pane(page, 'bob').getByRole('button', { name: 'Hang up' }).click();
      await expect.poll(() => phase(page, 'carol'), { timeout: 10_000 }).toBe('ended');
      await expect.poll(() => summaries(page, 'carol', 'group:crew'), { timeout: 10_000 }).toEqual(['answered']);
    } finally {
      await page.context().close();
    }
  }, 150_000);

  it('sharing the screen: the control is pressed, the peer decodes the screen (16:9) instead of the camera (4:3), and back after stopping', async () => {
    const page = await site.open('users=alice,bob');
    try {
      const alice = pane(page, 'alice');
      await alice.getByRole('button', { name: 'Video call' }).click();
      await answer(pane(page, 'bob'));
      const controls = alice
        .getByRole('region', { name: 'Video call with bob' })
        .getByRole('toolbar', { name: 'Call controls' });
      await framesFlow({ alice: page, bob: page }, [['bob', 'alice']]);
      // What bob decodes from alice: Chromium's fake camera is 4:3, its fake screen 16:9 (either may be scaled down).
      const shape = async (): Promise<string> => {
        const w = await rtp(page, 'bob', 'alice', 'inbound-rtp', 'video', 'frameWidth');
        const h = await rtp(page, 'bob', 'alice', 'inbound-rtp', 'video', 'frameHeight');
        return h === 0
          ? 'none'
          : Math.abs(w / h - 16 / 9) < 0.05
            ? '16:9'
            : Math.abs(w / h - 4 / 3) < 0.05
              ? '4:3'
              : `${w}x${h}`;
      };
      await expect.poll(shape, { timeout: 15_000, message: "bob decodes alice's camera" }).toBe('4:3');

      const share = controls.getByRole('button', { name: 'Share screen' });
      expect(await share.getAttribute('aria-pressed')).toBe('false');
      await share.click();
      const stop = controls.getByRole('button', { name: 'Stop sharing' });
      await expect.poll(() => stop.getAttribute('aria-pressed'), { timeout: 10_000 }).toBe('true');
      await expect.poll(shape, { timeout: 20_000, message: "bob decodes alice's screen" }).toBe('16:9');
      await grows(
        () => rtp(page, 'bob', 'alice', 'inbound-rtp', 'video', 'framesDecoded'),
        'frames of the shared screen decoded',
      );

      await stop.press('Enter');
      await expect
        .poll(() => controls.getByRole('button', { name: 'Share screen' }).getAttribute('aria-pressed'), {
          timeout: 10_000,
        })
        .toBe('false');
      await expect.poll(shape, { timeout: 20_000, message: "bob decodes alice's camera again" }).toBe('4:3');
      await controls.getByRole('button', { name: 'Hang up' }).click();
      await expect.poll(() => phase(page, 'bob'), { timeout: 10_000 }).toBe('ended');
    } finally {
      await page.context().close();
    }
  }, 150_000);
});

type CallsWindow = {
  __natter: {
    calls: Record<
      string,
      {
        start(c: string, t: string): Promise<unknown>;
        join(id: string): Promise<void>;
        current: { callId: string; phase: string; ended: { reason: string } | null } | null;
      }
    >;
  };
};

describe('glare on the embedded server', () => {
  it('both call each other at the same moment: one call results, connected both ways, with one summary', async () => {
    const page = await site.open('users=alice,bob');
    try {
      await page.evaluate(async () => {
        const { calls } = (window as unknown as CallsWindow).__natter;
        await Promise.all([calls.alice!.start('single:bob', 'video'), calls.bob!.start('single:alice', 'video')]);
      });
      await expect.poll(() => phase(page, 'alice'), { timeout: 20_000 }).toBe('connected');
      await expect.poll(() => phase(page, 'bob'), { timeout: 20_000 }).toBe('connected');
      const ids = await page.evaluate(() =>
        ['alice', 'bob'].map((u) => (window as unknown as CallsWindow).__natter.calls[u]!.current!.callId),
      );
      expect(ids[0]).toBe(ids[1]);
      await framesFlow({ alice: page, bob: page }, [
        ['alice', 'bob'],
        ['bob', 'alice'],
      ]);
      await pane(page, 'bob').getByRole('button', { name: 'Hang up' }).click();
      await expect.poll(() => phase(page, 'alice'), { timeout: 10_000 }).toBe('ended');
      await expect.poll(() => summaries(page, 'alice', 'single:bob'), { timeout: 10_000 }).toEqual(['answered']);
    } finally {
      await page.context().close();
    }
  }, 120_000);
});

describe('calls on natter serve over 127.0.0.1', () => {
  let server: ChildServer;
  const dir = tempDir('natter-calls-');

  beforeAll(async () => {
    server = await spawnServer(dir.dir, ['--dev']);
  }, 60_000);

  afterAll(async () => {
    await server?.stop();
    dir.remove();
  });

  it('two browsers: video flows both ways; dropping one socket mid-call recovers by an ICE restart', async () => {
    const url = encodeURIComponent(server.url);
    const a = await site.open(`url=${url}&users=alice&open=single:bob`);
    const b = await site.open(`url=${url}&users=bob&open=single:alice`);
    try {
      await pane(a, 'alice').getByRole('button', { name: 'Video call' }).click();
      await answer(pane(b, 'bob'));
      await framesFlow({ alice: a, bob: b }, [
        ['alice', 'bob'],
        ['bob', 'alice'],
      ]);

      await a.evaluate(() =>
        (
          window as unknown as { __natter: { clients: Record<string, { dropConnection(): void }> } }
        ).__natter.clients.alice!.dropConnection(),
      );
      const restarts = (page: Page, user: string) =>
        page.evaluate(
          (u) =>
            (
              window as unknown as {
                __natter: {
                  calls: Record<string, { current: { participants: Array<{ iceRestarts: number }> } | null }>;
                };
              }
            ).__natter.calls[u]!.current?.participants[0]?.iceRestarts ?? 0,
          user,
        );
      await expect.poll(() => restarts(a, 'alice'), { timeout: 20_000 }).toBeGreaterThan(0);
      await expect.poll(() => restarts(b, 'bob'), { timeout: 20_000 }).toBeGreaterThan(0);
      await expect.poll(() => phase(a, 'alice'), { timeout: 20_000 }).toBe('connected');
      await framesFlow({ alice: a, bob: b }, [
        ['alice', 'bob'],
        ['bob', 'alice'],
      ]);

      // Switching the microphone mid-call: the new device's track is what goes out, and audio keeps flowing.
      const switched = await a.evaluate(async () => {
        const calls = (
          window as unknown as {
            __natter: {
              calls: Record<
                string,
                {
                  switchDevice(k: string, id: string): Promise<void>;
                  current: { localStream: MediaStream; participants: Array<{ user: string }> } | null;
                  stats(u: string): Promise<RTCStatsReport | null>;
                }
              >;
            };
          }
        ).__natter.calls;
        const mic = (await navigator.mediaDevices.enumerateDevices()).find(
          (d) => d.kind === 'audioinput' && d.label === 'Fake Audio Input 2',
        )!;
        await calls.alice!.switchDevice('audio', mic.deviceId);
        const track = calls.alice!.current!.localStream.getAudioTracks()[0]!;
        const sources: string[] = [];
        (await calls.alice!.stats('bob'))!.forEach((s: { type: string; kind?: string; trackIdentifier?: string }) => {
          if (s.type === 'media-source' && s.kind === 'audio' && s.trackIdentifier) sources.push(s.trackIdentifier);
        });
        return { label: track.label, sending: sources.includes(track.id) };
      });
      expect(switched).toEqual({ label: 'Fake Audio Input 2', sending: true });
      await grows(
        () => rtp(b, 'bob', 'alice', 'inbound-rtp', 'audio', 'packetsReceived'),
        'audio from the new microphone',
      );

      await pane(a, 'alice').getByRole('button', { name: 'Hang up' }).click();
      await expect.poll(() => phase(b, 'bob'), { timeout: 10_000 }).toBe('ended');
      await expect.poll(() => summaries(b, 'bob', 'single:alice'), { timeout: 10_000 }).toEqual(['answered']);
    } finally {
      await a.context().close();
      await b.context().close();
    }
  }, 150_000);

  it('three browsers: a group video call connects every pair of the mesh', async () => {
    const url = encodeURIComponent(server.url);
    const a = await site.open(`url=${url}&users=ann&group=trio&members=ann,ben,cat`);
    const b = await site.open(`url=${url}&users=ben&group=trio`);
    const c = await site.open(`url=${url}&users=cat&group=trio`);
    try {
      const start = pane(a, 'ann').getByRole('button', { name: 'Video call' });
      await expect.poll(() => start.isEnabled(), { timeout: 10_000 }).toBe(true);
      await start.click();
      await answer(pane(b, 'ben'));
      await answer(pane(c, 'cat'));
      await framesFlow({ ann: a, ben: b, cat: c }, [
        ['ann', 'ben'],
        ['ann', 'cat'],
        ['ben', 'ann'],
        ['ben', 'cat'],
        ['cat', 'ann'],
        ['cat', 'ben'],
      ]);
      await pane(a, 'ann').getByRole('button', { name: 'Hang up' }).click();
      await pane(b, 'ben').getByRole('button', { name: 'Hang up' }).click();
      await expect.poll(() => phase(c, 'cat'), { timeout: 10_000 }).toBe('ended');
      await expect.poll(() => summaries(c, 'cat', 'group:trio'), { timeout: 10_000 }).toEqual(['answered']);
    } finally {
      for (const p of [a, b, c]) await p.context().close();
    }
  }, 150_000);

  it('bob on two devices: answering on one stops the ringing on the other; joining from the other hands the call over', async () => {
    const url = encodeURIComponent(server.url);
    const a = await site.open(`url=${url}&users=alice&open=single:carl`);
    const phone = await site.open(`url=${url}&users=carl&open=single:alice`);
    const laptop = await site.open(`url=${url}&users=carl&open=single:alice`);
    try {
      await pane(a, 'alice').getByRole('button', { name: 'Video call' }).click();
      await pane(phone, 'carl').getByRole('dialog').waitFor({ timeout: 15_000 });
      await answer(pane(laptop, 'carl'));
      // The phone stops ringing (its dialog closes) without joining.
      await pane(phone, 'carl').getByRole('dialog').waitFor({ state: 'detached', timeout: 15_000 });
      await framesFlow({ alice: a, carl: laptop }, [
        ['alice', 'carl'],
        ['carl', 'alice'],
      ]);
      expect(await phase(phone, 'carl')).toBeNull();

      // The phone takes the call over: the laptop is out, media flows with the phone.
      const callId = await a.evaluate(() => (window as unknown as CallsWindow).__natter.calls.alice!.current!.callId);
      await phone.evaluate((id) => (window as unknown as CallsWindow).__natter.calls.carl!.join(id), callId);
      await expect
        .poll(
          () => laptop.evaluate(() => (window as unknown as CallsWindow).__natter.calls.carl!.current?.ended?.reason),
          { timeout: 15_000 },
        )
        .toBe('moved');
      await framesFlow({ alice: a, carl: phone }, [
        ['alice', 'carl'],
        ['carl', 'alice'],
      ]);
      await pane(phone, 'carl').getByRole('button', { name: 'Hang up' }).click();
      await expect.poll(() => phase(a, 'alice'), { timeout: 10_000 }).toBe('ended');
    } finally {
      for (const p of [a, phone, laptop]) await p.context().close();
    }
  }, 150_000);
});

describe('device permission refused', () => {
  it('says in words that the browser was not allowed to use the microphone or camera', async () => {
    const denied = await startCallSite(CHROMIUM_ARGS.filter((arg) => arg !== '--use-fake-ui-for-media-stream'));
    try {
      const page = await denied.open('users=alice,bob');
      await pane(page, 'alice').getByRole('button', { name: 'Video call' }).click();
      const alert = pane(page, 'alice').getByRole('alert');
      await expect
        .poll(() => alert.textContent(), { timeout: 15_000 })
        .toContain('was not allowed to use your microphone or camera');
      // Nobody was rung.
      expect(await pane(page, 'bob').getByRole('dialog').count()).toBe(0);
      // In Chinese too.
      const zh = await denied.open('users=alice,bob&locale=zh-CN');
      await pane(zh, 'alice').getByRole('button', { name: '视频通话' }).click();
      await expect
        .poll(() => pane(zh, 'alice').getByRole('alert').textContent(), { timeout: 15_000 })
        .toContain('浏览器没有获得使用麦克风或摄像头的权限');
      // And in a language loaded on demand (Japanese).
      const ja = await denied.open('users=alice,bob&locale=ja');
      await pane(ja, 'alice').getByRole('button', { name: 'ビデオ通話' }).click();
      await expect
        .poll(() => pane(ja, 'alice').getByRole('alert').textContent(), { timeout: 15_000 })
        .toContain('ブラウザーにマイクまたはカメラの使用が許可されていません');
    } finally {
      await denied.close();
    }
  }, 120_000);
});
