// The Playground story: three users on one embedded server, side by side.
import type { Meta, StoryObj } from '@storybook/react-vite';
import { Playground } from './playground';
import './playground.css';

const meta: Meta<typeof Playground> = {
  title: 'Playground',
  component: Playground,
  parameters: { layout: 'fullscreen' },
  argTypes: {
    theme: { control: 'inline-radio', options: ['light', 'dark', 'auto'] },
    locale: { control: 'select', options: ['en', 'zh-CN', 'zh-TW', 'ja', 'ko', 'es', 'fr', 'de', 'pt-BR', 'ru', 'ar'] },
  },
  args: { theme: 'light', locale: 'en', history: 0 },
};
export default meta;

export const ThreeUsers: StoryObj<typeof Playground> = {};
export const Dark: StoryObj<typeof Playground> = { args: { theme: 'dark' } };
export const Chinese: StoryObj<typeof Playground> = { args: { locale: 'zh-CN' } };
/** Alice and Bob share 1,500 older messages: scroll up in Alice's pane, then send from Bob. */
export const LongHistory: StoryObj<typeof Playground> = { args: { history: 1500 } };
export const Arabic: StoryObj<typeof Playground> = { args: { locale: 'ar' } };
