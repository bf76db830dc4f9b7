// Owns MessageInput: the composer of one conversation. Enter sends, Shift+Enter
// adds a line (never while an IME is composing); images and files arrive by
// paste, drop or the file dialog and are staged with a preview (staged-files.tsx,
// loaded with the first file) before they are uploaded (progress, cancel) and sent; an emoji-mart picker inserts at the
// caret; an `@` offers the members to mention; keystrokes drive the typing
// indicator.
import { useCallback, useLayoutEffect, useRef, type ClipboardEvent, type KeyboardEvent, type ReactNode } from 'react';
import {
  useChatUser,
  useComposer,
  useDisplayName,
  useDraft,
  useMessageActions,
  useMessageSenders,
  useServerLimits,
  useTyping,
} from '../../react';
import type { ConversationId } from '../../protocol/ids';
import { useStrings, type Locale } from '../i18n';
import { lazyChunk, useLazyChunk } from '../lazy-chunk';
import { AttachButton } from './attach-button';
import { ComposerBanner } from './composer-banner';
import { EmojiPickerButton } from './emoji-picker-button';
import { insertAt } from './insert-at-caret';
import { MentionSuggestions } from './mention-suggestions';
import { filesFromTransfer } from './transfer-files';
import { useAttachments } from './use-attachments';
import { useFileDrop } from './use-file-drop';
import { useMentionPicker } from './use-mention-picker';

export interface MessageInputProps {
  conversationId: ConversationId;
  /** UI language; defaults to the surrounding LocaleProvider's. */
  locale?: Locale;
  placeholder?: string;
  disabled?: boolean;
  /** Theme of the emoji picker popup (default 'auto'). */
  emojiTheme?: 'light' | 'dark' | 'auto';
  /** Show the emoji picker button (default true). */
  emojiPicker?: boolean;
  /** `accept` of the file dialog; default: the server's allowed types. */
  accept?: string;
  /** Show who else is typing under the input (default true; Chat shows it in its header instead). */
  showTyping?: boolean;
  /** Names shown in the typing line, reply banner and mention suggestions (default: the profile's display name, else the id; useDisplayName). */
  displayName?(userId: string): string;
  autoFocus?: boolean;
  className?: string;
  /**
   * Ask for group read receipts on what this input sends (Easemob's `allowGroupAck`): the sender
   * sees "Read by N". Group owners and admins only; others' sends are refused with 510.
   */
  allowGroupAck?: boolean;
}

const GROUP_ACK = { allowGroupAck: true } as const;
const stagedChunk = lazyChunk(() => import('./staged-files'), 'file previews');

/** The composer of one conversation; a new conversation gets a fresh one (its own draft, no staged files). */
export function MessageInput(props: MessageInputProps): ReactNode {
  return <Composer key={props.conversationId} {...props} />;
}

