// Call set-up benchmark: time from the callee's accept to the first remote
// video frame decoded on the callee's screen, over N 1:1 video calls between
// two Chromium contexts (fake camera and microphone) on a natter server
// listening on 127.0.0.1. The accept is timed inside the callee's page: from
// calling `accept()` (invitation answer, media open, relay join, offer/answer,
// ICE over loopback) to the first frame reported by requestVideoFrameCallback
// on a video element playing the caller's stream. No peer is compared (no
// other kit's calls run on this machine).
// Run: node --import tsx bench/calls/call-connect.bench.ts [--calls 20]
// Prints one JSON document on stdout (progress on stderr).
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { startServer } from '../../src/node/serve';
import { tempDir } from '../../test/node/support/servers';
import { launchChromium } from '../../test/support/chromium';
import { buildFixture, openFixture } from '../../test/support/fixture-site';
import { stats } from '../list/stats';

const argOf = (name: string): string | undefined => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const CALLS = Math.max(1, Number(argOf('calls') ?? 20));
const STEP_MS = 30_000;

type W = {
  __natter: {
    clients: Record<string, { pendingInvitations(): Promise<Array<{ inviteId: string }>> }>;
    calls: Record<
      string,
      {
        start(c: string, t: string): Promise<{ callId: string }>;
        accept(id: string): Promise<void>;
        hangUp(): Promise<void>;
        dismiss(): void;
        current: { phase: string; participants: Array<{ stream: MediaStream | null }> } | null;
        subscribe(l: () => void): () => void;
      }
    >;
  };
};

/** In the callee's page: accept, then resolve with ms until the caller's first video frame is shown. */
function acceptAndTime(page: Page, callId: string): Promise<number> {
  return page.evaluate(
    ([id, timeout]) =>
      new Promise<number>((resolveTime, reject) => {
        const calls = (window as unknown as W).__natter.calls.bob!;
        const video = document.createElement('video');
        video.muted = true;
        video.playsInline = true;
        document.body.append(video);
        let watching = false;
        const timer = setTimeout(() => reject(new Error('no remote frame')), timeout);
        const t0 = performance.now();
        const watch = () => {
          const stream = calls.current?.participants[0]?.stream;
          if (watching || !stream || stream.getVideoTracks().length === 0) return;
          watching = true;
          video.srcObject = stream;
          video.requestVideoFrameCallback(() => {
            clearTimeout(timer);
            unsubscribe();
            video.remove();
            resolveTime(performance.now() - t0);
          });
          void video.play();
        };
        const unsubscribe = calls.subscribe(watch);
        calls.accept(id).then(watch, reject);
      }),
    [callId, STEP_MS] as const,
  );
}

async function waitFor(page: Page, fn: () => boolean | Promise<boolean>, what: string): Promise<void> {
  await page.waitForFunction(fn, null, { timeout: STEP_MS, polling: 10 }).catch((e: unknown) => {
    throw new Error(`${what}: ${String(e)}`);
  });
}

async function main(): Promise<void> {
  const dir = tempDir('natter-bench-calls-');
  const server = await startServer({
    port: 0,
    host: '127.0.0.1',
    db: ':memory:',
    files: resolve(dir.dir, 'files'),
    dev: true,
    logger: { log: () => undefined },
  });
  const fixture = await buildFixture(resolve(import.meta.dirname, '../../test/browser/call-page'));
  const browser = await launchChromium();
  const ms: number[] = [];
  try {
    const url = encodeURIComponent(server.url);
    const open = async (query: string) => {
      const context = await browser.newContext();
      // tsx keeps function names with a `__name` helper that evaluated code would not find.
      await context.addInitScript('globalThis.__name = (f) => f;');
      const page = await context.newPage();
      await openFixture(page, `${fixture.url}?${query}`);
      return page;
    };
    const caller = await open(`url=${url}&users=alice&open=single:bob`);
    const callee = await open(`url=${url}&users=bob&open=single:alice`);
    for (let i = 0; i < CALLS; i++) {
      await caller.evaluate(() => (window as unknown as W).__natter.calls.alice!.start('single:bob', 'video'));
      await waitFor(
        callee,
        async () => (await (window as unknown as W).__natter.clients.bob!.pendingInvitations()).length > 0,
        'invitation',
      );
      const [inv] = await callee.evaluate(() => (window as unknown as W).__natter.clients.bob!.pendingInvitations());
      const t = await acceptAndTime(callee, inv!.inviteId);
      ms.push(t);
      process.stderr.write(`call ${i + 1}/${CALLS}: ${t.toFixed(1)} ms\n`);
      await caller.evaluate(() => (window as unknown as W).__natter.calls.alice!.hangUp());
      await waitFor(
        callee,
        () => (window as unknown as W).__natter.calls.bob!.current?.phase === 'ended',
        'callee sees the end',
      );
      for (const [page, user] of [
        [caller, 'alice'],
        [callee, 'bob'],
      ] as const)
        await page.evaluate((u) => (window as unknown as W).__natter.calls[u]!.dismiss(), user);
    }
  } finally {
    await browser.close();
    await fixture.close();
    await server.close();
    dir.remove();
  }
  const sorted = [...ms].sort((a, b) => a - b);
  const pct = (p: number) =>
    Math.round(sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]! * 10) / 10;
  process.stdout.write(
    `${JSON.stringify({ calls: CALLS, transport: 'natter serve on 127.0.0.1, two Chromium contexts', ms: ms.map((x) => Math.round(x * 10) / 10), p50: pct(50), p99: pct(99), stats: stats(ms) })}\n`,
  );
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
