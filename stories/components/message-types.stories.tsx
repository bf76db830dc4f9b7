// Stories: one per message type in natter's MessageList, each sent by Bob's
// real client (uploads included) to Alice on an embedded server and shown in
// Alice's list.
import type { Meta, StoryObj } from '@storybook/react-vite';
import type { ReactNode } from 'react';
import { createManualClock, type ChatClient } from '../../src/entries/index';
import type { ChatMessage } from '../../src/entries/react';
import { MessageList, callData } from '../../src/entries/ui';
import { withNatter } from '../support/natter-decorator';
import { makeChime, makeClip, makePdf, makePicture, makeTextFile } from '../support/sample-media';
import { peopleScene } from '../support/two-user-scene';
import { ConversationView, type ListArgs } from './conversation-view';

const meta: Meta<typeof MessageList> = {
  title: 'Components/MessageList/Message types',
  component: MessageList,
  decorators: [withNatter],
  parameters: { layout: 'fullscreen' },
};
export default meta;
type Story = StoryObj<typeof MessageList>;

const view = (caption: ReactNode, script: (p: Record<string, ChatClient>) => Promise<void>, extra: ListArgs = {}) =>
  function render(args: ListArgs) {
    return (
      <ConversationView
        caption={caption}
        args={{ ...args, ...extra }}
        setup={() => peopleScene({}, (p) => script(p))}
      />
    );
  };

export const Text: Story = {
  render: view(
    'Plain text from Bob and Alice, with a link (only http(s)/mailto become anchors).',
    async ({ alice, bob }) => {
      await bob!.sendText('single:alice', 'Hi Alice! Are we still on for Friday?');
      await alice!.sendText('single:bob', 'Yes — the notes are at https://example.com/notes');
      await bob!.sendText('single:alice', 'Great, see you then.');
    },
  ),
};

export const Emoji: Story = {
  render: view(
    'Text with Unicode emoji: ZWJ sequences, skin tones and flags stay one emoji.',
    async ({ alice, bob }) => {
      await bob!.sendText('single:alice', 'Shipped it 🎉 thanks to the whole team 👩‍💻👨🏽‍💻');
      await alice!.sendText('single:bob', 'Nice 👍🏾 — off to 🇯🇵 next week ✈️');
    },
  ),
};

export const Image: Story = {
  render: view(
    'An image Bob uploaded (a real PNG); its box is reserved from width/height. Click it for the lightbox.',
    async ({ bob }) => {
      const picture = await makePicture();
      await bob!.sendFile('single:alice', 'img', picture, { width: 320, height: 200, name: picture.name });
      await bob!.sendText('single:alice', 'Sunset from the office 🌅');
    },
  ),
};

export const File: Story = {
  render: view('Files with name, size and a download link.', async ({ bob }) => {
    await bob!.sendFile('single:alice', 'file', makePdf());
    await bob!.sendFile('single:alice', 'file', makeTextFile());
  }),
};

export const Audio: Story = {
  render: view('A voice note (a WAV recorded as a tone) with its duration.', async ({ bob }) => {
    await bob!.sendFile('single:alice', 'audio', makeChime(1.5), { duration: 1.5 });
  }),
};

export const Video: Story = {
  render: view('A video clip recorded from a canvas with MediaRecorder, uploaded by Bob.', async ({ bob }) => {
    const clip = await makeClip();
    await bob!.sendFile('single:alice', 'video', clip.file, {
      width: clip.width,
      height: clip.height,
      duration: clip.duration,
    });
  }),
};

export const Location: Story = {
  render: view('A shared location, linked to a map.', async ({ bob }) => {
    await bob!.send('alice', 'single', {
      type: 'loc',
      lat: 52.5163,
      lng: 13.3777,
      addr: 'Pariser Platz, 10117 Berlin',
      buildingName: 'Brandenburg Gate',
    });
  }),
};

function Poll({ message }: { message: ChatMessage }): ReactNode {
  if (message.body.type !== 'custom') return null;
  const { question = '', options = '' } = message.body.customExts;
  return (
    <div style={{ padding: 4 }}>
      <strong>📊 {question}</strong>
      <ul style={{ margin: '4px 0 0', paddingLeft: 18 }}>
        {options.split('|').map((o) => (
          <li key={o}>{o}</li>
        ))}
      </ul>
    </div>
  );
}

export const Custom: Story = {
  render: view(
    'Custom messages: drawn by the app through the renderCustom prop (a poll here). Command messages (e.g. typing) are never shown.',
    async ({ bob }) => {
      await bob!.send('alice', 'single', {
        type: 'custom',
        customEvent: 'poll',
        customExts: { question: 'Lunch?', options: 'Noodles|Tacos|Salad' },
      });
      await bob!.send('alice', 'single', { type: 'cmd', action: 'refresh-profile' });
    },
    { renderCustom: (m) => <Poll message={m} /> },
  ),
};

export const CallEvents: Story = {
  render: (args: ListArgs) => (
    <ConversationView
      caption="Every signaling step is a call event in history: invite, accept, decline, cancel, and a timeout (the server's manual clock moved past the deadline)."
      args={args}
      setup={() => {
        const clock = createManualClock(Date.now());
        return peopleScene({ server: { clock } }, async ({ alice, bob }) => {
          const a = await bob!.invite('alice', { data: callData('video'), timeout: 30 });
          await alice!.acceptInvitation(a.invitation.inviteId);
          const b = await alice!.invite('bob', { data: callData('audio'), timeout: 30 });
          await bob!.rejectInvitation(b.invitation.inviteId);
          const c = await bob!.invite('alice', { data: callData('audio'), timeout: 30 });
          await bob!.cancelInvitation(c.invitation.inviteId);
          await alice!.invite('bob', { data: callData('video'), timeout: 30 });
          clock.advance(31_000);
        });
      }}
    />
  ),
};
