// Stories: the conversation features' panels in the Chat layout on Alice's
// real client — the pins strip over a group, mentions (set apart in messages,
// the @ badge in the list, suggestions as Alice types "@"), a followed
// thread's unread replies on its reply count, a thread open
// beside its conversation, and the forward dialog. The panels are lazy chunks
// of Chat; the thread and forward stories show them directly. Each play acts
// as Alice would (by role and label, in the toolbar's locale) and checks what
// she sees.
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, screen, userEvent, within } from 'storybook/test';
import type { ChatClient, ConversationId, Message } from '../../src/entries/index';
import { Chat, type ChatProps } from '../../src/entries/ui';
import { ForwardDialog } from '../../src/ui/forward-dialog';
import { ThreadPanel } from '../../src/ui/thread-panel';
import { withNatter } from '../support/natter-decorator';
import { eventually, PLAY_WAIT, playStrings } from '../support/play-kit';
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
  play: async (context) => {
    const s = await playStrings(context, context.args);
    const t = s.features;
    const canvas = within(context.canvasElement);
    // The pins strip lists both pins; Carol's takes Alice to her message.
    const strip = within(await canvas.findByRole('region', { name: t.pinned }, PLAY_WAIT));
    await expect(await strip.findByTitle(t.goToPinned('Alice'), {}, PLAY_WAIT)).toBeVisible();
    await userEvent.click(await strip.findByTitle(t.goToPinned('Carol'), {}, PLAY_WAIT));
    await eventually(() =>
      expect(context.canvasElement.querySelector('[data-jump-target]')?.textContent ?? '').toContain('room 4'),
    );
    // "@" offers everyone and the other members; arrows and Enter insert one.
    const box = canvas.getByRole('textbox', { name: s.input.messageLabel });
    await userEvent.click(box);
    await userEvent.keyboard('@');
    const list = within(await canvas.findByRole('listbox', { name: t.mentionSuggestions }, PLAY_WAIT));
    await expect(list.getAllByRole('option')).toHaveLength(3);
    await userEvent.keyboard('{ArrowDown}{Enter}');
    await eventually(() => expect((box as HTMLTextAreaElement).value).toMatch(/^@\S+ $/));
  },
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
  play: async (context) => {
    const t = (await playStrings(context, context.args)).features;
    const canvas = within(context.canvasElement);
    // Bob mentioned Alice in the group and in their chat: both rows carry the @ badge.
    await eventually(() => expect(canvas.getAllByText(t.mentionBadge(1))).toHaveLength(2));
    // Opening the group reads it: its badge goes, the other stays.
    await userEvent.click(canvas.getByRole('button', { name: /^team/i }));
    await eventually(() => expect(canvas.getAllByText(t.mentionBadge(1))).toHaveLength(1));
  },
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
  play: async (context) => {
    const t = (await playStrings(context, context.args)).features;
    const canvas = within(context.canvasElement);
    const unread = `${t.threadReplies(2)} · ${t.threadUnread(2)}`;
    await userEvent.click(await canvas.findByRole('button', { name: unread }, PLAY_WAIT));
    const panel = within(await canvas.findByRole('complementary', { name: t.thread }, PLAY_WAIT));
    await expect(await panel.findByText('Second half is mine', {}, PLAY_WAIT)).toBeVisible();
    // Open at its newest reply, the thread is read: the count shows no new replies.
    await expect(await canvas.findByRole('button', { name: t.threadReplies(2) }, PLAY_WAIT)).toBeVisible();
    await expect(panel.queryByText(t.threadUnread(2))).toBeNull();
  },
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
  play: async (context) => {
    const t = (await playStrings(context)).features;
    const panel = within(await screen.findByRole('complementary', { name: t.thread }, PLAY_WAIT));
    await expect(await panel.findByText('Works for me', {}, PLAY_WAIT)).toBeVisible();
    // The reply box has the focus: Alice types and sends with Enter.
    const box = panel.getByRole('textbox', { name: t.threadReplyLabel });
    await eventually(() => expect(box).toHaveFocus());
    await userEvent.keyboard('See you at the lake{Enter}');
    await expect(await panel.findByText('See you at the lake', {}, PLAY_WAIT)).toBeVisible();
    await expect(box).toHaveValue('');
  },
};

const forward = () =>
  withMessage(['alice', 'bob', 'carol'], 'single:bob', async ({ alice, bob, carol }) => {
    await alice!.createGroup({ groupId: 'team', name: 'Team', members: ['bob', 'carol'] });
    await carol!.sendText('single:alice', 'Hi Alice');
    await alice!.sendText('group:team', 'Morning all');
    return bob!.sendText('single:alice', 'The door code is 4711');
  });

/** The forward dialog calls this when it is done (its play checks it was). */
const forwardClosed = fn();

export const Forward: Story = {
  render: () => (
    <SceneGate setup={forward}>
      {(scene) => (
        <ForwardDialog
          message={scene.message}
          from={scene.conversation}
          displayName={displayName}
          onClose={forwardClosed}
        />
      )}
    </SceneGate>
  ),
  play: async (context) => {
    const t = (await playStrings(context)).features;
    forwardClosed.mockClear();
    const dialog = within(await screen.findByRole('dialog', { name: t.forwardTitle }, PLAY_WAIT));
    const forwardButton = dialog.getByRole('button', { name: t.forward });
    await userEvent.click(await dialog.findByRole('checkbox', { name: /^team$/i }, PLAY_WAIT));
    await expect(dialog.getByRole('checkbox', { name: /^team$/i })).toBeChecked();
    await userEvent.click(forwardButton);
    // Forwarded without a refusal: the dialog closes itself.
    await eventually(() => expect(forwardClosed).toHaveBeenCalled());
    await expect(dialog.queryByRole('alert')).toBeNull();
  },
};
