// Owns ForwardDialog: forward one message to conversations the user picks
// from their list (checkboxes; the message's own conversation is not
// offered). Forward sends a copy to each; the dialog closes when every one
// went, otherwise it stays with each refusal announced (its server message)
// and only the failed conversations still picked, so a retry sends nothing
// twice. Offline it closes at once: the forwards wait, shown in their
// conversations as not sent yet. A native modal dialog; Escape and Cancel
// close it.
import { useId, useRef, useState, type ReactNode } from 'react';
import type { ConversationSummary } from '../../protocol/entities';
import type { ConversationId } from '../../protocol/ids';
import type { Message } from '../../protocol/message';
import { useConnectionState, useConversationList, useGroupName, useMessageActions } from '../../react';
import { useModalDialog, type ModalScope } from '../modal-dialog';
import { useStrings, type Locale } from '../i18n';

export interface ForwardDialogProps {
  message: Message;
  /** The conversation the message is in (not offered as a target). */
  from: ConversationId;
  onClose(): void;
  /** After the message went to every picked conversation. */
  onForwarded?(to: readonly ConversationId[]): void;
  displayName?(userId: string): string;
  conversationName?(conversation: ConversationSummary): string | undefined;
  scope?: ModalScope;
  locale?: Locale;
}

const identity = (u: string) => u;

function TargetName({
  c,
  displayName,
  conversationName,
}: {
  c: ConversationSummary;
  displayName(u: string): string;
  conversationName: ForwardDialogProps['conversationName'];
}): string {
  const groupName = useGroupName(c.type === 'group' ? c.target : undefined);
  return conversationName?.(c) ?? groupName ?? (c.type === 'single' ? displayName(c.target) : c.target);
}

export function ForwardDialog({
  message,
  from,
  onClose,
  onForwarded,
  displayName = identity,
  conversationName,
  scope = 'page',
  locale,
}: ForwardDialogProps): ReactNode {
  const t = useStrings(locale).features;
  const { conversations } = useConversationList();
  const actions = useMessageActions();
  const connection = useConnectionState();
  const [picked, setPicked] = useState<ReadonlySet<ConversationId>>(new Set());
  const [errors, setErrors] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useModalDialog(dialog, scope);
  const targets = conversations.filter((c) => c.id !== from);
  const names = useRef(new Map<ConversationId, string>());

  const toggle = (id: ConversationId) =>
    setPicked((p) => {
      const next = new Set(p);
      if (!next.delete(id)) next.add(id);
      return next;
    });

  const forward = async () => {
    setBusy(true);
    setErrors([]);
    const ids = [...picked];
    const sent = Promise.allSettled(ids.map((id) => actions.forward(message.serverId, id, message)));
    if (connection.state !== 'open') {
      // Offline the forwards wait: each shows at once in its conversation, marked as not sent yet,
      // and a refusal later shows there with its reason.
      setBusy(false);
      onClose();
      return;
    }
    const results = await sent;
    setBusy(false);
    const failed = ids.filter((_, i) => results[i]?.status === 'rejected');
    if (failed.length === 0) {
      onForwarded?.(ids);
      onClose();
      return;
    }
    setPicked(new Set(failed));
    setErrors(
      results.flatMap((r, i) => {
        if (r.status !== 'rejected') return [];
        const id = ids[i] as ConversationId;
        return [
          t.forwardFailed(names.current.get(id) ?? id, r.reason instanceof Error ? r.reason.message : String(r.reason)),
        ];
      }),
    );
  };

  const text = message.body.type === 'txt' ? message.body.msg : `[${message.body.type}]`;
  return (
    <div className="natter-forward__backdrop">
      <dialog
        ref={dialog}
        className="natter-forward"
        aria-labelledby={titleId}
        tabIndex={-1}
        onKeyDown={(e) => {
          if (e.key !== 'Escape') return;
          e.preventDefault();
          onClose();
        }}
      >
        <h2 id={titleId} className="natter-forward__title">
          {t.forwardTitle}
        </h2>
        <blockquote className="natter-forward__message">
          <span className="natter-forward__from">{displayName(message.from)}</span> {text}
        </blockquote>
        <fieldset className="natter-forward__targets">
          <legend>{t.forwardTo}</legend>
          {targets.length === 0 ? <p className="natter-forward__none">{t.forwardNone}</p> : null}
          <ul className="natter-forward__list">
            {targets.map((c) => (
              <li key={c.id}>
                <label className="natter-forward__target">
                  <input type="checkbox" checked={picked.has(c.id)} onChange={() => toggle(c.id)} />
                  <span ref={(el) => void (el && names.current.set(c.id, el.textContent ?? c.id))}>
                    <TargetName c={c} displayName={displayName} conversationName={conversationName} />
                  </span>
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
        {errors.length > 0 ? (
          <div className="natter-forward__errors" role="alert">
            {errors.map((e) => (
              <p key={e}>{e}</p>
            ))}
          </div>
        ) : null}
        <div className="natter-forward__actions">
          <button type="button" onClick={onClose}>
            {t.cancel}
          </button>
          <button
            type="button"
            className="natter-forward__send"
            disabled={busy || picked.size === 0}
            onClick={() => void forward()}
          >
            {t.forward}
          </button>
        </div>
      </dialog>
    </div>
  );
}
