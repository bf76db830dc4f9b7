// Stories: the status of Alice's own messages, each reached with real clients —
// sent (Bob offline), delivered (Bob's client acknowledged delivery), read
// (Bob marked the chat read), a group's read count (readers acknowledged a
// message sent with allowGroupAck), pending (Alice's connection closed), failed
// with Retry (602: Bob removed Alice from the group before she sent), recalled.
import type { Meta, StoryObj } from '@storybook/react-vite';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { ChatClient, ConversationId } from '../../src/entries/index';
import { useChatClient, useConnectionState, useConversation } from '../../src/entries/react';
import { MessageList } from '../../src/entries/ui';
import { withNatter } from '../support/natter-decorator';
import { peopleScene, type PeopleScene } from '../support/two-user-scene';
import { ConversationView, type ListArgs } from './conversation-view';

const meta: Meta<typeof MessageList> = {
  title: 'Components/MessageList/Status',
  component: MessageList,
  decorators: [withNatter],
  parameters: { layout: 'fullscreen' },
};
export default meta;
type Story = StoryObj<typeof MessageList>;

export const Sent: Story = {
  render: (args: ListArgs) => (
    <ConversationView
      caption="Bob is offline: the server stored Alice's messages (one tick) but no client of Bob's has received them."
      args={args}
      setup={() =>
        peopleScene({ users: ['alice'] }, async ({ alice }) => {
          await alice!.sendText('single:bob', 'Call me when you land ✈️');
          await alice!.sendText('single:bob', 'I will be at the office until six.');
        })
      }
    />
  ),
};

export const Delivered: Story = {
  render: (args: ListArgs) => (
    <ConversationView
      caption="Bob's client is online with delivery receipts on: his client received the messages (two ticks), but he has not read them."
      args={args}
      setup={() => peopleScene({}, async () => undefined)}
      live={async ({ people: { alice } }) => {
        await alice!.sendText('single:bob', 'Did the package arrive?');
        await alice!.sendText('single:bob', 'It should say natter on the box 📦');
      }}
    />
  ),
};

export const Read: Story = {
  render: (args: ListArgs) => (
    <ConversationView
      caption="Bob opened the chat and marked it read (a channel ack): Alice's messages show as read."
      args={args}
      setup={() => peopleScene({}, async () => undefined)}
      live={async ({ people: { alice, bob } }) => {
        await alice!.sendText('single:bob', 'Lunch at 12:30?');
        await alice!.sendText('single:bob', 'The new place on the corner 🍜');
        await bob!.markRead('single:alice');
        await bob!.sendText('single:alice', 'Sounds good!');
      }}
    />
  ),
};

export const GroupReadCount: Story = {
  render: (args: ListArgs) => (
    <ConversationView
      caption="In a group, Alice sent with allowGroupAck; Bob and Carol sent read receipts, Dave has not: it shows “Read by 2” (open the message's actions for who read it)."
      args={args}
      setup={() =>
        peopleScene({ users: ['alice', 'bob', 'carol', 'dave'], conversation: 'group:launch' }, async ({ alice }) => {
          await alice!.createGroup({ groupId: 'launch', name: 'Launch crew', members: ['bob', 'carol', 'dave'] });
        })
      }
      live={async ({ people: { alice, bob, carol } }) => {
        const m = await alice!.sendText('group:launch', 'Launch checklist is final — please confirm you read it ✅', {
          config: { allowGroupAck: true },
        });
        await bob!.sendReadReceipt(m.serverId);
        await carol!.sendReadReceipt(m.serverId);
        await carol!.sendText('group:launch', 'Read it, all good.');
      }}
    />
  ),
};

