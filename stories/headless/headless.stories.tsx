// The Headless story: a minimal custom UI made only with the hooks, with its
// source shown in the docs tab.
import type { Meta, StoryObj } from '@storybook/react-vite';
import { ChatProvider } from '../../src/entries/react';
import { useDemoWorld } from '../support/use-demo-world';
import { HeadlessChat } from './headless-chat';
import source from './headless-chat.tsx?raw';

function HeadlessDemo() {
  const { world, error } = useDemoWorld();
  if (error) return <p role="alert">{error.message}</p>;
  if (!world) return <p>Starting the embedded server…</p>;
  return (
    <ChatProvider client={world.clients.alice!}>
      <HeadlessChat />
    </ChatProvider>
  );
}

const meta: Meta<typeof HeadlessDemo> = {
  title: 'Headless/Hooks only',
  component: HeadlessDemo,
  tags: ['autodocs'],
  parameters: { docs: { source: { code: source, language: 'tsx' } } },
};
export default meta;

export const HooksOnly: StoryObj<typeof HeadlessDemo> = {};
