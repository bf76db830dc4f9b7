// Owns the notes of this user's changes on a message row: the "not sent yet"
// mark while any waits (its accessible text names the actions that wait), and
// for each change the server refused (and that was undone) an alert with the
// action and the server's reason, with a button that puts it away.
import type { ReactNode } from 'react';
import type { ChatMessage } from '../../react';
import type { FeatureStrings } from '../i18n/feature-strings';

type Change = NonNullable<ChatMessage['waiting']>[number];

/** The menu label of the action that made `c`. */
function actionName(c: Change, s: FeatureStrings): string {
  switch (c.change.type) {
    case 'edit':
      return s.edit;
    case 'react':
      return s.react;
    case 'delete':
      return c.change.scope === 'me' ? s.deleteForMe : s.deleteForEveryone;
    case 'pin':
      return c.change.unpin ? s.unpin : s.pin;
    case 'forward':
      return s.forward;
  }
}

/** "not sent yet" while one of this user's changes of `m` waits; null otherwise. */
export function PendingMark({ message: m, strings: s }: { message: ChatMessage; strings: FeatureStrings }): ReactNode {
  if (!m.changing) return null;
  const actions = [...new Set((m.waiting ?? []).filter((c) => !c.error).map((c) => actionName(c, s)))].join(', ');
  if (actions === '') return <span className="natter-change-pending">{s.changePending}</span>;
  const label = s.changeWaiting(actions);
  return (
    <>
      <span className="natter-change-pending" title={label} aria-hidden="true">
        {s.changePending}
      </span>
      <span className="natter-visually-hidden">{label}</span>
    </>
  );
}

/** One alert per refused change of `m`, each with its dismiss button; null when none. */
export function RefusedNotes({
  message: m,
  strings: s,
  onDismiss,
}: {
  message: ChatMessage;
  strings: FeatureStrings;
  onDismiss(id: string): void;
}): ReactNode {
  const refused = (m.waiting ?? []).filter((c) => c.error);
  if (refused.length === 0) return null;
  return (
    <div className="natter-change-refused">
      {refused.map((c) => (
        <p key={c.id} className="natter-change-refused__note">
          <span role="alert">{s.changeRefused(actionName(c, s), `${c.error?.message} (${c.error?.code})`)}</span>{' '}
          <button type="button" className="natter-button" onClick={() => onDismiss(c.id)}>
            {s.dismissRefused}
          </button>
        </p>
      ))}
    </div>
  );
}