/** Waits for the first history page, then closes Alice's connection and sends: the message stays pending. */
function OfflineSender({ conversation, text }: { conversation: ConversationId; text: string }): ReactNode {
  const client = useChatClient();
  const { historyLoaded, sendText } = useConversation(conversation);
  const { state } = useConnectionState();
  const done = useRef(false);
  useEffect(() => {
    if (!historyLoaded || done.current) return;
    done.current = true;
    client.close();
    void sendText(text);
  }, [historyLoaded, client, sendText, text]);
  const offline = state === 'closed' || state === 'idle';
  return (
    <div style={{ padding: 8, display: 'flex', gap: 8, alignItems: 'center', fontSize: 13 }}>
      <span>Alice's connection: {state}</span>
      <button type="button" disabled={!offline} onClick={() => void client.connect().catch(() => undefined)}>
        Restore connection
      </button>
    </div>
  );
}

export const Pending: Story = {
  render: (args: ListArgs) => (
    <ConversationView
      caption="Alice's connection is closed; her new message waits in the outbox (clock mark). Restore the connection to see it go pending → sent."
      args={args}
      setup={() =>
        peopleScene({}, async ({ bob }) => void (await bob!.sendText('single:alice', 'Are you on the train?')))
      }
      extra={(s) => (
        <OfflineSender conversation={s.conversation} text="Yes, the tunnel is long, this may take a while 🚇" />
      )}
    />
  ),
};

/** Waits for the first page, has Bob remove Alice from the group, then Alice sends: the server answers 602. */
function RemovedSender({ scene }: { scene: PeopleScene }): ReactNode {
  const { historyLoaded, sendText } = useConversation(scene.conversation);
  const [step, setStep] = useState('');
  const done = useRef(false);
  const bob: ChatClient = scene.people.bob!;
  useEffect(() => {
    if (!historyLoaded || done.current) return;
    done.current = true;
    void (async () => {
      await bob.removeGroupMembers('trip', ['alice']);
      await sendText('Who is bringing the tent? ⛺');
      setStep('removed');
    })();
  }, [historyLoaded, bob, sendText]);
  return (
    <div style={{ padding: 8, display: 'flex', gap: 8, alignItems: 'center', fontSize: 13 }}>
      <span>
        {step === 'removed'
          ? 'Bob removed Alice from the group before she sent.'
          : step === 'added'
            ? 'Alice is a member again: press Retry.'
            : ''}
      </span>
      <button
        type="button"
        disabled={step !== 'removed'}
        onClick={() => void bob.addGroupMembers('trip', ['alice']).then(() => setStep('added'))}
      >
        Bob adds Alice back
      </button>
    </div>
  );
}

export const FailedWithRetry: Story = {
  render: (args: ListArgs) => (
    <ConversationView
      caption="The server refused Alice's message with 602 (not a member of this group): it shows as failed with Retry and Delete."
      args={args}
      setup={() =>
        peopleScene({ users: ['alice', 'bob'], conversation: 'group:trip' }, async ({ bob }) => {
          await bob!.createGroup({ groupId: 'trip', name: 'Camping trip', members: ['alice'] });
          await bob!.sendText('group:trip', 'Trip is on for Saturday 🏕️');
        })
      }
      extra={(s) => <RemovedSender scene={s} />}
    />
  ),
};

export const Recalled: Story = {
  render: (args: ListArgs) => (
    <ConversationView
      caption="Recalled messages become tombstones for everyone: one of Bob's and one of Alice's. Alice's newest message can still be recalled from its actions (within 2 minutes)."
      args={args}
      setup={() =>
        peopleScene({}, async ({ alice, bob }) => {
          const b = await bob!.sendText('single:alice', 'Here is the wifi password: hunter2');
          await bob!.recall(b.serverId);
          await bob!.sendText('single:alice', 'Oops, wrong chat.');
          const a = await alice!.sendText('single:bob', 'No worries, I did not see it');
          await alice!.recall(a.serverId);
          await alice!.sendText('single:bob', 'Actually I saw it 😄 — you can recall this one from its actions.');
        })
      }
    />
  ),
};
