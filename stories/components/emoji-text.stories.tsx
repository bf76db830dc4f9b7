// Story: EmojiText with its props documented — text parsed into Unicode emoji,
// custom image emoji (Easemob-style map) and links, never into HTML.
import type { Meta, StoryObj } from '@storybook/react-vite';
import { EmojiText } from '../../src/entries/ui';
import { withNatter } from '../support/natter-decorator';

const meta: Meta<typeof EmojiText> = {
  title: 'Components/Building blocks/EmojiText',
  component: EmojiText,
  decorators: [withNatter],
  parameters: { layout: 'padded' },
  args: {
    text: 'Great news 🎉 the flags 🇯🇵🇧🇷 and families 👨‍👩‍👧 stay whole — docs at https://example.com',
    largeEmojiMax: 3,
    links: true,
  },
};
export default meta;
type Story = StoryObj<typeof EmojiText>;

export const MixedText: Story = {};
export const EmojiOnly: Story = { args: { text: '😂👍🏽' } };
export const Inert: Story = { args: { text: '<img src=x onerror=alert(1)> javascript:alert(1) stays text' } };
