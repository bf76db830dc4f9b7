// Owns PinsStrip: the pinned messages of a conversation above its messages,
// newest first. Each one is a button that takes the reader to the message
// (the caller opens the list's jump window at it); those allowed to pin (both
// users of a single chat, a group's owner and admins) get an unpin button
// beside it. A failed unpin is announced and the pin stays. This user's pins
// and unpins that wait for the server show at once; a waiting pin is marked as
// not sent yet.
import { useState, type ReactNode } from 'react';
import type { ConversationId } from '../../protocol/ids';
import type { Message } from '../../protocol/message';
import { parseConversationId, useChatUser, useGroup, useMessageActions, usePins } from '../../react';
import { useStrings, type Locale } from '../i18n';

export interface PinsStripProps {
  conversationId: ConversationId;
  /** Go to the pinned message with this serverId. */
  onJump(serverId: string): void;
  displayName?(userId: string): string;
  locale?: Locale;
  className?: string;
}

const identity = (u: string) => u;

function preview(m: Message | undefined): string {
  if (!m) return '…';
  return m.body.type === 'txt' ? m.body.msg : `[${m.body.type}]`;
}

/** Draws nothing while the conversation has no pins. */
export function PinsStrip({
  conversationId,
  onJump,
  displayName = identity,
  locale,
  className,
}: PinsStripProps): ReactNode {
  const t = useStrings(locale).features;
  const me = useChatUser();
  const { pins, messages, waiting } = usePins(conversationId);
  const actions = useMessageActions();
  const [error, setError] = useState<string | null>(null);
  const target = parseConversationId(conversationId);
  const { group } = useGroup(target?.type === 'group' ? target.target : undefined);
  const canUnpin =
    target?.type === 'single' || (group !== undefined && (group.owner === me || group.admins.includes(me)));
  if (pins.length === 0) return null;
  const unpin = (serverId: string) => {
    setError(null);
    actions.unpin(serverId).catch((e: unknown) => setError(t.actionFailed(e instanceof Error ? e.message : String(e))));
  };
  return (
    <section className={['natter-pins', className].filter(Boolean).join(' ')} aria-label={t.pinned}>
      <ul className="natter-pins__list">
        {pins.map((p) => {
          const m = messages.get(p.serverId);
          const from = m ? displayName(m.from) : '';
          return (
            <li key={p.serverId} className="natter-pins__item">
              <button
                type="button"
                className="natter-pins__go"
                onClick={() => onJump(p.serverId)}
                title={t.goToPinned(from)}
              >
                <span className="natter-pins__from">{from}</span>{' '}
                <span className="natter-pins__text">{preview(m)}</span>
                {waiting.has(p.serverId) ? (
                  <>
                    {' '}
                    <span className="natter-change-pending" aria-hidden="true">
                      {t.changePending}
                    </span>
                    <span className="natter-visually-hidden">{t.changeWaiting(t.pin)}</span>
                  </>
                ) : null}
              </button>
              {canUnpin ? (
                <button
                  type="button"
                  className="natter-pins__unpin"
                  aria-label={t.unpinFrom(from)}
                  title={t.unpin}
                  onClick={() => unpin(p.serverId)}
                >
                  <span aria-hidden="true">×</span>
                </button>
              ) : null}
            </li>
          );
        })}
      </ul>
      {error ? (
        <p className="natter-pins__error" role="alert">
          {error}
        </p>
      ) : null}
    </section>
  );
}
