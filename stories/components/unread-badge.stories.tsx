// Story: UnreadBadge on Alice's real client: Bob sent her 5 and Carol 150
// messages; the per-conversation badges and the total ("99+").
import type { Meta, StoryObj } from '@storybook/react-vite';
import { UnreadBadge } from '../../src/entries/ui';
import { seedMessages } from '../support/demo-world';
import { withNatter } from '../support/natter-decorator';
import { SceneGate } from '../support/scene';
import { peopleScene } from '../support/two-user-scene';

const meta: Meta<typeof UnreadBadge> = {
  title: 'Components/Building blocks/UnreadBadge',
  component: UnreadBadge,
  decorators: [withNatter],
  parameters: { layout: 'padded' },
};
export default meta;

const unread = () =>
  peopleScene({ users: ['alice', 'bob', 'carol'] }, async ({ bob, carol }) => {
    await seedMessages(bob!, 'single:alice', 5);
    await seedMessages(carol!, 'single:alice', 150);
  });

export const Counts: StoryObj<typeof UnreadBadge> = {
  render: (args) => (
    <SceneGate setup={unread}>
      {() => (
        <div
          style={{
            display: 'grid',
            gridTemplateColumns: 'auto auto',
            gap: '8px 16px',
            alignItems: 'center',
            width: 'max-content',
            padding: 16,
          }}
        >
          <span>Bob (5 unread)</span>
          <UnreadBadge conversationId="single:bob" {...args} />
          <span>Carol (150 unread)</span>
          <UnreadBadge conversationId="single:carol" {...args} />
          <span>Total</span>
          <UnreadBadge {...args} />
        </div>
      )}
    </SceneGate>
  ),
};
