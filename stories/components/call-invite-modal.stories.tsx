// Stories: natter's CallInviteModal on real clients — an incoming call, an
// outgoing call, a group call (incoming, and outgoing with each invitee's
// answer), and a call that timed out: the embedded server runs on a manual
// clock that the story moves past the invitation's deadline.
import type { Meta, StoryObj } from '@storybook/react-vite';
import { useEffect, useRef, type ReactNode } from 'react';
import { createManualClock, type ChatClient, type EmbeddedServer, type ManualClock } from '../../src/entries/index';
import { useInvitations } from '../../src/entries/react';
import { CallInviteModal, callData, type CallInviteModalProps } from '../../src/entries/ui';
import { withNatter } from '../support/natter-decorator';
import { SceneGate, StoryFrame, displayName } from '../support/scene';
import { peopleScene, type PeopleOptions } from '../support/two-user-scene';

const meta: Meta<typeof CallInviteModal> = {
  title: 'Components/CallInviteModal',
  component: CallInviteModal,
  decorators: [withNatter],
  parameters: { layout: 'fullscreen' },
};
export default meta;
type Story = StoryObj<typeof CallInviteModal>;

function Calls({
  caption,
  options,
  script,
  args,
  children,
}: {
  caption: string;
  options?: PeopleOptions;
  script: (p: Record<string, ChatClient>, s: EmbeddedServer) => Promise<void>;
  args: Partial<CallInviteModalProps>;
  children?: ReactNode;
}): ReactNode {
  return (
    <SceneGate setup={() => peopleScene(options ?? {}, script)}>
      {() => (
        <StoryFrame caption={caption} width={520} height={420}>
          <CallInviteModal displayName={displayName} {...args} />
          {children}
        </StoryFrame>
      )}
    </SceneGate>
  );
}

export const Incoming: Story = {
  render: (args) => (
    <Calls
      caption="Bob is calling Alice (video, 60 s to answer, counted down from the server's deadline). Accept, Decline, or press Escape."
      args={args}
      script={async ({ bob }) => void (await bob!.invite('alice', { data: callData('video'), timeout: 60 }))}
    />
  ),
};

export const Outgoing: Story = {
  render: (args) => (
    <Calls
      caption="Alice is calling Bob (voice): Cancel ends it for both."
      args={args}
      script={async ({ alice }) => void (await alice!.invite('bob', { data: callData('audio'), timeout: 60 }))}
    />
  ),
};

export const GroupIncoming: Story = {
  render: (args) => (
    <Calls
      caption="Bob calls the “Weekend hike” group; Alice sees the group's name."
      args={args}
      options={{ users: ['alice', 'bob', 'carol'] }}
      script={async ({ bob }) => {
        await bob!.createGroup({ groupId: 'hike', name: 'Weekend hike', members: ['alice', 'carol'] });
        await bob!.inviteInGroup('hike', ['alice', 'carol'], { data: callData('video'), timeout: 60 });
      }}
    />
  ),
};

export const GroupOutgoing: Story = {
  render: (args) => (
    <Calls
      caption="Alice calls three group members: Carol declined, Dave and Erin have not answered yet — each invitee's answer is listed."
      args={args}
      options={{ users: ['alice', 'carol', 'dave', 'erin'] }}
      script={async ({ alice, carol }) => {
        await alice!.createGroup({ groupId: 'standup', name: 'Standup', members: ['carol', 'dave', 'erin'] });
        const { invitation } = await alice!.inviteInGroup('standup', ['carol', 'dave', 'erin'], {
          data: callData('audio'),
          timeout: 60,
        });
        await carol!.rejectInvitation(invitation.inviteId);
      }}
    />
  ),
};

/** Once Alice's client shows the call ringing, moves the server's manual clock past its deadline. */
function AdvanceWhenRinging({ clock, ms }: { clock: ManualClock; ms: number }): ReactNode {
  const { incoming } = useInvitations();
  const moved = useRef(false);
  useEffect(() => {
    if (incoming.length === 0 || moved.current) return;
    moved.current = true;
    // A moment of ringing first, so the dialog is on screen when the timeout arrives.
    const t = setTimeout(() => clock.advance(ms), 500);
    return () => clearTimeout(t);
  }, [incoming.length, clock, ms]);
  return null;
}

export const TimedOut: Story = {
  args: { noticeMs: 10 * 60_000 },
  render: (args) => {
    const clock = createManualClock(Date.now());
    return (
      <Calls
        caption="Bob's call rang for its 30 s and the server timed it out (its manual clock was moved 31 s): Alice's dialog says “Missed call” (kept up here by noticeMs)."
        args={args}
        options={{ server: { clock } }}
        script={async ({ bob }) => void (await bob!.invite('alice', { data: callData('audio'), timeout: 30 }))}
      >
        <AdvanceWhenRinging clock={clock} ms={31_000} />
      </Calls>
    );
  },
};