function Composer({
  conversationId,
  locale,
  placeholder,
  disabled = false,
  emojiTheme = 'auto',
  emojiPicker = true,
  accept,
  showTyping = true,
  displayName: ownName,
  autoFocus,
  className,
  allowGroupAck = false,
}: MessageInputProps): ReactNode {
  const profileName = useDisplayName();
  const displayName = ownName ?? profileName;
  const config = allowGroupAck ? GROUP_ACK : undefined;
  const all = useStrings(locale);
  const t = all.input;
  const user = useChatUser();
  const senders = useMessageSenders(conversationId);
  const composer = useComposer(conversationId);
  const messageActions = useMessageActions();
  // Editing starts with the message's text in the input, caret at its end.
  const editing = composer.target?.kind === 'edit' ? composer.target.message : null;
  useLayoutEffect(() => {
    if (!editing || editing.body.type !== 'txt') return;
    setText(editing.body.msg);
    pendingCaret.current = editing.body.msg.length;
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only when another message starts being edited
  }, [editing?.serverId]);
  const { typing, notifyTyping, stopTyping } = useTyping(conversationId);
  const serverLimits = useServerLimits();
  const limits = useCallback(() => serverLimits, [serverLimits]);
  const files = useAttachments(senders, limits, config);
  const [text, setText] = useDraft(conversationId);
  const drop = useFileDrop(disabled, files.add);
  const hasFiles = files.attachments.length > 0 || files.rejected.length > 0;
  const staged = useLazyChunk(stagedChunk, hasFiles ? true : undefined);
  const textarea = useRef<HTMLTextAreaElement>(null);
  const composing = useRef(false);
  const caret = useRef<{ start: number; end: number } | null>(null);
  const pendingCaret = useRef<number | null>(null);

  // After an emoji is inserted, put the caret right after it once React has written the value
  // (writing a textarea's value moves its caret to the end).
  useLayoutEffect(() => {
    const at = pendingCaret.current;
    const node = textarea.current;
    if (at === null || !node) return;
    pendingCaret.current = null;
    node.focus();
    node.setSelectionRange(at, at);
  }, [text]);

  const maxText = serverLimits?.maxTextLength ?? Infinity;
  const tooLong = text.length > maxText;
  const canSend =
    !disabled && !tooLong && (text.trim().length > 0 || files.attachments.some((a) => a.state !== 'uploading'));

  const submit = () => {
    if (!canSend) return;
    const body = text.trim();
    if (composer.target?.kind === 'edit') {
      if (body) void messageActions.editText(composer.target.message.serverId, body).catch(() => undefined);
      composer.clear();
      setText('');
      textarea.current?.focus();
      return;
    }
    if (files.attachments.length > 0) void files.sendAll();
    if (body) {
      const reply = composer.target?.kind === 'reply' ? { replyTo: composer.target.message.serverId } : {};
      const mentioned = mentions.mentionsIn(body);
      const options = { ...(config ? { config } : {}), ...reply, ...(mentioned ? { mentions: mentioned } : {}) };
      void senders.sendText(body, Object.keys(options).length > 0 ? options : undefined);
      mentions.reset();
      composer.clear();
      setText('');
      stopTyping();
    }
    textarea.current?.focus();
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (mentions.onKeyDown(e)) return;
    if (e.key === 'Escape' && composer.target) {
      e.preventDefault();
      if (composer.target.kind === 'edit') setText('');
      composer.clear();
      return;
    }
    if (e.key !== 'Enter' || e.shiftKey) return;
    // keyCode 229: the IME still owns this Enter (Safari reports it after compositionend).
    if (composing.current || e.nativeEvent.isComposing || e.keyCode === 229) return;
    e.preventDefault();
    submit();
  };

  const onPaste = (e: ClipboardEvent<HTMLTextAreaElement>) => {
    const pasted = filesFromTransfer(e.clipboardData);
    if (pasted.length === 0) return;
    e.preventDefault();
    files.add(pasted);
  };

  const rememberCaret = () => {
    const el = textarea.current;
    if (el) caret.current = { start: el.selectionStart, end: el.selectionEnd };
  };

  const insertEmoji = (emoji: string) => {
    const el = textarea.current;
    const at = caret.current ?? (el ? { start: el.selectionStart, end: el.selectionEnd } : null);
    const next = insertAt(text, emoji, at?.start ?? null, at?.end ?? null);
    setText(next.value);
    caret.current = { start: next.caret, end: next.caret };
    pendingCaret.current = next.caret;
  };

  const others = typing.filter((u) => u !== user).map(displayName);
  const acceptAttr = accept ?? serverLimits?.allowedFileTypes.join(',');
  const mentions = useMentionPicker(conversationId, text, setText, (at) => (pendingCaret.current = at), displayName);
  const activeOption = mentions.options.length > 0 ? mentions.optionId(mentions.active) : undefined;

  return (
    <div
      className={['natter-input', className].filter(Boolean).join(' ')}
      data-dragging={drop.dragging || undefined}
      onDragOver={drop.onDragOver}
      onDragLeave={drop.onDragLeave}
      onDrop={drop.onDrop}
    >
      {drop.dragging && (
        <div className="natter-input__drop-hint" aria-hidden="true">
          {t.dropHint}
        </div>
      )}
      {composer.target && (
        <ComposerBanner
          target={composer.target}
          name={displayName(composer.target.message.from)}
          strings={all.features}
          onCancel={() => {
            if (composer.target?.kind === 'edit') setText('');
            composer.clear();
            textarea.current?.focus();
          }}
        />
      )}
      {hasFiles &&
        (staged ? (
          <staged.StagedFiles files={files} locale={locale} />
        ) : (
          <p className="natter-input__preparing" role="status">
            {t.preparingFiles}
          </p>
        ))}
      <MentionSuggestions picker={mentions} strings={all.features} displayName={displayName} />
      <div className="natter-input__row">
        <AttachButton label={t.attachFile} disabled={disabled} accept={acceptAttr} onFiles={files.add} />
        {emojiPicker && (
          <EmojiPickerButton
            onSelect={insertEmoji}
            theme={emojiTheme}
            disabled={disabled}
            {...(locale !== undefined ? { locale } : {})}
          />
        )}
        <textarea
          ref={textarea}
          className="natter-input__text"
          aria-label={t.messageLabel}
          aria-invalid={tooLong || undefined}
          aria-autocomplete="list"
          aria-controls={activeOption ? mentions.listId : undefined}
          aria-activedescendant={activeOption}
          placeholder={placeholder ?? t.placeholder}
          rows={1}
          value={text}
          disabled={disabled}
          // Off unless the app asks for it (the `autoFocus` prop).
          // eslint-disable-next-line jsx-a11y/no-autofocus
          autoFocus={autoFocus}
          onChange={(e) => {
            setText(e.target.value);
            mentions.track(e.target, true);
            if (e.target.value) notifyTyping();
            else stopTyping();
          }}
          onKeyDown={onKeyDown}
          onCompositionStart={() => (composing.current = true)}
          onCompositionEnd={() => (composing.current = false)}
          onPaste={onPaste}
          onSelect={(e) => {
            rememberCaret();
            mentions.track(e.currentTarget);
          }}
          onBlur={rememberCaret}
        />
        <button type="button" className="natter-input__send" disabled={!canSend} onClick={submit}>
          {t.send}
        </button>
      </div>
      {tooLong && (
        <p className="natter-input__limit" role="alert">
          {t.textTooLong(text.length, maxText)}
        </p>
      )}
      {showTyping && (
        <p className="natter-input__typing" aria-live="polite">
          {others.length > 0 ? t.typing(others) : ''}
        </p>
      )}
    </div>
  );
}
