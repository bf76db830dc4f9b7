// Owns the listener set of the Easemob document (`conn.listen({...})`) as the
// WebIM facade types it: which listener gets which shape.
import type {
  AudioMessage,
  Blacklist,
  CmdMessage,
  CustomMessage,
  EmojiMessage,
  FileMessage,
  InviteMessage,
  LocationMessage,
  PictureMessage,
  PresenceMessage,
  RecallMessage,
  ReceiptMessage,
  RosterItem,
  StatisticMessage,
  TextMessage,
  VideoMessage,
} from './received-types';
import type { WebIMError } from './core-types';

export interface Listeners {
  onOpened?: () => void;
  onClosed?: () => void;
  onTextMessage?: (message: TextMessage) => void;
  onEmojiMessage?: (message: EmojiMessage) => void;
  onPictureMessage?: (message: PictureMessage) => void;
  onCmdMessage?: (message: CmdMessage) => void;
  onAudioMessage?: (message: AudioMessage) => void;
  onLocationMessage?: (message: LocationMessage) => void;
  onFileMessage?: (message: FileMessage) => void;
  onCustomMessage?: (message: CustomMessage) => void;
  onVideoMessage?: (message: VideoMessage) => void;
  onPresence?: (message: PresenceMessage) => void;
  /** Contacts that appeared or went away (see RosterItem: natter has no friend requests). */
  onRoster?: (roster: RosterItem[]) => void;
  /** Someone else added this user to a group (after onPresence `direct_joined`; see InviteMessage). */
  onInviteMessage?: (message: InviteMessage) => void;
  onOnline?: () => void;
  onOffline?: () => void;
  onError?: (message: WebIMError) => void;
  onBlacklistUpdate?: (list: Blacklist) => void;
  onRecallMessage?: (message: RecallMessage) => void;
  onReceivedMessage?: (message: ReceiptMessage) => void;
  onDeliveredMessage?: (message: ReceiptMessage) => void;
  onReadMessage?: (message: ReceiptMessage) => void;
  onCreateGroup?: (message: PresenceMessage) => void;
  onMutedMessage?: (message: ReceiptMessage) => void;
  onChannelMessage?: (message: ReceiptMessage) => void;
  onStatisticMessage?: (message: StatisticMessage) => void;
  /** A message's reactions changed (the whole list, as getReactionList gives it). */
  onReactionChange?: (change: {
    conversationId: string;
    messageId: string;
    reactions: Array<{ reaction: string; count: number; isAddedBySelf: boolean; userList: string[] }>;
    from: string;
  }) => void;
  /** Someone else edited a message: the message as received, with `modifiedInfo`. */
  onModifiedMessage?: (
    message: Record<string, unknown> & { modifiedInfo: { operationTime: number; operatorId: string } },
  ) => void;
}

export type ListenerName = keyof Listeners;
export type ListenerArg<K extends ListenerName> = Parameters<NonNullable<Listeners[K]>>[0];
