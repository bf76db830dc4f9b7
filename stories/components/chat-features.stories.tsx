// Stories: the conversation features' panels in the Chat layout on Alice's
// real client — the pins strip over a group, mentions (set apart in messages,
// the @ badge in the list, suggestions as Alice types "@"), a followed
// thread's unread replies on its reply count, a thread open
// beside its conversation, and the forward dialog. The panels are lazy chunks
// of Chat; the thread and forward stories show them directly.
import type { Meta, StoryObj } from '@storybook/react-vite';
import type { ChatClient, ConversationId, Message } from '../../src/entries/index';
import { Chat, type ChatProps } from '../../src/entries/ui';
import { ForwardDialog } from '../../src/ui/forward-dialog';
import { ThreadPanel } from '../../src/ui/thread-panel';
import { withNatter } from '../support/natter-decorator';
import { SceneGate, StoryFrame, displayName } from '../support/scene';
import { peopleScene } from '../support/two-user-scene';

const meta: Meta<typeof Chat> = {
  title: 'Components/Chat/Features',
  component: Chat,
  decorators: [withNatter],
  parameters: { layout: 'fullscreen' },
};
export default meta;
type Story = StoryObj<typeof Chat>;

const team = () =>
  peopleScene({ users: ['alice', 'bob', 'carol'], conversation: 'group:team' }, async ({ alice, bob, carol }) => {
    await alice!.createGroup({ groupId: 'team', name: 'Team', members: ['bob', 'carol'] });
    const agenda = await alice!.sendText('group:team', 'Agenda: release notes, then the demo 📝');
    await alice!.pin(agenda.serverId);
    const room = await carol!.sendText('group:team', 'We are in room 4 today');
    await alice!.pin(room.serverId);
    await bob!.sendText('group:team', '@Alice can you share the slides? cc @all', {
      mentions: { users: ['alice'], all: true },
    });
    await bob!.sendText('single:alice', '@Alice lunch after the demo?', { mentions: { users: ['alice'] } });
  });

export const PinsAndMentions: Story = {
  render: (args: Partial<ChatProps>) => (
    <SceneGate setup={team}>
      {() => (
        <Chat
          theme="light"
          displayName={displayName}
          defaultConversationId="group:team"
          style={{ height: '100vh' }}
          {...args}
        />
      )}
    </SceneGate>
  ),
};

export const MentionBadgeDark: Story = {
  parameters: { natter: { theme: 'dark' } },
  render: (args: Partial<ChatProps>) => (
    <SceneGate setup={team}>
      {() => (
        <Chat
          theme="dark"
          displayName={displayName}
          defaultConversationId={null}
          style={{ height: '100vh' }}
          {...args}
        />
      )}
    </SceneGate>
  ),
};

const followedThread = () =>
  peopleScene({ users: ['alice', 'bob', 'carol'], conversation: 'group:team' }, async ({ alice, bob, carol }) => {
    await alice!.createGroup({ groupId: 'team', name: 'Team', members: ['bob', 'carol'] });
    const root = await alice!.sendText('group:team', 'Who reviews the release notes?');
    await bob!.sendText('group:team', 'I can take the first half', { threadOf: root.serverId });
    await carol!.sendText('group:team', 'Second half is mine', { threadOf: root.serverId });
  });

/** Alice wrote the root, so she follows its thread: the reply count shows the replies she has not read; opening the thread (at its newest reply) reads them. */
export const ThreadUnread: Story = {
  render: (args: Partial<ChatProps>) => (
    <SceneGate setup={followedThread}>
      {() => (
        <Chat
          theme="light"
          displayName={displayName}
          defaultConversationId="group:team"
          style={{ height: '100vh' }}
          {...args}
        />
      )}
    </SceneGate>
  ),
};

/** A scene and the message a story shows a panel for. */
async function withMessage(
  users: string[],
  conversation: ConversationId,
  script: (people: Record<string, ChatClient>) => Promise<Message>,
) {
  let message: Message | null = null;
  const scene = await peopleScene({ users, conversation }, async (people) => {
    message = await script(people);
  });
  return { ...scene, message: message as unknown as Message };
}

const thread = () =>
  withMessage(['alice', 'bob', 'carol'], 'group:team', async ({ alice, bob, carol }) => {
    await alice!.createGroup({ groupId: 'team', name: 'Team', members: ['bob', 'carol'] });
    const root = await bob!.sendText('group:team', 'Where do we go for the offsite?');
    await carol!.sendText('group:team', 'The lake house, like last year 🏞️', { threadOf: root.serverId });
    await alice!.sendText('group:team', 'Works for me', { threadOf: root.serverId });
    return root;
  });

export const Thread: Story = {
  render: () => (
    <SceneGate setup={thread}>
      {(scene) => (
        <StoryFrame
          caption="A thread beside its conversation: the root, its replies, and a box to reply in it (Escape closes)."
          width={380}
          height={480}
        >
          <div style={{ position: 'relative', flex: 1 }}>
            <ThreadPanel
              conversationId={scene.conversation}
              root={scene.message}
              displayName={displayName}
              onClose={() => undefined}
            />
          </div>
        </StoryFrame>
      )}
    </SceneGate>
  ),
};

const forward = () =>
  withMessage(['alice', 'bob', 'carol'], 'single:bob', async ({ alice, bob, carol }) => {
    await alice!.createGroup({ groupId: 'team', name: 'Team', members: ['bob', 'carol'] });
    await carol!.sendText('single:alice', 'Hi Alice');
    await alice!.sendText('group:team', 'Morning all');
    return bob!.sendText('single:alice', 'The door code is 4711');
  });

export const Forward: Story = {
  render: () => (
    <SceneGate setup={forward}>
      {(scene) => (
        <ForwardDialog
          message={scene.message}
          from={scene.conversation}
          displayName={displayName}
          onClose={() => undefined}
        />
      )}
    </SceneGate>
  ),
};
