// Owns MessageInput: the composer of one conversation. Enter sends, Shift+Enter
// adds a line (never while an IME is composing); images and files arrive by
// paste, drop or the file dialog and are staged with a preview before they are
// uploaded (progress, cancel) and sent; an emoji-mart picker inserts at the
// caret; keystrokes drive the typing indicator.
import { useCallback, useLayoutEffect, useRef, useState, type ClipboardEvent, type DragEvent, type KeyboardEvent, type ReactNode } from 'react';
import { useChatUser, useDraft, useMessageSenders, useServerLimits, useTyping } from '../../react';
import type { ConversationId } from '../../protocol/ids';
import { formatFileSize, useLocale, useStrings, type Locale } from '../i18n';
import { AttachmentPreview } from './attachment-preview';
import type { FileProblem } from './check-file';
import { EmojiPickerButton } from './emoji-picker-button';
import { PaperclipIcon } from './icons';
import { insertAt } from './insert-at-caret';
import { filesFromTransfer, transferHasFiles } from './transfer-files';
import { useAttachments } from './use-attachments';

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
  /** Names shown in the typing line (default: the user id). */
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

/** The composer of one conversation; a new conversation gets a fresh one (its own draft, no staged files). */
export function MessageInput(props: MessageInputProps): ReactNode {
  return <Composer key={props.conversationId} {...props} />;
}

function Composer({
  conversationId, locale, placeholder, disabled = false, emojiTheme = 'auto', emojiPicker = true, accept, showTyping = true, displayName, autoFocus, className, allowGroupAck = false,
}: MessageInputProps): ReactNode {
  const config = allowGroupAck ? GROUP_ACK : undefined;
  const t = useStrings(locale).input;
  const loc = useLocale(locale);
  const user = useChatUser();
  const senders = useMessageSenders(conversationId);
  const { typing, notifyTyping, stopTyping } = useTyping(conversationId);
  const serverLimits = useServerLimits();
  const limits = useCallback(() => serverLimits, [serverLimits]);
  const files = useAttachments(senders, limits, config);
  const [text, setText] = useDraft(conversationId);
  const [dragging, setDragging] = useState(false);
  const textarea = useRef<HTMLTextAreaElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);
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
  const canSend = !disabled && !tooLong && (text.trim().length > 0 || files.attachments.some((a) => a.state !== 'uploading'));

  const submit = () => {
    if (!canSend) return;
    if (files.attachments.length > 0) void files.sendAll();
    const body = text.trim();
    if (body) {
      void senders.sendText(body, config ? { config } : undefined);
      setText('');
      stopTyping();
    }
    textarea.current?.focus();
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
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

  const onDragOver = (e: DragEvent<HTMLDivElement>) => {
    if (disabled || !transferHasFiles(e.dataTransfer)) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
    if (!dragging) setDragging(true);
  };
  const onDrop = (e: DragEvent<HTMLDivElement>) => {
    setDragging(false);
    if (disabled) return;
    const dropped = filesFromTransfer(e.dataTransfer);
    if (dropped.length === 0) return;
    e.preventDefault();
    files.add(dropped);
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

  const problemText = (name: string, p: FileProblem): string => {
    if (p.kind === 'tooLarge') return t.tooLarge(name, formatFileSize(p.size, loc), formatFileSize(p.max, loc));
    if (p.kind === 'typeNotAllowed') return t.typeNotAllowed(name, p.mime);
    return t.emptyFile(name);
  };

  const others = typing.filter((u) => u !== user).map((u) => displayName?.(u) ?? u);
  const acceptAttr = accept ?? serverLimits?.allowedFileTypes.join(',');

  return (
    <div
      className={['natter-input', className].filter(Boolean).join(' ')}
      data-dragging={dragging || undefined}
      onDragOver={onDragOver}
      onDragLeave={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setDragging(false);
      }}
      onDrop={onDrop}
    >
      {dragging && (
        <div className="natter-input__drop-hint" aria-hidden="true">
          {t.dropHint}
        </div>
      )}
      {files.rejected.length > 0 && (
        <ul className="natter-input__errors">
          {files.rejected.map((r) => (
            <li key={r.id} className="natter-input__error" role="alert">
              <span>{problemText(r.name, r.problem)}</span>
              <button type="button" className="natter-input__dismiss" aria-label={t.dismissError} onClick={() => files.dismissRejected(r.id)}>
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      {files.attachments.length > 0 && (
        <ul className="natter-input__attachments" aria-label={t.attachmentsLabel}>
          {files.attachments.map((a) => (
            <AttachmentPreview
              key={a.id}
              attachment={a}
              {...(locale !== undefined ? { locale } : {})}
              onSend={(id) => void files.sendOne(id)}
              onRemove={files.remove}
              onCancel={files.cancel}
            />
          ))}
        </ul>
      )}
      <div className="natter-input__row">
        <button type="button" className="natter-input__tool natter-input__attach" aria-label={t.attachFile} disabled={disabled} onClick={() => fileInput.current?.click()}>
          <PaperclipIcon />
        </button>
        <input
          ref={fileInput}
          type="file"
          multiple
          hidden
          tabIndex={-1}
          {...(acceptAttr ? { accept: acceptAttr } : {})}
          data-testid="natter-file-input"
          onChange={(e) => {
            const picked = e.currentTarget.files ? Array.from(e.currentTarget.files) : [];
            e.currentTarget.value = '';
            if (picked.length) files.add(picked);
          }}
        />
        {emojiPicker && <EmojiPickerButton onSelect={insertEmoji} theme={emojiTheme} disabled={disabled} {...(locale !== undefined ? { locale } : {})} />}
        <textarea
          ref={textarea}
          className="natter-input__text"
          aria-label={t.messageLabel}
          aria-invalid={tooLong || undefined}
          placeholder={placeholder ?? t.placeholder}
          rows={1}
          value={text}
          disabled={disabled}
          autoFocus={autoFocus}
          onChange={(e) => {
            setText(e.target.value);
            if (e.target.value) notifyTyping();
            else stopTyping();
          }}
          onKeyDown={onKeyDown}
          onCompositionStart={() => (composing.current = true)}
          onCompositionEnd={() => (composing.current = false)}
          onPaste={onPaste}
          onSelect={rememberCaret}
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
