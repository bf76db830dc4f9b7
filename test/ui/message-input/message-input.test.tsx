// @vitest-environment jsdom
// MessageInput against a real embedded server with two clients: Enter and
// Shift+Enter, paste/drop/file-dialog of images and files arriving at the
// other client, client-side and server-side refusals, and cancelling an upload.
import '@testing-library/jest-dom/vitest';
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { ChatClient } from '../../../src/client/chat-client-types';
import type { Message } from '../../../src/protocol/message';
import { MessageInput } from '../../../src/ui/message-input';
import { createUiHarness, pngFile, transferOf, type UiHarness } from '../chat/ui-harness';

let h: UiHarness;
let alice: ChatClient;
let bob: ChatClient;
let received: Message[];

async function start(options: Parameters<typeof createUiHarness>[0] = {}) {
  h = createUiHarness(options);
  alice = await h.client('alice');
  bob = await h.client('bob');
  received = [];
  // Typing notifications are command messages; count only what a reader sees.
  bob.on('message', (e) => {
    if (e.message.body.type !== 'cmd') received.push(e.message);
  });
}

async function arrived(count: number): Promise<Message[]> {
  await waitFor(() => expect(received.length).toBeGreaterThanOrEqual(count), { timeout: 5000 });
  return received;
}

afterEach(() => {
  cleanup();
  h.close();
});

describe('text', () => {
  beforeEach(() => start());

  test('Enter sends the text and clears the box; Shift+Enter adds a line', async () => {
    const user = userEvent.setup();
    h.renderAs(alice, <MessageInput conversationId="single:bob" />);
    const box = screen.getByRole('textbox', { name: 'Message' });
    await user.type(box, 'first line{Shift>}{Enter}{/Shift}second line');
    expect(box).toHaveValue('first line\nsecond line');
    expect(received).toHaveLength(0);
    await user.keyboard('{Enter}');
    const [m] = await arrived(1);
    expect(m?.body).toEqual({ type: 'txt', msg: 'first line\nsecond line' });
    expect(box).toHaveValue('');
  });

  test('Enter while an IME is composing does not send', async () => {
    h.renderAs(alice, <MessageInput conversationId="single:bob" />);
    const box = screen.getByRole('textbox', { name: 'Message' });
    fireEvent.change(box, { target: { value: 'ni' } });
    fireEvent.compositionStart(box);
    fireEvent.keyDown(box, { key: 'Enter', code: 'Enter', isComposing: true, keyCode: 229 });
    fireEvent.compositionEnd(box);
    expect(box).toHaveValue('ni');
    fireEvent.keyDown(box, { key: 'Enter', code: 'Enter', keyCode: 13 });
    const [m] = await arrived(1);
    expect(m?.body).toEqual({ type: 'txt', msg: 'ni' });
  });

  test('an empty or whitespace-only message is not sent', async () => {
    const user = userEvent.setup();
    h.renderAs(alice, <MessageInput conversationId="single:bob" />);
    await user.type(screen.getByRole('textbox', { name: 'Message' }), '   {Enter}');
    expect(screen.getByRole('button', { name: 'Send' })).toBeDisabled();
    await user.type(screen.getByRole('textbox', { name: 'Message' }), 'ok{Enter}');
    const [m] = await arrived(1);
    expect(m?.body).toEqual({ type: 'txt', msg: 'ok' });
    expect(received).toHaveLength(1);
  });
});

describe('paste-to-send', () => {
  beforeEach(() => start());

  test('a pasted image File shows a preview with its size, then arrives at the other client as an image message', async () => {
    const user = userEvent.setup();
    h.renderAs(alice, <MessageInput conversationId="single:bob" />);
    const box = screen.getByRole('textbox', { name: 'Message' });
    fireEvent.paste(box, { clipboardData: transferOf([pngFile('screenshot.png', 640, 480, 100)]) });

    const list = await screen.findByRole('list', { name: 'Attachments' });
    expect(within(list).getByText('screenshot.png')).toBeInTheDocument();
    // 133 bytes; the pixel size is read from the PNG header.
    expect(await within(list).findByText('133 B · 640×480')).toBeInTheDocument();
    expect(received).toHaveLength(0);

    await user.click(within(list).getByRole('button', { name: 'Send screenshot.png' }));
    const [m] = await arrived(1);
    expect(m?.body).toMatchObject({
      type: 'img',
      name: 'screenshot.png',
      size: 133,
      mime: 'image/png',
      width: 640,
      height: 480,
    });
    expect(m?.from).toBe('alice');
    await waitFor(() => expect(screen.queryByRole('list', { name: 'Attachments' })).not.toBeInTheDocument());
  });

  test('Enter sends the staged image and the typed text', async () => {
    const user = userEvent.setup();
    h.renderAs(alice, <MessageInput conversationId="single:bob" />);
    const box = screen.getByRole('textbox', { name: 'Message' });
    fireEvent.paste(box, { clipboardData: transferOf([pngFile('a.png')]) });
    await screen.findByText('a.png');
    await user.type(box, 'look{Enter}');
    const got = await arrived(2);
    expect(got.map((m) => m.body.type).sort()).toEqual(['img', 'txt']);
  });

  test('a staged image can be removed without sending', async () => {
    const user = userEvent.setup();
    h.renderAs(alice, <MessageInput conversationId="single:bob" />);
    fireEvent.paste(screen.getByRole('textbox', { name: 'Message' }), {
      clipboardData: transferOf([pngFile('oops.png')]),
    });
    await user.click(await screen.findByRole('button', { name: 'Remove oops.png' }));
    expect(screen.queryByText('oops.png')).not.toBeInTheDocument();
    await user.type(screen.getByRole('textbox', { name: 'Message' }), 'after{Enter}');
    const [m] = await arrived(1);
    expect(m?.body.type).toBe('txt');
    expect(received).toHaveLength(1);
  });

  test('pasting plain text leaves the default paste alone', () => {
    h.renderAs(alice, <MessageInput conversationId="single:bob" />);
    const box = screen.getByRole('textbox', { name: 'Message' });
    const notCancelled = fireEvent.paste(box, {
      clipboardData: { files: [], items: [], types: ['text/plain'], getData: () => 'hi' },
    });
    expect(notCancelled).toBe(true);
    expect(screen.queryByRole('list', { name: 'Attachments' })).not.toBeInTheDocument();
  });
});

