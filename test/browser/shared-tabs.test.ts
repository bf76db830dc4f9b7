// One connection for all tabs of a user, through the drop-in Chat in Debian's
// Chromium against a real natter server on 127.0.0.1: two tabs of one user
// hold one socket between them (counted on the server), both show what
// arrives, a send from the second tab is stored once and shows in the first;
// when the leader tab closes, the other takes the socket over without loss.
// Each with Web Locks, and again with them hidden (election over the channel).
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { ChatClient } from '../../src/client/chat-client-types';
import type { RunningServer } from '../../src/node/serve';
import { conversationId } from '../../src/protocol/ids';
import { openFixture } from '../support/fixture-site';
import { rows, storedWith, useOfflineSite } from './offline-site';

const { pageUrl, newContext, restartableServer, connectedClient } = useOfflineSite('natter-tabs-');

const server = async (): Promise<RunningServer> => (await restartableServer()).current();

/** Open WebSocket connections, as the server counts them. */
async function sockets(srv: RunningServer): Promise<number> {
  const r = await fetch(`${srv.httpUrl}/health`);
  return ((await r.json()) as { connections: number }).connections;
}

type Handle = { __natter: { client: ChatClient & { transport?: unknown } } };
const state = (page: Page) => page.evaluate(() => (window as unknown as Handle).__natter.client.state);

async function tabs(
  srv: RunningServer,
  user: string,
  peer: string,
  locks: boolean,
): Promise<{ context: BrowserContext; first: Page; second: Page }> {
  const context = await newContext();
  const url = pageUrl(srv.url, user, { open: conversationId('single', peer), locks: locks ? '1' : '0' });
  const first = await context.newPage();
  await openFixture(first, url);
  await expect.poll(() => state(first), { timeout: 20_000 }).toBe('open');
  const second = await context.newPage();
  await openFixture(second, url);
  await expect.poll(() => state(second), { timeout: 20_000 }).toBe('open');
  return { context, first, second };
}

async function send(page: Page, text: string): Promise<void> {
  const box = page.getByRole('textbox', { name: 'Message' });
  await box.fill(text);
  await box.press('Enter');
}

describe.each([
  ['with Web Locks', true],
  ['without Web Locks (BroadcastChannel election)', false],
])('one connection for all tabs, %s', (_mode, locks) => {
  it('two tabs of one user share one socket; both show new messages; a send from the second tab is stored once', async () => {
    const srv = await server();
    const bob = await connectedClient(srv.url, 'bob');
    await bob.sendText(conversationId('single', 'ann'), 'before the tabs');
    const { first, second } = await tabs(srv, 'ann', 'bob', locks);
    // bob's client and one socket for both of ann's tabs.
    expect(await sockets(srv)).toBe(2);

    await bob.sendText(conversationId('single', 'ann'), 'to both tabs');
    await rows(first, 'to both tabs').waitFor();
    await rows(second, 'to both tabs').waitFor();

    await send(second, 'from the second tab');
    await expect
      .poll(() => storedWith(bob, conversationId('single', 'ann'), 'from the second tab'), { timeout: 20_000 })
      .toBe(1);
    await rows(first, 'from the second tab').waitFor();
    await expect
      .poll(() => rows(second, 'from the second tab').getAttribute('data-status'), { timeout: 20_000 })
      .not.toBe('pending');
    expect(await rows(first, 'from the second tab').count()).toBe(1);
    expect(await rows(second, 'from the second tab').count()).toBe(1);
    expect(await sockets(srv)).toBe(2);
  }, 90_000);

  it('when the leader tab closes, the other tab takes the socket over and nothing is lost', async () => {
    const srv = await server();
    const bob = await connectedClient(srv.url, 'bob');
    await bob.sendText(conversationId('single', 'cy'), 'hello cy');
    const { first, second } = await tabs(srv, 'cy', 'bob', locks);
    await first.close();

    await bob.sendText(conversationId('single', 'cy'), 'after the leader left');
    await rows(second, 'after the leader left').waitFor({ timeout: 20_000 });
    await send(second, 'from the new leader');
    await expect
      .poll(() => storedWith(bob, conversationId('single', 'cy'), 'from the new leader'), { timeout: 20_000 })
      .toBe(1);
    await expect.poll(() => sockets(srv), { timeout: 20_000 }).toBe(2);
    expect(await state(second)).toBe('open');
    expect(await rows(second, 'after the leader left').count()).toBe(1);
  }, 90_000);
});
