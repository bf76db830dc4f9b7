// Stories: people and finding things in the drop-in Chat on Alice's real
// client — starting a conversation from an empty account (directory search,
// single chat or a new group), and searching messages then jumping to a hit
// far back in a long conversation; each in the light and dark themes.
import type { Meta, StoryObj } from '@storybook/react-vite';
import { setProfile } from '../../src/entries/index';
import { Chat } from '../../src/entries/ui';
import { withNatter } from '../support/natter-decorator';
import { SceneGate, displayName } from '../support/scene';
import { peopleScene } from '../support/two-user-scene';

const meta: Meta<typeof Chat> = {
  title: 'Components/People and search',
  component: Chat,
  decorators: [withNatter],
  parameters: { layout: 'fullscreen' },
};
export default meta;
type Story = StoryObj<typeof Chat>;

const emptyAccount = () =>
  peopleScene(
    { users: ['alice', 'bob', 'carol', 'dave'], server: { people: { publicDirectory: true } } },
    async ({ bob, carol, dave }) => {
      await setProfile(bob!, { name: 'Bob Builder', fields: { title: 'Site lead' } });
      await setProfile(carol!, { name: '张卡萝' });
      await setProfile(dave!, { name: 'Dave Smith' });
    },
  );

/** Alice's account has no conversation yet: "New conversation" finds people by name (try "bo", "张" or "smi"). */
export const NewConversation: Story = {
  render: () => <SceneGate setup={emptyAccount}>{() => <Chat theme="light" style={{ height: '100vh' }} />}</SceneGate>,
};

/** The same in the dark theme. */
export const NewConversationDark: Story = {
  parameters: { natter: { theme: 'dark' } },
  render: () => <SceneGate setup={emptyAccount}>{() => <Chat theme="dark" style={{ height: '100vh' }} />}</SceneGate>,
};

const longHistory = () =>
  peopleScene({ users: ['alice', 'bob'] }, async ({ alice, bob }) => {
    const lines = [
      'How is the release going?',
      'Almost there, one more test',
      'Lunch later? 🍜',
      'The build is green ✅',
      '明天下午开会讨论预算',
    ];
    for (let i = 0; i < 300; i++) {
      const from = i % 3 === 0 ? alice! : bob!;
      const to = from === alice ? 'single:bob' : 'single:alice';
      await from.sendText(
        to,
        i === 12 ? 'The wifi password is on the fridge 🔑' : `${lines[i % lines.length]} (${i + 1})`,
      );
    }
  });

/** Search "wifi" (or "开会", "🍜") in the sidebar and open the hit: the list lands on it, 288 messages back; "Jump to latest" returns. */
export const SearchAndJump: Story = {
  render: () => (
    <SceneGate setup={longHistory}>
      {() => (
        <Chat theme="light" displayName={displayName} defaultConversationId="single:bob" style={{ height: '100vh' }} />
      )}
    </SceneGate>
  ),
};

/** The same in the dark theme. */
export const SearchAndJumpDark: Story = {
  parameters: { natter: { theme: 'dark' } },
  render: () => (
    <SceneGate setup={longHistory}>
      {() => (
        <Chat theme="dark" displayName={displayName} defaultConversationId="single:bob" style={{ height: '100vh' }} />
      )}
    </SceneGate>
  ),
};