describe('drop and file dialog', () => {
  beforeEach(() => start());

  test('files dropped on the input are staged and sent by type: image, audio, video, plain file', async () => {
    const user = userEvent.setup();
    const { container } = h.renderAs(alice, <MessageInput conversationId="single:bob" />);
    const zone = container.querySelector('.natter-input') as HTMLElement;
    const wav = new File(
      [
        new Uint8Array(
          [...'RIFF']
            .map((c) => c.charCodeAt(0))
            .concat(
              [0, 0, 0, 0],
              [...'WAVE'].map((c) => c.charCodeAt(0)),
            ),
        ),
      ],
      'hello.wav',
      { type: 'audio/wav' },
    );
    const txt = new File(['plain notes'], 'notes.txt', { type: 'text/plain' });
    const webm = new File([new Uint8Array([0x1a, 0x45, 0xdf, 0xa3, 0, 0, 0, 0])], 'clip.webm', { type: 'video/webm' });
    fireEvent.dragOver(zone, { dataTransfer: transferOf([pngFile('drop.png')]) });
    expect(zone).toHaveAttribute('data-dragging');
    fireEvent.drop(zone, { dataTransfer: transferOf([pngFile('drop.png'), wav, webm, txt]) });
    expect(zone).not.toHaveAttribute('data-dragging');
    await screen.findByText('drop.png');
    expect(screen.getByText('hello.wav')).toBeInTheDocument();
    expect(screen.getByText('notes.txt')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Send' }));
    const got = await arrived(4);
    expect(got.map((m) => [m.body.type, 'name' in m.body ? m.body.name : ''])).toEqual([
      ['img', 'drop.png'],
      ['audio', 'hello.wav'],
      ['video', 'clip.webm'],
      ['file', 'notes.txt'],
    ]);
  });

  test('a file picked from the file dialog is staged and sent', async () => {
    const user = userEvent.setup();
    h.renderAs(alice, <MessageInput conversationId="single:bob" />);
    await user.upload(screen.getByTestId('natter-file-input'), pngFile('picked.png'));
    await user.click(await screen.findByRole('button', { name: 'Send picked.png' }));
    const [m] = await arrived(1);
    expect(m?.body).toMatchObject({ type: 'img', name: 'picked.png' });
  });
});

describe('refusals', () => {
  test('a file larger than the server allows is refused before any upload, with a clear error', async () => {
    await start({ limits: { maxFileBytes: 100 } });
    h.renderAs(alice, <MessageInput conversationId="single:bob" />);
    fireEvent.paste(screen.getByRole('textbox', { name: 'Message' }), {
      clipboardData: transferOf([pngFile('big.png', 10, 10, 200)]),
    });
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('big.png is too large (233 B; the limit is 100 B).');
    expect(screen.queryByRole('list', { name: 'Attachments' })).not.toBeInTheDocument();
    await userEvent.setup().click(within(alert.closest('li') as HTMLElement).getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  test('a file of a type the server does not allow is refused with a clear error', async () => {
    await start();
    h.renderAs(alice, <MessageInput conversationId="single:bob" />);
    const exe = new File(['MZ...'], 'setup.exe', { type: 'application/x-msdownload' });
    fireEvent.paste(screen.getByRole('textbox', { name: 'Message' }), { clipboardData: transferOf([exe]) });
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'setup.exe cannot be sent: files of type application/x-msdownload are not allowed.',
    );
    expect(received).toHaveLength(0);
  });

  test('a refusal by the server (content not matching its type) is shown on the attachment with its code', async () => {
    await start();
    const user = userEvent.setup();
    h.renderAs(alice, <MessageInput conversationId="single:bob" />);
    const fake = new File(['this is not a png'], 'fake.png', { type: 'image/png' });
    fireEvent.paste(screen.getByRole('textbox', { name: 'Message' }), { clipboardData: transferOf([fake]) });
    await user.click(await screen.findByRole('button', { name: 'Send fake.png' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(/fake\.png was not sent \(4151\)/);
    expect(screen.getByRole('button', { name: 'Remove fake.png' })).toBeInTheDocument();
    expect(alice.pending()).toHaveLength(0);
    expect(received).toHaveLength(0);
  });
});

describe('cancel', () => {
  beforeEach(() => start());

  test('Cancel during an upload aborts it: a progress bar shows, then nothing is sent', async () => {
    const user = userEvent.setup();
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    // An image whose bytes arrive only when the test says so, to hold the upload open.
    class SlowFile extends File {
      override arrayBuffer(): Promise<ArrayBuffer> {
        return gate.then(() => super.arrayBuffer());
      }
    }
    const slow = new SlowFile([pngFileBytes()], 'slow.png', { type: 'image/png' });
    h.renderAs(alice, <MessageInput conversationId="single:bob" />);
    fireEvent.paste(screen.getByRole('textbox', { name: 'Message' }), { clipboardData: transferOf([slow]) });
    await user.click(await screen.findByRole('button', { name: 'Send slow.png' }));
    const bar = await screen.findByRole('progressbar', { name: 'Uploading slow.png' });
    expect(bar).toHaveAttribute('aria-valuenow', '0');
    await user.click(screen.getByRole('button', { name: 'Cancel upload of slow.png' }));
    expect(screen.queryByRole('progressbar')).not.toBeInTheDocument();
    expect(screen.queryByText('slow.png')).not.toBeInTheDocument();
    await act(async () => release());
    // A later message arrives alone: the cancelled image was never sent.
    await user.type(screen.getByRole('textbox', { name: 'Message' }), 'next{Enter}');
    const got = await arrived(1);
    expect(got.map((m) => m.body.type)).toEqual(['txt']);
    expect(alice.pending()).toHaveLength(0);
  });
});

function pngFileBytes(): Uint8Array<ArrayBuffer> {
  return new Uint8Array([
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 2, 0, 0, 0, 2, 8, 6,
    0, 0, 0,
  ]);
}

describe('hostile file names', () => {
  beforeEach(() => start());

  test('markup in a file name is shown as text, in the preview and in errors', async () => {
    const evil = '<img src=x onerror="window.__pwned=1">.png';
    const { container } = h.renderAs(alice, <MessageInput conversationId="single:bob" />);
    const box = screen.getByRole('textbox', { name: 'Message' });
    fireEvent.paste(box, {
      clipboardData: transferOf([
        pngFile(evil),
        new File(['x'], '<script>window.__pwned=2</script>.exe', { type: 'application/x-evil' }),
      ]),
    });
    expect(await screen.findByText(evil)).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent('<script>window.__pwned=2</script>.exe cannot be sent');
    expect(container.querySelector('[onerror], script')).toBeNull();
    expect((window as { __pwned?: number }).__pwned).toBeUndefined();
    await userEvent.setup().click(screen.getByRole('button', { name: `Send ${evil}` }));
    const [m] = await arrived(1);
    expect(m?.body).toMatchObject({ type: 'img', name: evil });
  });
});

describe('drafts and typing', () => {
  beforeEach(() => start());

  test("switching conversation keeps each one's unsent text and drops staged files", async () => {
    const user = userEvent.setup();
    const { rerender } = h.renderAs(alice, <MessageInput conversationId="single:bob" />);
    await user.type(screen.getByRole('textbox', { name: 'Message' }), 'half written');
    fireEvent.paste(screen.getByRole('textbox', { name: 'Message' }), {
      clipboardData: transferOf([pngFile('for-bob.png')]),
    });
    await screen.findByText('for-bob.png');
    rerender(<MessageInput conversationId="single:carol" />);
    expect(screen.getByRole('textbox', { name: 'Message' })).toHaveValue('');
    expect(screen.queryByText('for-bob.png')).not.toBeInTheDocument();
    rerender(<MessageInput conversationId="single:bob" />);
    expect(screen.getByRole('textbox', { name: 'Message' })).toHaveValue('half written');
  });

  test("typing shows on the other user's input", async () => {
    const user = userEvent.setup();
    h.renderAs(alice, <MessageInput conversationId="single:bob" />);
    const bobView = h.renderAs(
      bob,
      <MessageInput conversationId="single:alice" displayName={(u) => u.toUpperCase()} />,
    );
    await user.type(screen.getAllByRole('textbox', { name: 'Message' })[0] as HTMLElement, 'hel');
    await waitFor(() =>
      expect(bobView.container.querySelector('.natter-input__typing')).toHaveTextContent('ALICE is typing…'),
    );
  });
});
