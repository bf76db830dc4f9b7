// Stories: MessageList with nothing in it, and with 100,000 messages (written
// straight into the embedded server's storage, then paged in 50 at a time as
// you scroll up; the DOM stays the same size).
import type { Meta, StoryObj } from '@storybook/react-vite';
import { MessageList } from '../../src/entries/ui';
import { writeHistory } from '../support/demo-world';
import { withNatter } from '../support/natter-decorator';
import { peopleScene } from '../support/two-user-scene';
import { ConversationView, type ListArgs } from './conversation-view';

const meta: Meta<typeof MessageList> = {
  title: 'Components/MessageList/Size',
  component: MessageList,
  decorators: [withNatter],
  parameters: { layout: 'fullscreen' },
};
export default meta;
type Story = StoryObj<typeof MessageList>;

export const Empty: Story = {
  render: (args: ListArgs) => (
    <ConversationView
      caption="A conversation with no messages yet (Alice has never written to Dave)."
      args={args}
      input
      setup={() => peopleScene({ conversation: 'single:dave' }, async () => undefined)}
    />
  ),
};

const WORDS = [
  'hello',
  'how are you?',
  'fine, thanks 🙂',
  'see you tomorrow at the station',
  'ok 👍',
  'lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor',
];

export const HundredThousandMessages: Story = {
  args: { pageSize: 50 },
  render: (args: ListArgs) => (
    <ConversationView
      caption="100,000 messages between Alice and Bob. Scroll up: older pages load and the message you were reading stays put. Count the DOM nodes: it stays small."
      args={args}
      setup={() =>
        peopleScene({}, async ({ bob }, server) => {
          await writeHistory(server, 'alice', 'bob', 99_999, (i) => `#${i + 1} ${WORDS[i % WORDS.length]}`);
          await bob!.sendText('single:alice', '#100000 the newest one');
        })
      }
    />
  ),
};
