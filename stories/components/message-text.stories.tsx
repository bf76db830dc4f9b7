// Stories: how MessageList draws text — long text, emoji-only messages (drawn
// large), right-to-left scripts (Arabic, Hebrew) mixed with left-to-right —
// all sent by real clients on an embedded server.
import type { Meta, StoryObj } from '@storybook/react-vite';
import { MessageList } from '../../src/entries/ui';
import { withNatter } from '../support/natter-decorator';
import { peopleScene } from '../support/two-user-scene';
import { ConversationView, type ListArgs } from './conversation-view';

const meta: Meta<typeof MessageList> = {
  title: 'Components/MessageList/Text',
  component: MessageList,
  decorators: [withNatter],
  parameters: { layout: 'fullscreen' },
};
export default meta;
type Story = StoryObj<typeof MessageList>;

const LONG =
  'Here is the plan for the release, written out in full so nobody has to dig through the thread. ' +
  'First we freeze the protocol and tag a release candidate; then the server team runs the soak test over the weekend with ten thousand simulated clients, ' +
  'while the UI team finishes the Storybook and the README screenshot. On Monday we look at the numbers together: fan-out rate, p99 latency, memory after twelve hours. ' +
  'If those hold, we publish on Tuesday morning and announce it in the afternoon.\n\nQuestions, objections, snacks: reply here.';

export const LongText: Story = {
  render: (args: ListArgs) => (
    <ConversationView
      caption="A long message with paragraphs, and an unbroken 120-character token that must wrap instead of widening the bubble."
      args={args}
      setup={() =>
        peopleScene({}, async ({ alice, bob }) => {
          await bob!.sendText('single:alice', LONG);
          await alice!.sendText('single:bob', `The build id is ${'a1b2c3d4e5'.repeat(12)} — please check it.`);
        })
      }
    />
  ),
};

export const EmojiOnly: Story = {
  render: (args: ListArgs) => (
    <ConversationView
      caption="Messages of only a few emoji are drawn large; longer emoji runs and emoji inside text stay normal size."
      args={args}
      setup={() =>
        peopleScene({}, async ({ alice, bob }) => {
          await bob!.sendText('single:alice', '🎉');
          await alice!.sendText('single:bob', '👍🏽👍🏽');
          await bob!.sendText('single:alice', '❤️‍🔥🇧🇷👨‍👩‍👧');
          await alice!.sendText('single:bob', '😀😃😄😁😆😅😂🤣');
          await bob!.sendText('single:alice', 'ok 👌');
        })
      }
    />
  ),
};

export const RightToLeft: Story = {
  render: (args: ListArgs) => (
    <ConversationView
      caption="Arabic and Hebrew text flows right to left inside its bubble, also when mixed with Latin words, numbers and emoji."
      args={args}
      setup={() =>
        peopleScene({}, async ({ alice, bob }) => {
          await bob!.sendText('single:alice', 'مرحبا! هل وصلت الرسالة؟ 😊');
          await alice!.sendText('single:bob', 'نعم، شكرا. الاجتماع الساعة 3 في غرفة natter.');
          await bob!.sendText('single:alice', 'שלום! מה שלומך היום?');
          await alice!.sendText('single:bob', 'מצוין, תודה — see you at 15:00 👋');
        })
      }
    />
  ),
};
