// @vitest-environment jsdom
// MessageInput used on its own (outside Chat) names the typist by profile, as
// Chat and MessageList do, when the app passes no displayName.
import '@testing-library/jest-dom/vitest';
import { cleanup, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { ChatClient } from '../../../src/client/chat-client-types';
import { MessageInput } from '../../../src/ui/message-input';
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

it("MessageInput's typing line names the typist by profile", async () => {
  const user = userEvent.setup();
  h.renderAs(bob, <MessageInput conversationId="single:alice" />);
  const aliceView = h.renderAs(alice, <MessageInput conversationId="single:bob" />);
  await user.type(screen.getAllByRole('textbox', { name: 'Message' })[0] as HTMLElement, 'hel');
  await waitFor(
    () =>
      expect(aliceView.container.querySelector('.natter-input__typing')).toHaveTextContent('Bob Builder is typing…'),
    { timeout: 5000 },
  );
});
