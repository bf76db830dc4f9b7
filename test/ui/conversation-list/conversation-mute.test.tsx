// @vitest-environment jsdom
// Muting from the conversation list against a real embedded server: the row's
// mute button (by its accessible name) opens a menu of durations, "until I
// turn it back on" mutes the conversation on every device of the user, the row
// then shows a muted mark and a pressed "Unmute" button, the keyboard unmutes
// it again; the names and the "muted until" date follow the locale.
import '@testing-library/jest-dom/vitest';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { ChatClient } from '../../../src/client/chat-client-types';
import { ConversationList } from '../../../src/ui/conversation-list';
import { createUiHarness, type UiHarness } from '../chat/ui-harness';

let h: UiHarness;
let alice: ChatClient;
let bob: ChatClient;

beforeEach(async () => {
  h = createUiHarness();
  alice = await h.client('alice');
  bob = await h.client('bob');
});

afterEach(() => {
  cleanup();
  h.close();
});

const row = (name: string) =>
  within(screen.getByRole('navigation'))
    .getAllByRole('listitem')
    .find((r) => r.querySelector('.natter-conversation__name')?.textContent === name) as HTMLElement;

describe('mute from the conversation list', () => {
  test('the mute button mutes on every device, the row shows it, and the keyboard unmutes', async () => {
    await bob.sendText('single:alice', 'hello');
    await bob.sendText('single:alice', 'again');
    const laptop = await h.client('alice');
    h.renderAs(alice, <ConversationList />);
    const mute = await screen.findByRole('button', { name: 'Mute conversation with bob' });
    expect(mute).toHaveAttribute('aria-haspopup', 'menu');
    expect(row('bob')).not.toHaveAttribute('data-muted');

    await userEvent.click(mute);
    await userEvent.click(await screen.findByRole('menuitem', { name: 'Until I turn it back on' }));
    const unmute = await screen.findByRole('button', { name: 'Unmute conversation with bob' });
    expect(unmute).toHaveAttribute('aria-pressed', 'true');
    expect(row('bob')).toHaveAttribute('data-muted', 'true');
    expect(within(row('bob')).getByText('Muted')).toHaveClass('natter-visually-hidden');
    // Still counted: the badge stays, in the muted style.
    expect(within(row('bob')).getByText('2 unread')).toBeInTheDocument();
    expect((await laptop.conversations()).find((c) => c.id === 'single:bob')?.mute).toEqual({});

    unmute.focus();
    await userEvent.keyboard('{Enter}');
    await screen.findByRole('button', { name: 'Mute conversation with bob' });
    expect(row('bob')).not.toHaveAttribute('data-muted');
    expect(within(row('bob')).queryByText('Muted')).toBeNull();
    expect((await laptop.conversations()).find((c) => c.id === 'single:bob')?.mute).toBeUndefined();
  });

  test('its names follow the locale', async () => {
    await bob.sendText('single:alice', 'hallo');
    h.renderAs(alice, <ConversationList locale="de" />);
    await userEvent.click(await screen.findByRole('button', { name: 'Unterhaltung mit bob stummschalten' }));
    await userEvent.click(await screen.findByRole('menuitem', { name: 'Bis ich sie wieder einschalte' }));
    await screen.findByRole('button', { name: 'Stummschaltung der Unterhaltung mit bob aufheben' });
    await waitFor(() => expect(within(row('bob')).getByText('Stummgeschaltet')).toBeInTheDocument());

    await userEvent.click(screen.getByRole('button', { name: 'Stummschaltung der Unterhaltung mit bob aufheben' }));
    await userEvent.click(await screen.findByRole('button', { name: 'Unterhaltung mit bob stummschalten' }));
    await userEvent.click(await screen.findByRole('menuitem', { name: 'Für 1 Stunde' }));
    const until = await waitFor(async () => {
      const t = (await alice.conversations()).find((c) => c.id === 'single:bob')?.mute?.until;
      expect(t).toBeGreaterThan(0);
      return t!;
    });
    const when = new Intl.DateTimeFormat('de', { dateStyle: 'medium', timeStyle: 'short' }).format(until);
    await waitFor(() => expect(within(row('bob')).getByText(`Stummgeschaltet bis ${when}`)).toBeInTheDocument());
  });
});
