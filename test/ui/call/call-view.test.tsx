// @vitest-environment jsdom
// CallView on a real embedded server: nothing while this device has no call;
// a call that cannot open its media (jsdom has no microphone) shows the
// problem in words, in the user's language, and Close (by keyboard) forgets it. Real calls: test/browser/calls.test.ts.
import '@testing-library/jest-dom/vitest';
import { cleanup, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { ChatClient } from '../../../src/client/chat-client-types';
import { useCall } from '../../../src/react';
import { CallView } from '../../../src/ui/call';
import { LocaleProvider } from '../../../src/ui/i18n';
import { createUiHarness, type UiHarness } from '../chat/ui-harness';

let h: UiHarness;
let alice: ChatClient;

beforeEach(async () => {
  h = createUiHarness();
  alice = await h.client('alice');
});

afterEach(() => {
  cleanup();
  h.close();
});

function Page() {
  const { start } = useCall();
  return (
    <>
      <button type="button" onClick={() => void start('single:bob', 'video').catch(() => undefined)}>
        call bob
      </button>
      <CallView noticeMs={0} />
    </>
  );
}

describe('CallView', () => {
  test('shows nothing without a call; a device problem in words, closed with the keyboard', async () => {
    const { container } = h.renderAs(alice, <Page />);
    await waitFor(() => expect(alice.state).toBe('open'));
    expect(container.querySelector('.natter-call-view')).toBeNull();
    expect(screen.queryByRole('alert')).toBeNull();

    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'call bob' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Your microphone or camera could not be started.');

    const close = screen.getByRole('button', { name: 'Close' });
    close.focus();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
  });

  test('in a language loaded on demand (German)', async () => {
    h.renderAs(alice, <Page />, { locale: 'de' });
    await waitFor(() => expect(alice.state).toBe('open'));
    await userEvent.setup().click(screen.getByRole('button', { name: 'call bob' }));
    // The German strings arrive in their own chunk: until then the notice is in English.
    await waitFor(() =>
      expect(screen.getByRole('alert')).toHaveTextContent('Mikrofon oder Kamera konnten nicht gestartet werden.'),
    );
    expect(screen.getByRole('button', { name: 'Schließen' })).toBeInTheDocument();
  });

  test('in a built-in language (Simplified Chinese), an app override of one string winning', async () => {
    h.renderAs(
      alice,
      <LocaleProvider locale="zh-CN" strings={{ inCall: { close: '知道了' } }}>
        <Page />
      </LocaleProvider>,
    );
    await waitFor(() => expect(alice.state).toBe('open'));
    await userEvent.setup().click(screen.getByRole('button', { name: 'call bob' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('无法启动麦克风或摄像头。');
    expect(screen.getByRole('button', { name: '知道了' })).toBeInTheDocument();
  });
});
