// Stories: natter's MessageInput on a real client — the composer, a pasted
// image's preview, an upload in progress (over a transport that paces uploads
// like a slow link; the bytes then reach the embedded server), and the errors
// for a file too large, a type not allowed, and content that does not match
// its type (refused by the server with 4151).
import type { Meta, StoryObj } from '@storybook/react-vite';
import { useEffect, useRef, type ReactNode } from 'react';
import { createEmbeddedServer, type EmbeddedServerOptions } from '../../src/entries/index';
import { MessageInput, MessageList, type MessageInputProps } from '../../src/entries/ui';
import { withNatter } from '../support/natter-decorator';
import { pacedUploads } from '../support/paced-transport';
import { pasteFiles, waitFor } from '../support/paste-files';
import { makeNoisePicture, makePdf, makePicture } from '../support/sample-media';
import { SceneGate, StoryFrame, connectUser, displayName, type Scene } from '../support/scene';

type InputArgs = Partial<Omit<MessageInputProps, 'conversationId'>>;

const meta: Meta<typeof MessageInput> = {
  title: 'Components/MessageInput',
  component: MessageInput,
  decorators: [withNatter],
  parameters: { layout: 'fullscreen' },
};
export default meta;
type Story = StoryObj<typeof MessageInput>;

/** Alice (uploads paced at `bytesPerSecond`, if given) chatting with Bob. */
function aliceAndBob(options: EmbeddedServerOptions = {}, bytesPerSecond?: number): () => Promise<Scene> {
  return async () => {
    const server = createEmbeddedServer(options);
    const bob = await connectUser(server, 'bob');
    const alice = await connectUser(
      server,
      'alice',
      bytesPerSecond ? (t) => pacedUploads(t, bytesPerSecond) : undefined,
    );
    await bob.sendText('single:alice', 'Can you send me the screenshot?');
    return {
      client: alice,
      conversation: 'single:bob',
      close() {
        alice.close();
        bob.close();
        server.close();
      },
    };
  };
}

/** Pastes `files()` into the input inside it once mounted, then presses Send when `send` is set. */
function Paster({
  files,
  send = false,
  children,
}: {
  files: () => Promise<File[]>;
  send?: boolean;
  children: ReactNode;
}): ReactNode {
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = root.current;
    if (!el) return;
    let cancelled = false;
    void (async () => {
      const box = await waitFor<HTMLTextAreaElement>(el, 'textarea');
      const list = await files();
      if (cancelled) return;
      pasteFiles(box, list);
      if (!send) return;
      const button = await waitFor<HTMLButtonElement>(el, '.natter-input__send', 10_000, (b) => !b.disabled);
      if (!cancelled) button.click();
    })().catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, [files, send]);
  return (
    <div ref={root} style={{ display: 'contents' }}>
      {children}
    </div>
  );
}

function Composer({
  setup,
  caption,
  args,
  paste,
  send,
}: {
  setup: () => Promise<Scene>;
  caption: string;
  args: InputArgs;
  paste?: () => Promise<File[]>;
  send?: boolean;
}): ReactNode {
  return (
    <SceneGate setup={setup}>
      {(scene) => {
        const body = (
          <StoryFrame caption={caption} height={600}>
            <div style={{ flex: 1, minHeight: 0 }}>
              <MessageList conversationId={scene.conversation} displayName={displayName} />
            </div>
            <MessageInput conversationId={scene.conversation} displayName={displayName} {...args} />
          </StoryFrame>
        );
        return paste ? (
          <Paster files={paste} {...(send ? { send } : {})}>
            {body}
          </Paster>
        ) : (
          body
        );
      }}
    </SceneGate>
  );
}

export const Composing: Story = {
  render: (args: InputArgs) => (
    <Composer
      caption="Type and press Enter to send (Shift+Enter adds a line). Paste or drop an image, pick a file with the clip, or open the emoji picker."
      args={args}
      setup={aliceAndBob()}
    />
  ),
};

const pastedPicture = async () => [await makePicture(480, 300, 'pasted-image.png')];

export const PastePreview: Story = {
  render: (args: InputArgs) => (
    <Composer
      caption="An image was pasted (a real paste event carrying a PNG): it waits as a preview with its size, to be sent with Enter or removed."
      args={args}
      setup={aliceAndBob()}
      paste={async () => [...(await pastedPicture()), makePdf()]}
    />
  ),
};

const noisy = async () => [await makeNoisePicture(480, 360, 'screenshot.png')];

export const UploadInProgress: Story = {
  render: (args: InputArgs) => (
    <Composer
      caption="A pasted 480×360 screenshot (≈ 580 KB of noise) uploading over a link paced at 16 KiB/s: progress bar and Cancel in the input, the pending message in the list. It completes after about 35 s."
      args={args}
      setup={aliceAndBob({}, 16 * 1024)}
      paste={noisy}
      send
    />
  ),
};

const refused = async () => [
  await makeNoisePicture(400, 300, 'holiday-photo.png'),
  new File([new Uint8Array([0x4d, 0x5a, 0x90, 0x00])], 'setup.exe', { type: 'application/x-msdownload' }),
  new File(['this is not a PNG'], 'fake.png', { type: 'image/png' }),
];

export const UploadErrors: Story = {
  render: (args: InputArgs) => (
    <Composer
      caption="This server allows files up to 128 KiB. Pasted: a ≈ 400 KB photo (too large), a .exe (type not allowed) — both refused before upload — and a “PNG” that is text, refused by the server (4151) when sent."
      args={args}
      setup={aliceAndBob({ limits: { maxFileBytes: 128 * 1024 } })}
      paste={refused}
      send
    />
  ),
};
