// Stories: the ready Chat layout on Alice's real client — light, dark, and in
// Simplified Chinese with Chinese conversation content.
import type { Meta, StoryObj } from '@storybook/react-vite';
import { Chat, callData, type ChatProps } from '../../src/entries/ui';
import { withNatter } from '../support/natter-decorator';
import { makePicture } from '../support/sample-media';
import { SceneGate, displayName } from '../support/scene';
import { peopleScene } from '../support/two-user-scene';

const meta: Meta<typeof Chat> = {
  title: 'Components/Chat',
  component: Chat,
  decorators: [withNatter],
  parameters: { layout: 'fullscreen' },
};
export default meta;
type Story = StoryObj<typeof Chat>;

const english = () =>
  peopleScene({ users: ['alice', 'bob', 'carol'] }, async ({ alice, bob, carol }) => {
    await alice!.createGroup({ groupId: 'team', name: 'Team', members: ['bob', 'carol'] });
    await carol!.sendText('group:team', 'Standup in 5 minutes ⏰');
    await bob!.sendText('single:alice', 'Morning! Did you see the new build?');
    await alice!.sendText('single:bob', 'Yes — the read receipts are great 👍');
    const picture = await makePicture();
    await bob!.sendFile('single:alice', 'img', picture, { width: 320, height: 200 });
    await bob!.sendText('single:alice', 'Here is the view from the new office 🌅');
  });

const chinese = () =>
  peopleScene({ users: ['alice', 'bob', 'carol'] }, async ({ alice, bob, carol }) => {
    await alice!.createGroup({ groupId: 'team', name: '产品组', members: ['bob', 'carol'] });
    await carol!.sendText('group:team', '大家好，五分钟后开站会 ⏰');
    await bob!.sendText('single:alice', '早上好！新版本你看了吗？');
    await alice!.sendText('single:bob', '看了，已读回执很好用 👍');
    const { invitation } = await bob!.invite('alice', { data: callData('video'), timeout: 30 });
    await alice!.rejectInvitation(invitation.inviteId);
    await bob!.sendText('single:alice', '那我们下午再通话吧。');
  });

const names: Record<string, string> = { alice: '爱丽丝', bob: '小博', carol: '卡萝' };

export const Light: Story = {
  render: (args: Partial<ChatProps>) => (
    <SceneGate setup={english}>
      {() => (
        <Chat
          theme="light"
          displayName={displayName}
          defaultConversationId="single:bob"
          style={{ height: '100vh' }}
          {...args}
        />
      )}
    </SceneGate>
  ),
};

export const DarkTheme: Story = {
  parameters: { natter: { theme: 'dark' } },
  render: (args: Partial<ChatProps>) => (
    <SceneGate setup={english}>
      {() => (
        <Chat
          theme="dark"
          displayName={displayName}
          defaultConversationId="single:bob"
          style={{ height: '100vh' }}
          {...args}
        />
      )}
    </SceneGate>
  ),
};

export const ChineseStrings: Story = {
  parameters: { natter: { locale: 'zh-CN' } },
  render: (args: Partial<ChatProps>) => (
    <SceneGate setup={chinese}>
      {() => (
        <Chat
          theme="light"
          locale="zh-CN"
          displayName={(id) => names[id] ?? id}
          defaultConversationId="single:bob"
          style={{ height: '100vh' }}
          {...args}
        />
      )}
    </SceneGate>
  ),
};
