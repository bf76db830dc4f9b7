// @vitest-environment jsdom
// CallInviteModal names the caller by profile, as Chat does, when the app
// passes no displayName; a displayName the app passes still wins.
import '@testing-library/jest-dom/vitest';
import { cleanup, screen } from '@testing-library/react';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { ChatClient } from '../../../src/client/chat-client-types';
import { CallInviteModal } from '../../../src/ui/call-invite-modal';
import { aliceAndNamedBob, createUiHarness, type UiHarness } from '../chat/ui-harness';

let h: UiHarness;
let alice: ChatClient;
let bob: ChatClient;

beforeEach(async () => {
  h = createUiHarness();
  ({ alice, bob } = await aliceAndNamedBob(h));
});

afterEach(() => {
  cleanup();
  h.close();
});

it('CallInviteModal names the caller by profile, and by the app when it passes displayName', async () => {
  const view = h.renderAs(alice, <CallInviteModal />);
  await bob.invite('alice', { data: '{"call_type":"audio"}', timeout: 60 });
  expect(await screen.findByRole('dialog', { name: 'Bob Builder' }, { timeout: 5000 })).toBeInTheDocument();
  view.unmount();
  h.renderAs(alice, <CallInviteModal displayName={(u) => `@${u}`} />);
  expect(await screen.findByRole('dialog', { name: '@bob' }, { timeout: 5000 })).toBeInTheDocument();
});
