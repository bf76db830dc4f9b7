// The Headless example's source beside the example running live: the docs
// tab of Headless/Hooks only needs @storybook/addon-docs (not installed), so
// this page shows the same file (stories/headless/headless-chat.tsx) as text.
import type { Meta, StoryObj } from '@storybook/react-vite';
import { HeadlessChat } from '../headless/headless-chat';
import source from '../headless/headless-chat.tsx?raw';
import { Code, DocPage, Live } from './doc-page';

const meta: Meta = { title: 'Docs/Headless source', parameters: { layout: 'fullscreen' } };
export default meta;

export const HeadlessSource: StoryObj = {
  name: 'Headless source',
  render: () => (
    <DocPage title="A custom UI with the hooks only">
      <p>
        This is <code>stories/headless/headless-chat.tsx</code>: a conversation list, a thread with a composer and
        incoming calls, built with <code>useConversationList</code>, <code>useConversation</code>,{' '}
        <code>useConnectionState</code> and <code>useInvitations</code> — no natter components.
      </p>
      <Live>
        <HeadlessChat />
      </Live>
      <Code>{source}</Code>
    </DocPage>
  ),
};
