// Story: ReadReceipt's marks with its props documented. ReadReceipt is a pure
// component of a status; the same marks on real messages are in MessageList/Status.
import type { Meta, StoryObj } from '@storybook/react-vite';
import { ReadReceipt } from '../../src/entries/ui';
import { withNatter } from '../support/natter-decorator';

const meta: Meta<typeof ReadReceipt> = {
  title: 'Components/Building blocks/ReadReceipt',
  component: ReadReceipt,
  decorators: [withNatter],
  parameters: { layout: 'padded' },
  argTypes: { status: { control: 'select', options: ['pending', 'sent', 'delivered', 'read', 'failed'] } },
  args: { status: 'read', readCount: 0, group: false },
};
export default meta;

export const Marks: StoryObj<typeof ReadReceipt> = {
  render: (args) => (
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
      <span>From the controls:</span>
      <ReadReceipt {...args} />
      {(['pending', 'sent', 'delivered', 'read', 'failed'] as const).map((s) => (
        <div key={s} style={{ display: 'contents' }}>
          <span>{s}</span>
          <ReadReceipt status={s} />
        </div>
      ))}
      <span>group, read by 3</span>
      <ReadReceipt status="read" group readCount={3} />
    </div>
  ),
};
