// Stories: the conversation features in Alice's chat with Bob, each reached
// with real clients on the embedded server — reactions (counts, Alice's own
// pressed), a quoted reply and a reply to a message deleted since, an edited
// message, a pinned message, a forwarded message, a message Alice deleted for
// herself. Open a message's actions menu (Enter or ⋯) for React, Reply, Edit,
// Pin and Delete. Each play acts as Alice would (by role and label, in the
// toolbar's locale) and checks what she sees.
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, within } from 'storybook/test';
import { MessageList } from '../../src/entries/ui';
import { withNatter } from '../support/natter-decorator';
import { peopleScene } from '../support/two-user-scene';
import { eventually, messageRow, openActions, playStrings } from '../support/play-kit';
import { ConversationView, type ListArgs } from './conversation-view';

const meta: Meta<typeof MessageList> = {
  title: 'Components/MessageList/Features',
  component: MessageList,
  decorators: [withNatter],
  parameters: { layout: 'fullscreen' },
};
export default meta;
type Story = StoryObj<typeof MessageList>;

export const Reactions: Story = {
  render: (args: ListArgs) => (
    <ConversationView
      caption="Bob and Alice reacted: each emoji shows its count; Alice's own reactions are pressed (click one to take it back)."
      args={args}
      setup={() =>
        peopleScene({}, async ({ alice, bob }) => {
          const m = await bob!.sendText('single:alice', 'We shipped it 🚀');
          await bob!.react(m.serverId, '🎉');
          await alice!.react(m.serverId, '🎉');
          await alice!.react(m.serverId, '❤️');
        })
      }
    />
  ),
  play: async (context) => {
    const t = (await playStrings(context)).features;
    const row = within(await messageRow(context.canvasElement, 'We shipped it'));
    const party = await row.findByRole('button', { name: t.reaction('🎉', 2, true) });
    await expect(party).toHaveAttribute('aria-pressed', 'true');
    // Alice takes her 🎉 back: Bob's stays, no longer pressed.
    await userEvent.click(party);
    await eventually(() =>
      expect(row.getByRole('button', { name: t.reaction('🎉', 1, false) })).toHaveAttribute('aria-pressed', 'false'),
    );
    await userEvent.click(row.getByRole('button', { name: t.reaction('❤️', 1, true) }));
    await eventually(() => expect(row.queryByRole('button', { name: t.reaction('❤️', 1, true) })).toBeNull());
  },
};

export const RepliesAndEdits: Story = {
  render: (args: ListArgs) => (
    <ConversationView
      caption="Alice replied with a quote (click it to go to the original), Bob edited his message (marked edited), and a reply whose original was deleted shows that."
      args={args}
      setup={() =>
        peopleScene({}, async ({ alice, bob }) => {
          const plan = await bob!.sendText('single:alice', 'Meet at 5?');
          await alice!.sendText('single:bob', 'Works for me', { replyTo: plan.serverId });
          await bob!.editText(plan.serverId, 'Meet at 6?');
          const oops = await bob!.sendText('single:alice', 'wrong chat, sorry');
          await alice!.sendText('single:bob', '??', { replyTo: oops.serverId });
          await bob!.deleteMessage(oops.serverId, 'everyone');
        })
      }
    />
  ),
  play: async (context) => {
    const t = (await playStrings(context)).features;
    const plan = await messageRow(context.canvasElement, 'Meet at 6?');
    await expect(within(plan).getByText(t.edited)).toBeVisible();
    const reply = within(await messageRow(context.canvasElement, 'Works for me'));
    await expect(reply.getByTitle(t.inReplyTo('Bob'))).toHaveTextContent('Meet at 6?');
    const gone = within(await messageRow(context.canvasElement, '??'));
    await expect(gone.getByText(t.quoteGone)).toBeVisible();
    // The quote jumps to the original: focus lands on its row.
    await userEvent.click(reply.getByTitle(t.inReplyTo('Bob')));
    await eventually(() => expect(document.activeElement?.textContent ?? '').toContain('Meet at 6?'));
  },
};

export const PinsForwardsAndDeletes: Story = {
  render: (args: ListArgs) => (
    <ConversationView
      caption="Bob pinned the address (Alice's menu offers Unpin), forwarded a note from Carol, and Alice deleted one message for herself only."
      args={args}
      setup={() =>
        peopleScene({ users: ['alice', 'bob', 'carol'] }, async ({ alice, bob, carol }) => {
          const address = await bob!.sendText('single:alice', '12 Harbour Street, 3rd floor');
          await bob!.pin(address.serverId);
          const note = await carol!.sendText('single:bob', 'Bring the slides 📎');
          await bob!.forward(note.serverId, 'single:alice');
          const noise = await bob!.sendText('single:alice', 'ignore this one');
          await alice!.deleteMessage(noise.serverId, 'me');
        })
      }
    />
  ),
  play: async (context) => {
    const t = (await playStrings(context)).features;
    const canvas = within(context.canvasElement);
    await expect(await canvas.findByText(t.forwarded('Carol'), { exact: false })).toBeVisible();
    await expect(canvas.queryByText('ignore this one')).toBeNull();
    // Alice unpins the address from its menu (keyboard); the menu then offers Pin.
    const address = await messageRow(context.canvasElement, '12 Harbour Street');
    await userEvent.click(within(await openActions(address)).getByRole('menuitem', { name: t.unpin }));
    await eventually(async () => {
      const menu = within(await openActions(address));
      await expect(menu.getByRole('menuitem', { name: t.pin })).toBeVisible();
      await userEvent.keyboard('{Escape}');
    });
  },
};
