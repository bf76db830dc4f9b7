// Owns the view most MessageList stories render: a caption, then the scene's
// conversation as natter's MessageList (and optionally its MessageInput).
import type { ReactNode } from 'react';
import { MessageInput, MessageList, type MessageListProps } from '../../src/entries/ui';
import { SceneGate, StoryFrame, displayName, type Scene } from '../support/scene';

export type ListArgs = Partial<Omit<MessageListProps, 'conversationId'>>;

export function ConversationView<S extends Scene>({
  setup, caption, args = {}, input = false, extra, height,
}: { setup: () => Promise<S>; caption?: ReactNode; args?: ListArgs; input?: boolean; extra?: (scene: S) => ReactNode; height?: number }): ReactNode {
  return (
    <SceneGate setup={setup}>
      {(scene) => (
        <StoryFrame caption={caption} {...(height ? { height } : {})}>
          {extra?.(scene)}
          <div style={{ flex: 1, minHeight: 0 }}>
            <MessageList conversationId={scene.conversation} displayName={displayName} {...args} />
          </div>
          {input ? <MessageInput conversationId={scene.conversation} displayName={displayName} /> : null}
        </StoryFrame>
      )}
    </SceneGate>
  );
}
