// Test support for the call browser tests: the fixture page in call-page/,
// built once and served on 127.0.0.1, opened in Debian's Chromium with a fake
// camera and microphone; helpers that read WebRTC statistics from a page.
import { resolve } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { launchChromium } from '../support/chromium';
import { buildFixture, openFixture, type BuiltFixture } from '../support/fixture-site';

const PAGE_DIR = resolve(import.meta.dirname, 'call-page');

export interface CallSite {
  browser: Browser;
  fixture: BuiltFixture;
  /** A new context (its own page) on the fixture with `query`. */
  open(query: string): Promise<Page>;
  close(): Promise<void>;
}

export async function startCallSite(args?: readonly string[]): Promise<CallSite> {
  const fixture = await buildFixture(PAGE_DIR);
  const browser = await launchChromium(args);
  return {
    browser,
    fixture,
    async open(query) {
      const context = await browser.newContext({ viewport: { width: 1320, height: 1160 } });
      // Three pages decoding video share two cores with the rest of the run: give actions room.
      context.setDefaultTimeout(60_000);
      const page = await context.newPage();
      await openFixture(page, `${fixture.url}?${query}`);
      return page;
    },
    async close() {
      await browser.close();
      await fixture.close();
    },
  };
}

type Field = 'framesDecoded' | 'packetsSent' | 'packetsReceived' | 'bytesSent' | 'frameWidth' | 'frameHeight';

/** Sum of `field` over `user`'s inbound or outbound RTP streams of `kind` with `peer`. */
export function rtp(
  page: Page,
  user: string,
  peer: string,
  direction: 'inbound-rtp' | 'outbound-rtp',
  kind: 'audio' | 'video',
  field: Field,
): Promise<number> {
  return page.evaluate(
    ([u, p, d, k, f]) =>
      (window as unknown as { __natter: { rtp(...a: string[]): Promise<number> } }).__natter.rtp(u, p, d, k, f),
    [user, peer, direction, kind, field] as const,
  );
}

/** The phase of `user`'s call (null when none). */
export function phase(page: Page, user: string): Promise<string | null> {
  return page.evaluate(
    (u) =>
      (window as unknown as { __natter: { calls: Record<string, { current: { phase: string } | null }> } }).__natter
        .calls[u]!.current?.phase ?? null,
    user,
  );
}

/** The fixture's pane of `user` (one Chat each). */
export const pane = (page: Page, user: string): Locator => page.getByRole('region', { name: `${user}'s screen` });

/** Accepts the call ringing in `screen`. */
export async function answer(screen: Locator): Promise<void> {
  const ringing = screen.getByRole('dialog');
  await ringing.waitFor({ timeout: 15_000 });
  await ringing.getByRole('button', { name: 'Accept' }).click();
}

/** Polls until `read` gives a larger value than the first read (the counter moves). */
export async function grows(read: () => Promise<number>, what: string): Promise<void> {
  const first = await read();
  await expect.poll(read, { timeout: 15_000, message: `${what} grows` }).toBeGreaterThan(first);
}
