// Owns the new-conversation dialog: find people in the directory (or type a
// user id the directory does not show), then open a single chat with one of
// them, or pick members and name a group to create. Drawn only from public
// hooks (useUserSearch, useNewConversation); a modal with its own focus.
import { useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { ConversationId } from '../../protocol/ids';
import type { UserId } from '../../protocol/message';
import { isValidId, useChatUser, useNewConversation, useUserSearch } from '../../react';
import { useModalDialog } from '../modal-dialog';
import { useStrings, type Locale } from '../i18n';

export interface NewConversationDialogProps {
  /** The conversation to open: a single chat picked, or the group just created. */
  onStart(id: ConversationId): void;
  onClose(): void;
  displayName?(userId: string): string;
  locale?: Locale;
}

type Mode = 'chat' | 'group';
interface Person {
  user: UserId;
  name: string;
}

export function NewConversationDialog({
  onStart,
  onClose,
  displayName,
  locale,
}: NewConversationDialogProps): ReactNode {
  const t = useStrings(locale).people;
  const me = useChatUser();
  const actions = useNewConversation();
  const [mode, setMode] = useState<Mode>('chat');
  const [query, setQuery] = useState('');
  const [groupName, setGroupName] = useState('');
  const [picked, setPicked] = useState<Person[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { profiles, loading } = useUserSearch(query);
  const dialog = useRef<HTMLDialogElement>(null);
  const search = useRef<HTMLInputElement>(null);
  const titleId = useId();
  const searchId = useId();
  // A native modal <dialog>: the rest of the page is inert while it is open, focus starts in the search box.
  useModalDialog(dialog, 'page', true, search);

  const typed = query.trim();
  const people: Person[] = profiles
    .filter((p) => p.user !== me)
    .map((p) => ({ user: p.user, name: p.name !== p.user ? p.name : (displayName?.(p.user) ?? p.user) }));
  // A private directory shows only contacts: a typed id still reaches anyone.
  if (isValidId(typed) && typed !== me && !people.some((p) => p.user === typed))
    people.push({ user: typed, name: typed });
  const isPicked = (user: UserId) => picked.some((p) => p.user === user);
  const shown = mode === 'group' ? [...picked, ...people.filter((p) => !isPicked(p.user))] : people;

  const toggle = (person: Person) =>
    setPicked((list) =>
      list.some((p) => p.user === person.user) ? list.filter((p) => p.user !== person.user) : [...list, person],
    );

  const create = async () => {
    if (busy || picked.length === 0 || groupName.trim() === '') return;
    setBusy(true);
    setError(null);
    try {
      onStart(await actions.createGroup({ name: groupName.trim(), members: picked.map((p) => p.user) }));
    } catch (e) {
      setError(t.createGroupFailed(e instanceof Error ? e.message : String(e)));
    } finally {
      setBusy(false);
    }
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDialogElement>) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      onClose();
      return;
    }
  };

  return (
    <div className="natter-new-conversation__backdrop">
      <dialog
        ref={dialog}
        className="natter-new-conversation"
        aria-labelledby={titleId}
        tabIndex={-1}
        onKeyDown={onKeyDown}
      >
        <h2 id={titleId} className="natter-new-conversation__title">
          {t.newConversation}
        </h2>
        <fieldset className="natter-new-conversation__modes">
          <legend className="natter-new-conversation__legend">{t.newConversation}</legend>
          {(['chat', 'group'] as const).map((m) => (
            <label key={m} className="natter-new-conversation__mode">
              <input type="radio" name={`${titleId}-mode`} value={m} checked={mode === m} onChange={() => setMode(m)} />
              {m === 'chat' ? t.modeChat : t.modeGroup}
            </label>
          ))}
        </fieldset>
        {mode === 'group' && (
          <label className="natter-new-conversation__field">
            {t.groupName}
            <input type="text" value={groupName} maxLength={256} onChange={(e) => setGroupName(e.target.value)} />
          </label>
        )}
        <label className="natter-new-conversation__field" htmlFor={searchId}>
          {t.findPeople}
        </label>
        <input
          id={searchId}
          ref={search}
          className="natter-new-conversation__search"
          type="search"
          placeholder={t.findPeopleHint}
          value={query}
          autoComplete="off"
          onChange={(e) => setQuery(e.target.value)}
        />
        <p className="natter-new-conversation__status" role="status">
          {typed === '' ? '' : loading ? t.searching : people.length === 0 ? t.noPeopleFound : ''}
        </p>
        <ul className="natter-new-conversation__people" aria-label={t.people}>
          {shown.map((p) => (
            <li key={p.user}>
              {mode === 'chat' ? (
                <button
                  type="button"
                  className="natter-new-conversation__person"
                  onClick={() => onStart(actions.startChat(p.user))}
                >
                  {p.user === typed && !profiles.some((x) => x.user === typed) ? t.chatWithId(p.user) : p.name}
                  {p.name !== p.user && <span className="natter-new-conversation__id"> {p.user}</span>}
                </button>
              ) : (
                <label className="natter-new-conversation__person">
                  <input type="checkbox" checked={isPicked(p.user)} onChange={() => toggle(p)} />
                  {p.name}
                  {p.name !== p.user && <span className="natter-new-conversation__id"> {p.user}</span>}
                </label>
              )}
            </li>
          ))}
        </ul>
        {error && (
          <p className="natter-new-conversation__error" role="alert">
            {error}
          </p>
        )}
        <div className="natter-new-conversation__actions">
          {mode === 'group' && (
            <>
              <span className="natter-new-conversation__picked">{t.membersPicked(picked.length)}</span>
              <button
                type="button"
                disabled={busy || picked.length === 0 || groupName.trim() === ''}
                onClick={() => void create()}
              >
                {t.createGroup}
              </button>
            </>
          )}
          <button type="button" onClick={onClose}>
            {t.cancel}
          </button>
        </div>
      </dialog>
    </div>
  );
}
