// Stories: natter's ConversationList and UnreadBadge on Alice's real client,
// after other users wrote to her: unread badges (one above 99 shows "99+"),
// previews of media and calls, a group she muted, and a chat she has read.
import type { Meta, StoryObj } from '@storybook/react-vite';
import { createManualClock } from '../../src/entries/index';
import { ConversationList, UnreadBadge, callData, type ConversationListProps } from '../../src/entries/ui';
import { seedMessages } from '../support/demo-world';
import { withNatter } from '../support/natter-decorator';
import { makePicture } from '../support/sample-media';
import { SceneGate, StoryFrame, displayName } from '../support/scene';
import { peopleScene } from '../support/two-user-scene';

const meta: Meta<typeof ConversationList> = {
  title: 'Components/ConversationList',
  component: ConversationList,
  decorators: [withNatter],
  parameters: { layout: 'fullscreen' },
};
export default meta;
type Story = StoryObj<typeof ConversationList>;

const inbox = () => {
  const clock = createManualClock(Date.now() - 5 * 60_000);
  return peopleScene(
    { users: ['alice', 'bob', 'carol', 'dave', 'erin', 'frank'], server: { clock } },
    async ({ alice, bob, carol, dave, erin, frank }) => {
      await erin!.sendText('single:alice', 'Thanks for yesterday!');
      await alice!.markRead('single:erin');
      const missed = await frank!.invite('alice', { data: callData('video'), timeout: 30 });
      void missed;
      clock.advance(31_000);
      await dave!.createGroup({ groupId: 'design', name: 'Design review', members: ['alice', 'bob'] });
      await dave!.sendText('group:design', 'New mockups are up');
      const picture = await makePicture(160, 100, 'mockup.png');
      await dave!.sendFile('group:design', 'img', picture, { width: 160, height: 100 });
      await bob!.sendText('group:design', 'Looks great 😍');
      await alice!.muteConversation('group:design');
      clock.advance(60_000);
      await carol!.sendText('single:alice', 'Are you coming to the standup?');
      await carol!.sendText('single:alice', 'We are starting 🙂');
      await carol!.sendText('single:alice', '[Image] is just text here, not a label');
      clock.advance(60_000);
      await seedMessages(bob!, 'single:alice', 120, (i) => `Ping ${i + 1} — did you see the build is red?`);
    },
  );
};

export const UnreadBadges: Story = {
  render: (args: Partial<ConversationListProps>) => (
    <SceneGate setup={inbox}>
      {() => (
        <StoryFrame
          caption={
            <>
              Alice's inbox: Bob sent 120 unread messages (“99+”), Carol 3, a group with an image that Alice muted
              (struck bell, grey badge), a missed video call from Frank, and Erin's chat that Alice read. Total unread:{' '}
              <UnreadBadge />
            </>
          }
          width={380}
          height={480}
        >
          <ConversationList displayName={displayName} {...args} />
        </StoryFrame>
      )}
    </SceneGate>
  ),
};

export const Empty: Story = {
  render: (args: Partial<ConversationListProps>) => (
    <SceneGate setup={() => peopleScene({ users: ['alice'] }, async () => undefined)}>
      {() => (
        <StoryFrame caption="A new user with no conversations yet." width={380} height={300}>
          <ConversationList displayName={displayName} {...args} />
        </StoryFrame>
      )}
    </SceneGate>
  ),
};
