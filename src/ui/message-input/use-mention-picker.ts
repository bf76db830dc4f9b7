// Owns the @mention suggestions of a message input: which members an `@word`
// at the caret may complete to (the other members of the conversation, and
// "@all" in groups), the keyboard of the suggestion list (arrows move, Enter
// or Tab insert, Escape closes) with the textarea keeping focus (the list's
// active option is its aria-activedescendant), and which of the inserted
// mentions a sent text still holds.
import { useId, useState, type KeyboardEvent } from 'react';
import type { MessageMentions } from '../../protocol/features';
import type { ConversationId } from '../../protocol/ids';
import { mentionQueryAt, parseConversationId, useChatUser, useGroup } from '../../react';

interface MentionOption {
  /** The user id, or null for everyone in the group. */
  user: string | null;
  /** What is inserted after the `@`. */
  label: string;
}

export interface MentionPicker {
  /** The options for the `@word` at the caret (empty: the list is closed). */
  options: readonly MentionOption[];
  active: number;
  listId: string;
  optionId(index: number): string;
  /** Call with the textarea after its caret moved, or its value was `edited` (which reopens a closed list). */
  track(el: HTMLTextAreaElement, edited?: boolean): void;
  /** Handles the list's keys; true when the key was used (the input must not act on it). */
  onKeyDown(e: KeyboardEvent<HTMLTextAreaElement>): boolean;
  choose(index: number): void;
  /** The mentions to send with `text`: those inserted from the list that it still contains. */
  mentionsIn(text: string): MessageMentions | undefined;
  /** Forget inserted mentions (after a send). */
  reset(): void;
}

const MAX_OPTIONS = 8;
const ALL = 'all';

function membersOf(conversation: ConversationId, groupMembers: readonly string[] | undefined): readonly string[] {
  const target = parseConversationId(conversation);
  if (target?.type === 'single') return [target.target];
  return groupMembers ?? [];
}

export function useMentionPicker(
  conversation: ConversationId,
  text: string,
  setText: (value: string) => void,
  placeCaret: (at: number) => void,
  displayName: (user: string) => string,
): MentionPicker {
  const self = useChatUser();
  const target = parseConversationId(conversation);
  const { group } = useGroup(target?.type === 'group' ? target.target : undefined);
  const [caret, setCaret] = useState<number | null>(null);
  const [active, setActive] = useState(0);
  const [dismissedAt, setDismissedAt] = useState<number | null>(null);
  const [inserted, setInserted] = useState<ReadonlyMap<string, string | null>>(new Map());
  const listId = useId();

  const at = caret === null ? null : mentionQueryAt(text, Math.min(caret, text.length));
  const open = at !== null && dismissedAt !== at.start;
  let options: MentionOption[] = [];
  if (open) {
    const q = at.query.toLowerCase();
    const people = membersOf(conversation, group?.members)
      .filter((u) => u !== self)
      .map((u) => ({ user: u, label: displayName(u) }));
    const starts = people.filter((p) => p.label.toLowerCase().startsWith(q) || p.user.toLowerCase().startsWith(q));
    const contains = people.filter(
      (p) => !starts.includes(p) && (p.label.toLowerCase().includes(q) || p.user.toLowerCase().includes(q)),
    );
    options = [...starts, ...contains];
    if (target?.type === 'group' && ALL.startsWith(q)) options.unshift({ user: null, label: ALL });
    options = options.slice(0, MAX_OPTIONS);
  }
  const current = Math.min(active, Math.max(0, options.length - 1));

  const choose = (index: number) => {
    const option = options[index];
    if (!at || !option) return;
    const token = `@${option.label}`;
    const end = at.start + 1 + at.query.length;
    const value = `${text.slice(0, at.start)}${token} ${text.slice(end)}`;
    setInserted((m) => new Map(m).set(token, option.user));
    setText(value);
    setActive(0);
    const next = at.start + token.length + 1;
    setCaret(next);
    placeCaret(next);
  };

  return {
    options,
    active: current,
    listId,
    optionId: (i) => `${listId}-${i}`,
    track(el, edited = false) {
      setCaret(el.selectionStart === el.selectionEnd ? el.selectionStart : null);
      setActive(0);
      if (edited || mentionQueryAt(el.value, el.selectionStart)?.start !== dismissedAt) setDismissedAt(null);
    },
    onKeyDown(e) {
      if (options.length === 0 || !at || e.nativeEvent.isComposing) return false;
      if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        const step = e.key === 'ArrowDown' ? 1 : -1;
        setActive((current + step + options.length) % options.length);
      } else if ((e.key === 'Enter' && !e.shiftKey) || e.key === 'Tab') {
        choose(current);
      } else if (e.key === 'Escape') {
        setDismissedAt(at.start);
      } else {
        return false;
      }
      e.preventDefault();
      return true;
    },
    choose,
    mentionsIn(sent) {
      const users = new Set<string>();
      let all = false;
      for (const [token, user] of inserted) {
        if (!new RegExp(`(^|\\s)${token.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?=$|[\\s.,!?;:])`).test(sent)) continue;
        if (user === null) all = true;
        else users.add(user);
      }
      if (!all && users.size === 0) return undefined;
      return { ...(users.size > 0 ? { users: [...users] } : {}), ...(all ? { all: true as const } : {}) };
    },
    reset: () => setInserted(new Map()),
  };
}
