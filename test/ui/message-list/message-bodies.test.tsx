// @vitest-environment jsdom
// A bubble for every message type: text with emoji, image with reserved space
// and a lightbox dialog, file with size and download, audio and video players,
// location with a map link, custom through `renderCustom`.
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChatMessage } from '../../../src/react/index';
import { MessageList } from '../../../src/ui/index';
import { createListHarness, revealList, type ListHarness } from './list-harness';

let h: ListHarness;
beforeEach(() => {
  h = createListHarness();
});
afterEach(() => {
  cleanup();
  h.close();
});

async function showFromBob(
  send: (bob: Awaited<ReturnType<ListHarness['client']>>) => Promise<unknown>,
  props: Partial<Parameters<typeof MessageList>[0]> = {},
) {
  const bob = await h.client('bob');
  const alice = await h.client('alice');
  await send(bob);
  const r = h.renderAs(alice, <MessageList conversationId="single:bob" markReadOnView={false} {...props} />);
  await screen.findByRole('log');
  await revealList(r.container).catch(() => undefined);
  return r;
}

/** A zip local-file header padded to `size` bytes (passes the server's magic-byte check). */
function zipBytes(size: number): Uint8Array<ArrayBuffer> {
  const b = new Uint8Array(size);
  b.set([0x50, 0x4b, 0x03, 0x04]);
  return b;
}

