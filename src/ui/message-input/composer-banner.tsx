// Owns the line above the input while replying to or editing a message: who
// is quoted (or that a message is being edited), its text, and a button to
// cancel (Escape in the input does the same).
import type { ReactNode } from 'react';
import type { ComposerTarget } from '../../react';
import type { FeatureStrings } from '../i18n/feature-strings';

export function ComposerBanner({
  target,
  name,
  strings,
  onCancel,
}: {
  target: ComposerTarget;
  name: string;
  strings: FeatureStrings;
  onCancel(): void;
}): ReactNode {
  const m = target.message;
  const text = m.body.type === 'txt' ? m.body.msg : `[${m.body.type}]`;
  const reply = target.kind === 'reply';
  return (
    <div className={`natter-input__composer natter-input__composer--${target.kind}`} role="status">
      <span className="natter-input__composer-title">{reply ? strings.replyingTo(name) : strings.editingMessage}</span>
      <span className="natter-input__composer-text">{text}</span>
      <button
        type="button"
        className="natter-input__dismiss"
        aria-label={reply ? strings.cancelReply : strings.cancelEdit}
        onClick={onCancel}
      >
        ×
      </button>
    </div>
  );
}
