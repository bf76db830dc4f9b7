// Choosing call devices in Debian's Chromium with three fake cameras, three
// fake microphones and speakers: a microphone chosen before the call is the one
// the call opens; the camera switched during the call from the in-call
// device picker (reached and worked with the keyboard) is what the peer
// decodes, on the same RTP stream (no renegotiation); the chosen speaker
// plays the peer.
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, FAKE_MEDIA_ARGS } from '../support/chromium';
import { answer, grows, pane, phase, rtp, startCallSite, type CallSite } from './call-site';

let site: CallSite;

beforeAll(async () => {
  // Chromium lists one fake camera unless asked for more; the second one (fake_device_1) gives 16-bit
  // depth frames no video encoder takes, so the call switches to the third (fake_device_2, MJPEG).
  const args = CHROMIUM_ARGS.filter((a) => !FAKE_MEDIA_ARGS.includes(a));
  site = await startCallSite([
    ...args,
    '--use-fake-device-for-media-stream=device-count=3',
    '--use-fake-ui-for-media-stream',
  ]);
}, 120_000);

afterAll(async () => {
  await site?.close();
});

type DevicesWindow = {
  __natter: {
    calls: Record<
      string,
      {
        current: { localStream: MediaStream } | null;
        stats(peer: string): Promise<RTCStatsReport | null>;
      }
    >;
  };
};

/** The label of `user`'s local track of `kind`, and whether it is the one going out to `peer`. */
function sending(page: Page, user: string, peer: string, kind: 'audio' | 'video'): Promise<string> {
  return page.evaluate(
    async ([u, p, k]) => {
      const calls = (window as unknown as DevicesWindow).__natter.calls;
      const stream = calls[u]!.current?.localStream;
      const track = k === 'audio' ? stream?.getAudioTracks()[0] : stream?.getVideoTracks()[0];
      if (!track) return 'no track';
      const sources: string[] = [];
      (await calls[u]!.stats(p))?.forEach((s: { type: string; kind?: string; trackIdentifier?: string }) => {
        if (s.type === 'media-source' && s.kind === k && s.trackIdentifier) sources.push(s.trackIdentifier);
      });
      return sources.includes(track.id) ? track.label : `${track.label} (not sent)`;
    },
    [user, peer, kind] as const,
  );
}

/** The SSRCs of `user`'s inbound video from `peer` (a renegotiated or new stream would change them). */
function inboundVideoSsrcs(page: Page, user: string, peer: string): Promise<number[]> {
  return page.evaluate(
    async ([u, p]) => {
      const ssrcs: number[] = [];
      (await (window as unknown as DevicesWindow).__natter.calls[u]!.stats(p))?.forEach(
        (s: { type: string; kind?: string; ssrc?: number }) => {
          if (s.type === 'inbound-rtp' && s.kind === 'video' && s.ssrc !== undefined) ssrcs.push(s.ssrc);
        },
      );
      return ssrcs.sort();
    },
    [user, peer] as const,
  );
}

const chosenText = (select: Locator): Promise<string> =>
  select.evaluate((el) => (el as HTMLSelectElement).selectedOptions[0]?.text ?? '');

describe('call devices on the embedded server', () => {
  it('a microphone chosen before the call is used; the camera switched mid-call reaches the peer without renegotiation; the speaker plays the peer', async () => {
    const page = await site.open('users=alice,bob&devices');
    try {
      const alice = pane(page, 'alice');
      // Before the call: the picker an app places next to the chat.
      const before = alice.getByRole('group', { name: 'Devices' });
      const mic = before.getByRole('combobox', { name: 'Microphone' });
      // Browsers list devices only once the user allowed one (the fake prompt allows at once); focus lists again.
      await page.evaluate(() =>
        navigator.mediaDevices.getUserMedia({ audio: true }).then((s) => s.getTracks().forEach((t) => t.stop())),
      );
      await mic.focus();
      await expect.poll(() => mic.locator('option').count(), { timeout: 15_000 }).toBeGreaterThan(2);
      await mic.selectOption({ label: 'Fake Audio Input 2' });
      await expect.poll(() => chosenText(mic), { timeout: 10_000 }).toBe('Fake Audio Input 2');

      await alice.getByRole('button', { name: 'Video call' }).click();
      await answer(pane(page, 'bob'));
      const call = alice.getByRole('region', { name: 'Video call with bob' });
      await expect
        .poll(() => rtp(page, 'bob', 'alice', 'inbound-rtp', 'video', 'framesDecoded'), { timeout: 20_000 })
        .toBeGreaterThan(0);
      expect(await sending(page, 'alice', 'bob', 'audio')).toBe('Fake Audio Input 2');
      await expect.poll(() => sending(page, 'alice', 'bob', 'video'), { timeout: 10_000 }).toBe('fake_device_0');
      const ssrcs = await inboundVideoSsrcs(page, 'bob', 'alice');
      expect(ssrcs).toHaveLength(1);

      // During the call: the in-call picker, opened from the control bar with the keyboard.
      const toggle = call.getByRole('toolbar', { name: 'Call controls' }).getByRole('button', { name: 'Devices' });
      expect(await toggle.getAttribute('aria-expanded')).toBe('false');
      await toggle.focus();
      await toggle.press('Enter');
      expect(await toggle.getAttribute('aria-expanded')).toBe('true');
      const during = call.getByRole('group', { name: 'Devices' });
      const camera = during.getByRole('combobox', { name: 'Camera' });
      await expect.poll(() => chosenText(camera), { timeout: 10_000 }).toBe('fake_device_0');
      expect(await chosenText(during.getByRole('combobox', { name: 'Microphone' }))).toBe('Fake Audio Input 2');
      await camera.focus();
      await camera.selectOption({ label: 'fake_device_2' });

      await expect
        .poll(() => sending(page, 'alice', 'bob', 'video'), { timeout: 15_000, message: 'the new camera goes out' })
        .toBe('fake_device_2');
      await expect.poll(() => chosenText(camera), { timeout: 10_000 }).toBe('fake_device_2');
      await grows(
        () => rtp(page, 'bob', 'alice', 'inbound-rtp', 'video', 'framesDecoded'),
        "bob's frames decoded from alice's second camera",
      );
      expect(await inboundVideoSsrcs(page, 'bob', 'alice')).toEqual(ssrcs);

      // The speaker: where alice hears bob.
      const speaker = during.getByRole('combobox', { name: 'Speaker' });
      await speaker.selectOption({ label: 'Fake Audio Output 2' });
      const output = await speaker.inputValue();
      await expect
        .poll(
          () =>
            call.evaluate((el) =>
              [...el.querySelectorAll('video')].filter((v) => !v.muted).map((v) => (v as HTMLVideoElement).sinkId),
            ),
          { timeout: 10_000 },
        )
        .toEqual([output]);

      await call.getByRole('button', { name: 'Hang up' }).click();
      await expect.poll(() => phase(page, 'bob'), { timeout: 10_000 }).toBe('ended');
    } finally {
      await page.context().close();
    }
  }, 150_000);
});