describe('message bubbles', () => {
  it('renders text with custom emoji and links', async () => {
    const faces = { path: '/faces/', map: { '[smile]': 'smile.png' } };
    const { container } = await showFromBob(
      (bob) => bob.sendText('single:alice', 'hi [smile] see https://natter.example/x'),
      { customEmoji: faces },
    );
    await screen.findByRole('link', { name: 'https://natter.example/x' });
    expect(container.querySelector('img.natter-emoji--image')?.getAttribute('src')).toBe('/faces/smile.png');
    expect(container.querySelector('img.natter-emoji--image')?.getAttribute('alt')).toBe('[smile]');
  });

  it('reserves the image box from its width and height, and opens it in a lightbox dialog', async () => {
    const user = userEvent.setup();
    const { container } = await showFromBob((bob) =>
      bob.send('alice', 'single', {
        type: 'img',
        url: 'https://cdn.example/cat.png',
        name: 'cat.png',
        size: 2048,
        mime: 'image/png',
        width: 800,
        height: 600,
      }),
    );
    const open = await screen.findByRole('button', { name: 'Open image cat.png' });
    const img = container.querySelector('img.natter-image') as HTMLImageElement;
    // 800×600 fitted into 240×240 before the image loads: nothing moves when it does.
    expect([img.getAttribute('width'), img.getAttribute('height')]).toEqual(['240', '180']);
    expect([open.style.width, open.style.height]).toEqual(['240px', '180px']);
    await user.click(open);
    // The lightbox's code loads on first use.
    const dialog = await screen.findByRole('dialog', { name: 'Image viewer' });
    expect(dialog.tagName).toBe('DIALOG');
    expect(dialog.hasAttribute('open')).toBe(true);
    expect(within(dialog).getByRole('img', { name: 'Image cat.png' }).getAttribute('src')).toBe(
      'https://cdn.example/cat.png',
    );
    const close = within(dialog).getByRole('button', { name: 'Close' });
    expect(document.activeElement).toBe(close);
    // The rest is inert while it shows (jsdom has no showModal(): natter sets `inert` itself).
    expect(open.closest('[inert]')).not.toBeNull();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(open);
  });

  it('uses a fallback box for an image of unknown size', async () => {
    const { container } = await showFromBob((bob) =>
      bob.send('alice', 'single', {
        type: 'img',
        url: 'https://cdn.example/x.png',
        name: 'x.png',
        size: 1,
        mime: 'image/png',
      }),
    );
    await screen.findByRole('button', { name: 'Open image x.png' });
    const img = container.querySelector('img.natter-image') as HTMLImageElement;
    expect([img.getAttribute('width'), img.getAttribute('height')]).toEqual(['200', '150']);
  });

  it('shows a file with its name, size and a download link', async () => {
    await showFromBob((bob) =>
      bob.sendFile('single:alice', 'file', new File([zipBytes(1536)], 'report.zip', { type: 'application/zip' })),
    );
    await screen.findByText('report.zip', { selector: '.natter-file-name' });
    expect(screen.getByText('1.5 KB')).toBeTruthy();
    const link = screen.getByRole('link', { name: /Download/ });
    expect(link.getAttribute('href')).toMatch(/^(blob:|\/files\/|https?:)/);
    expect(link.getAttribute('download')).toBe('report.zip');
    expect(link.getAttribute('rel')).toBe('noopener noreferrer');
  });

  it('plays audio and video with space reserved for the video', async () => {
    const { container } = await showFromBob(async (bob) => {
      await bob.send('alice', 'single', {
        type: 'audio',
        url: 'https://cdn.example/v.mp3',
        name: 'v.mp3',
        size: 100,
        mime: 'audio/mpeg',
        duration: 75,
      });
      await bob.send('alice', 'single', {
        type: 'video',
        url: 'https://cdn.example/m.mp4',
        name: 'm.mp4',
        size: 100,
        mime: 'video/mp4',
        width: 1280,
        height: 720,
        duration: 9,
      });
    });
    await screen.findByText('Voice message, 1:15');
    const audio = container.querySelector('audio') as HTMLAudioElement;
    expect(audio.getAttribute('src')).toBe('https://cdn.example/v.mp3');
    expect(audio.hasAttribute('controls')).toBe(true);
    const video = container.querySelector('video') as HTMLVideoElement;
    expect(video.getAttribute('src')).toBe('https://cdn.example/m.mp4');
    expect([video.getAttribute('width'), video.getAttribute('height')]).toEqual(['240', '135']);
  });

  it('shows a location with a link to a map', async () => {
    await showFromBob((bob) =>
      bob.send('alice', 'single', {
        type: 'loc',
        lat: 39.9042,
        lng: 116.4074,
        addr: 'Dongcheng, Beijing',
        buildingName: 'Tiananmen',
      }),
    );
    await screen.findByText('Tiananmen');
    expect(screen.getByText('Dongcheng, Beijing')).toBeTruthy();
    const link = screen.getByRole('link', { name: 'Open in map' });
    expect(link.getAttribute('href')).toBe(
      'https://www.openstreetmap.org/?mlat=39.904200&mlon=116.407400#map=16/39.904200/116.407400',
    );
  });

  it('draws custom messages with renderCustom, or a placeholder without it', async () => {
    const renderCustom = (m: ChatMessage) =>
      m.body.type === 'custom' ? (
        <b data-testid="gift">{`${m.body.customExts.item} ×${m.body.customExts.count}`}</b>
      ) : null;
    const { unmount } = await showFromBob(
      (bob) =>
        bob.send('alice', 'single', { type: 'custom', customEvent: 'gift', customExts: { item: 'rose', count: '3' } }),
      { renderCustom },
    );
    expect((await screen.findByTestId('gift')).textContent).toBe('rose ×3');
    unmount();
    h.renderAs(await h.client('alice'), <MessageList conversationId="single:bob" markReadOnView={false} />);
    await screen.findByText('[gift]');
  });

  it('shows an uploaded image in the box its dimensions reserve', async () => {
    const alice = await h.client('alice');
    const { container } = h.renderAs(alice, <MessageList conversationId="single:bob" markReadOnView={false} />);
    await screen.findByText('No messages yet');
    const png = new Uint8Array(64);
    png.set([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 40, 0, 0, 0, 30, 8,
      6, 0, 0, 0,
    ]);
    await alice.sendFile('single:bob', 'img', new File([png], 'dot.png', { type: 'image/png' }), {
      width: 40,
      height: 30,
    });
    await screen.findByRole('button', { name: 'Open image dot.png' });
    const img = container.querySelector('img.natter-image') as HTMLImageElement;
    expect([img.getAttribute('width'), img.getAttribute('height')]).toEqual(['40', '30']);
    expect(img.getAttribute('src')).toMatch(/^(blob:|\/files\/|https?:)/);
  });
});
