// Web Push in Debian's Chromium, as far as a browser with no reachable push
// service allows (Chromium's own is Google's, which this machine cannot reach
// and no switch points elsewhere): the page registers natter's sample service
// worker (push-sw.js) through usePushNotifications and stores a subscription
// whose endpoint is a push service the test runs on 127.0.0.1. With the user
// offline, a real `natter serve` pushes a new message there, VAPID-signed and
// encrypted; the push service decrypts it, and the test hands that payload to
// the service worker as a push (DevTools' ServiceWorker.deliverPushMessage).
// The notification it shows is checked, then clicked: the open tab is told
// to open the conversation and shows the message.
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { createChatClient } from '../../src/client/chat-client';
import type { ChatClient } from '../../src/client/chat-client-types';
import { getPresence } from '../../src/client/people';
import { generateVapidKeys } from '../../src/node/push-sender';
import type { RunningServer } from '../../src/node/serve';
import type { WebPushSubscription } from '../../src/protocol/push';
import { startPushService, type PushService } from '../node/support/push-service';
import { startTestServer, tempDir } from '../node/support/servers';
import { launchChromium } from '../support/chromium';
import { buildFixture, openFixture } from '../support/fixture-site';

const VAPID = generateVapidKeys();
let browser: Browser;
let site: { url: string; close(): Promise<void> };
const publicDir = mkdtempSync(join(tmpdir(), 'natter-push-public-'));
const cleanups: Array<() => Promise<unknown> | void> = [];

beforeAll(async () => {
  // The sample service worker as an app serves it: a copy at the site's root.
  copyFileSync(resolve(import.meta.dirname, '../../push-sw.js'), join(publicDir, 'push-sw.js'));
  site = await buildFixture(resolve(import.meta.dirname, 'push-page'), { publicDir });
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
  rmSync(publicDir, { recursive: true, force: true });
});

afterEach(async () => {
  for (const fn of cleanups.splice(0).reverse()) await fn();
});

async function serve(): Promise<RunningServer> {
  const tmp = tempDir('natter-push-sw-');
  const server = await startTestServer(tmp.dir, {
    secret: null,
    dev: true,
    webPush: { ...VAPID, subject: 'mailto:ops@natter.test', allowLoopbackHttp: true },
  });
  cleanups.push(tmp.remove, () => server.close());
  return server;
}

async function nodeClient(url: string, user: string): Promise<ChatClient> {
  const c = createChatClient({ url, user, WebSocket, delivery: false, reconnect: false });
  cleanups.push(() => c.close());
  await c.connect();
  return c;
}

type Natter = { __natter: { client: ChatClient } };
type Shown = { title: string; body: string; tag: string; data: { conversation?: string; serverId?: string } };

const notifications = (page: Page): Promise<Shown[]> =>
  page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    return (await registration.getNotifications()).map((n) => ({
      title: n.title,
      body: n.body,
      tag: n.tag,
      data: n.data as Shown['data'],
    }));
  });

/** The service worker's registration id, as DevTools names it. */
async function registrationId(context: BrowserContext, page: Page, scope: string) {
  const cdp = await context.newCDPSession(page);
  const ids = new Map<string, string>();
  cdp.on('ServiceWorker.workerRegistrationUpdated', (e) => {
    for (const r of e.registrations) if (!r.isDeleted) ids.set(r.scopeURL, r.registrationId);
  });
  await cdp.send('ServiceWorker.enable');
  await expect.poll(() => ids.get(scope), { timeout: 20_000 }).toBeDefined();
  return { cdp, id: ids.get(scope)! };
}

describe('Web Push in Chromium', { timeout: 120_000 }, () => {
  let service: PushService;
  beforeAll(async () => {
    service = await startPushService();
  });
  afterAll(async () => {
    await service?.close();
  });

  it("the service worker shows the server's push as a notification, and its click opens the conversation", async () => {
    const server = await serve();
    const context = await browser.newContext({ viewport: { width: 900, height: 600 } });
    cleanups.push(() => context.close());
    const origin = new URL(site.url).origin;
    await context.grantPermissions(['notifications'], { origin });
    const page = await context.newPage();
    const url = (connect: boolean) =>
      `${site.url}?${new URLSearchParams({ server: server.url, user: 'bob', connect: connect ? '1' : '0' }).toString()}`;

    // Connected once: the hook registers the service worker; the page stores this device's subscription.
    await openFixture(page, url(true));
    await expect.poll(() => page.evaluate(() => (window as unknown as Natter).__natter.client.state)).toBe('open');
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    const subscription: WebPushSubscription = service.subscribe('bob-browser');
    await page.evaluate((s) => (window as unknown as Natter).__natter.client.registerPush(s), subscription);
    const { cdp, id } = await registrationId(context, page, site.url);

    // Back with no session: the server sees bob offline and pushes.
    const watcher = await nodeClient(server.url, 'watcher');
    await watcher.sendText('single:bob', 'watching');
    await openFixture(page, url(false));
    await expect
      .poll(async () => (await getPresence(watcher, ['bob']))[0]?.status, { timeout: 20_000 })
      .toBe('offline');
    const alice = await nodeClient(server.url, 'alice');
    const sent = await alice.sendText('single:bob', 'dinner at 8?');
    await expect
      .poll(() => service.received.filter((r) => r.name === 'bob-browser').length, { timeout: 20_000 })
      .toBe(1);
    expect(service.rejected).toEqual([]);
    const [push] = service.received.filter((r) => r.name === 'bob-browser');

    // DevTools does not say whether the worker got the push (a worker that is still starting on a
    // busy machine can miss it), so deliver again until a notification shows; the tag is per
    // conversation, so a second delivery replaces the first rather than adding one.
    for (let attempt = 0; attempt < 6; attempt++) {
      await cdp.send('ServiceWorker.deliverPushMessage', { origin, registrationId: id, data: push!.text });
      const shown = await expect
        .poll(async () => (await notifications(page)).length, { timeout: 5_000 })
        .toBeGreaterThan(0)
        .then(
          () => true,
          () => false,
        );
      if (shown) break;
    }
    await expect
      .poll(() => notifications(page), { timeout: 20_000 })
      .toEqual([
        {
          title: 'New message from alice',
          body: '',
          tag: 'natter-single:alice',
          data: { conversation: 'single:alice', serverId: sent.serverId },
        },
      ]);
    expect(await page.locator('[data-natter-message]', { hasText: 'dinner at 8?' }).count()).toBe(0);

    // The click, as the browser delivers it to the worker's notificationclick handler.
    const [worker] = context.serviceWorkers();
    expect(worker).toBeDefined();
    await worker!.evaluate(async () => {
      const sw = self as unknown as {
        registration: { getNotifications(): Promise<Notification[]> };
        dispatchEvent(e: Event): boolean;
      };
      const [notification] = await sw.registration.getNotifications();
      const NotificationEventCtor = (
        self as unknown as { NotificationEvent: new (type: string, init: { notification: Notification }) => Event }
      ).NotificationEvent;
      // A script-made event cannot extend its lifetime: the handler's waitUntil throws (reported, not
      // rethrown here) after the handler has closed the notification and started telling the tab.
      sw.dispatchEvent(new NotificationEventCtor('notificationclick', { notification: notification! }));
    });
    await page.locator('[data-natter-message]', { hasText: 'dinner at 8?' }).waitFor({ timeout: 20_000 });
    await expect.poll(() => notifications(page)).toEqual([]);
  });
});
