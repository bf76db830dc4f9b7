// @vitest-environment jsdom
// Profiles and presence in the drop-in Chat against a real embedded server:
// the conversation list, the header and the message list show people by their
// profile names and pictures, with a presence dot named by its status; a
// rename, a new picture and going offline show up live; an offline peer's
// header says when they were last seen (relative, localized) unless they hide
// their presence; an app's own displayName still wins; Chinese strings for the
// statuses.
import '@testing-library/jest-dom/vitest';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createManualClock } from '../../../src/server/clock';
import type { ChatClient } from '../../../src/client/chat-client-types';
import { setProfile } from '../../../src/client/people';
import { Chat } from '../../../src/ui/chat';
import { createUiHarness, type UiHarness } from './ui-harness';

let h: UiHarness;
let alice: ChatClient;
let bob: ChatClient;

beforeEach(async () => {
  h = createUiHarness();
  alice = await h.client('alice');
  bob = await h.client('bob');
  await setProfile(bob, { name: 'Bob Builder' });
});

afterEach(() => {
  cleanup();
  h.close();
});

const list = () => screen.getByRole('navigation', { name: 'Conversations' });

describe('people in Chat', () => {
  it('names the peer by profile in the list, with a presence dot that follows live', async () => {
    await bob.sendText('single:alice', 'hello alice');
    h.renderAs(alice, <Chat />);
    // The status is read after the name; the dot on the avatar shows it (with the word as tooltip).
    const row = await within(list()).findByRole('button', { name: /^Bob Builder\s*, Online/ });
    expect(row.querySelector('.natter-presence')).toHaveAttribute('title', 'Online');
    // A rename comes as a pushed profile change, going offline as a pushed presence change.
    await setProfile(bob, { name: 'Robert' });
    await within(list()).findByRole('button', { name: /^Robert\s*, Online/ });
    bob.close();
    await within(list()).findByRole('button', { name: /^Robert\s*, Offline/ });
    expect(
      within(list())
        .getByRole('button', { name: /^Robert/ })
        .querySelector('.natter-presence'),
    ).toHaveAttribute('data-status', 'offline');
  });

  it('names the peer by profile in the header, with the status in words, live', async () => {
    await bob.sendText('single:alice', 'hello alice');
    bob.close();
    h.renderAs(alice, <Chat defaultConversationId="single:bob" />);
    const header = (await screen.findByRole('heading', { name: 'Bob Builder' })).closest('header') as HTMLElement;
    await waitFor(() => expect(within(header).getByText('Last seen now')).toBeInTheDocument());
    await h.client('bob');
    await waitFor(() => expect(within(header).getByText('Online')).toBeInTheDocument());
  });

  it("an app's displayName wins over profiles; statuses are translated", async () => {
    await bob.sendText('single:alice', 'hello');
    h.renderAs(alice, <Chat displayName={(u) => `User ${u}`} locale="zh-CN" />);
    const row = await within(screen.getByRole('navigation')).findByRole('button', { name: /^User bob\s*, 在线/ });
    expect(within(row).queryByText('Bob Builder')).toBeNull();
  });
});

describe('last seen in the header', () => {
  // The server's clock is 5 minutes behind while carol is around; alice connects once it is right.
  const lastSeenFiveMinutesAgo = async (hide: boolean): Promise<{ h: UiHarness; alice: ChatClient }> => {
    const clock = createManualClock(Date.now() - 5 * 60_000);
    const h = createUiHarness({ clock });
    const carol = await h.client('carol');
    await setProfile(carol, { name: 'Carol Chen', hidePresence: hide });
    await carol.sendText('single:alice', 'see you');
    carol.close();
    // The server notes the last-seen time as it drops the session, on its own turn.
    await waitFor(async () => expect((await h.server.storage.getProfiles(['carol']))[0]?.lastSeen).toBe(clock.now()));
    clock.set(Date.now());
    return { h, alice: await h.client('alice') };
  };

  it.each([
    ['en', 'Last seen 5 minutes ago'],
    ['de', 'Zuletzt online vor 5 Minuten'],
    ['zh-CN', '最后在线：5分钟前'],
    ['ar', 'آخر ظهور قبل 5 دقائق'],
  ] as const)('says when an offline peer was last seen (%s)', async (locale, text) => {
    const { h, alice } = await lastSeenFiveMinutesAgo(false);
    try {
      h.renderAs(alice, <Chat defaultConversationId="single:carol" locale={locale} />);
      const header = (await screen.findByRole('heading', { name: 'Carol Chen' })).closest('header') as HTMLElement;
      await waitFor(() => expect(within(header).getByText(text)).toBeInTheDocument());
    } finally {
      cleanup();
      h.close();
    }
  });

  it('says only "Offline" for a peer who hides their presence', async () => {
    const { h, alice } = await lastSeenFiveMinutesAgo(true);
    try {
      h.renderAs(alice, <Chat defaultConversationId="single:carol" />);
      const header = (await screen.findByRole('heading', { name: 'Carol Chen' })).closest('header') as HTMLElement;
      await waitFor(() => expect(within(header).getByText('Offline')).toBeInTheDocument());
      expect(within(header).queryByText(/Last seen/)).toBeNull();
    } finally {
      cleanup();
      h.close();
    }
  });
});
