// Owns the list of @mention suggestions above the input: a listbox whose
// active option the textarea points at (aria-activedescendant), so focus
// stays in the text while arrows move; a click inserts too. A polite status
// says how many suggestions there are when the list opens or changes.
import type { ReactNode } from 'react';
import type { FeatureStrings } from '../i18n/feature-strings';
import type { MentionPicker } from './use-mention-picker';

export function MentionSuggestions({
  picker,
  strings,
  displayName,
}: {
  picker: MentionPicker;
  strings: FeatureStrings;
  displayName(user: string): string;
}): ReactNode {
  const { options } = picker;
  return (
    <>
      {options.length > 0 ? (
        <ul id={picker.listId} className="natter-mentions" role="listbox" aria-label={strings.mentionSuggestions}>
          {options.map((o, i) => (
            // Options are chosen from the keyboard in the textarea (aria-activedescendant), the mouse here.
            // eslint-disable-next-line jsx-a11y/click-events-have-key-events
            <li
              key={o.user ?? '@all'}
              id={picker.optionId(i)}
              role="option"
              aria-selected={i === picker.active}
              className="natter-mentions__option"
              // Keeps focus (and the caret) in the textarea.
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => picker.choose(i)}
            >
              <span className="natter-mentions__name">@{o.label}</span>
              {o.user === null ? (
                <span className="natter-mentions__hint">{strings.mentionEveryone}</span>
              ) : o.user !== displayName(o.user) ? (
                <span className="natter-mentions__hint">{o.user}</span>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      <span className="natter-visually-hidden" aria-live="polite">
        {options.length > 0 ? strings.mentionsAvailable(options.length) : ''}
      </span>
    </>
  );
}
