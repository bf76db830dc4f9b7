// Owns the view most MessageList stories render: a caption, then the scene's
// conversation as natter's MessageList (and optionally its MessageInput).
import { useEffect, useRef, type ReactNode } from 'react';
import type { ConversationId } from '../../src/entries/index';
import { useConversation } from '../../src/entries/react';
import { MessageInput, MessageList, type MessageListProps } from '../../src/entries/ui';
import { SceneGate, StoryFrame, displayName, type Scene } from '../support/scene';

export type ListArgs = Partial<Omit<MessageListProps, 'conversationId'>>;

export function ConversationView<S extends Scene>({
  setup,
  caption,
  args = {},
  input = false,
  extra,
  height,
  live,
}: {
  setup: () => Promise<S>;
  caption?: ReactNode;
  args?: ListArgs;
  input?: boolean;
  extra?: (scene: S) => ReactNode;
  height?: number;
  /** Runs once the list has its first page: for steps whose events the viewer must receive live (receipts). */
  live?: (scene: S) => Promise<void>;
}): ReactNode {
  return (
    <SceneGate setup={setup}>
      {(scene) => (
        <StoryFrame caption={caption} {...(height ? { height } : {})}>
          {extra?.(scene)}
          {live ? <OnceLoaded conversation={scene.conversation} run={() => live(scene)} /> : null}
          <div style={{ flex: 1, minHeight: 0 }}>
            <MessageList conversationId={scene.conversation} displayName={displayName} {...args} />
          </div>
          {input ? <MessageInput conversationId={scene.conversation} displayName={displayName} /> : null}
        </StoryFrame>
      )}
    </SceneGate>
  );
}

/** Runs `run` once, after the conversation's first history page has loaded. */
function OnceLoaded({ conversation, run }: { conversation: ConversationId; run: () => Promise<void> }): ReactNode {
  const { historyLoaded } = useConversation(conversation);
  const done = useRef(false);
  useEffect(() => {
    if (!historyLoaded || done.current) return;
    done.current = true;
    void run();
  }, [historyLoaded, run]);
  return null;
}
