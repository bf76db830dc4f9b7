// Owns the header of the open conversation in Chat: a back button (shown on
// narrow layouts), avatar and name (a single chat's peer's profile picture and
// presence, in words or as last seen under the name), who is typing, and
// voice/video call buttons that invite the peer (or the group's other members)
// through useInvitations.
import { useState, type ReactNode } from 'react';
import type { ConversationId } from '../../protocol/ids';
import {
  parseConversationId,
  useCall,
  useChatUser,
  useGroup,
  useInvitations,
  useProfile,
  useTyping,
} from '../../react';
import { callData, type CallType } from '../call-invite-modal/call-type';
import { Avatar } from '../conversation-list/avatar';
import { PresenceDot } from '../conversation-list/presence-dot';
import { useStrings } from '../i18n';
import { PresenceLine } from './presence-line';

export interface ChatHeaderProps {
  conversationId: ConversationId;
  name: string;
  avatarUrl?: string | undefined;
  displayName(userId: string): string;
  /** Seconds the server lets a call ring (default 30). */
  callTimeout: number;
  /** Which call buttons to show. */
  calls: readonly CallType[];
  /** 'media': the buttons start a call with audio/video (useCall); 'invite-only': they only send the invitation. */
  calling: 'media' | 'invite-only';
  onBack(): void;
  titleId: string;
}

export function ChatHeader({
  conversationId,
  name,
  avatarUrl,
  displayName,
  callTimeout,
  calls,
  calling,
  onBack,
  titleId,
}: ChatHeaderProps): ReactNode {
  const strings = useStrings();
  const t = strings.conversationList;
  const c = strings.call;
  const user = useChatUser();
  const { invite, inviteInGroup, outgoing } = useInvitations();
  const { typing } = useTyping(conversationId);
  const target = parseConversationId(conversationId);
  const { group } = useGroup(target?.type === 'group' ? target.target : undefined);
  const peer = target?.type === 'single' ? target.target : undefined;
  const profile = useProfile(peer);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const invitees =
    target?.type === 'single'
      ? [target.target]
      : target?.type === 'group'
        ? (group?.members ?? []).filter((u) => u !== user)
        : [];
  const media = useCall();
  const inCall = media.call !== null && media.call.phase !== 'ended';
  const ringing = outgoing.length > 0;
  const canCall = invitees.length > 0 && !ringing && !busy && !inCall;

  const call = async (type: CallType) => {
    if (!target || !canCall) return;
    setBusy(true);
    setError(null);
    try {
      // A callee with no live session is told by an offline push: who calls, and how.
      const offlinePushInfo = {
        title: displayName(user),
        description: type === 'video' ? c.incomingVideo : c.incomingVoice,
      };
      const options = { data: callData(type), timeout: callTimeout, offlinePushInfo };
      if (calling === 'media')
        await media.start(conversationId, type, {
          timeout: callTimeout,
          offlinePushInfo,
          ...(target.type === 'group' ? { invitees } : {}),
        });
      else if (target.type === 'single') await invite(target.target, options);
      else await inviteInGroup(target.target, invitees, options);
    } catch (e) {
      // Device problems are explained by the call view.
      if (calling === 'media' && media.mediaError === null && e instanceof Error && e.name === 'CallMediaError') return;
      setError(t.callFailed(e instanceof Error ? e.message : String(e)));
    } finally {
      setBusy(false);
    }
  };

  const others = typing.filter((u) => u !== user).map(displayName);
  return (
    <header className="natter-chat__header">
      <button type="button" className="natter-chat__back" aria-label={t.backToList} onClick={onBack}>
        <span aria-hidden="true">‹</span>
      </button>
      <span className="natter-avatar-wrap">
        <Avatar id={conversationId} name={name} src={avatarUrl ?? profile?.avatar ?? null} />
        {peer !== undefined && <PresenceDot user={peer} />}
      </span>
      <div className="natter-chat__heading">
        <h2 id={titleId} className="natter-chat__title">
          {name}
        </h2>
        {others.length > 0 ? (
          <p className="natter-chat__typing">{strings.input.typing(others)}</p>
        ) : peer !== undefined ? (
          <PresenceLine user={peer} />
        ) : null}
      </div>
      {invitees.length > 0 && (
        <div className="natter-chat__calls">
          {calls.map((type) => (
            <button
              key={type}
              type="button"
              className={`natter-chat__call natter-chat__call--${type}`}
              disabled={!canCall}
              onClick={() => void call(type)}
            >
              {type === 'video' ? c.videoCall : c.voiceCall}
            </button>
          ))}
        </div>
      )}
      {error && (
        <p className="natter-chat__error" role="alert">
          {error}
        </p>
      )}
    </header>
  );
}
