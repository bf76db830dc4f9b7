// Owns what the feature stories' play functions share: the kit's strings in
// the locale the story is shown in (so a play finds controls by the labels a
// user of that locale reads, in every toolbar locale), finding a message's row
// by its text, and opening its actions menu with the keyboard as a person does.
import { expect, screen, userEvent, waitFor, within } from 'storybook/test';
import { loadLocale, stringsFor, type Locale, type Strings } from '../../src/entries/ui';
import { storyLocale } from './natter-decorator';

/** Play functions wait on slow scenes (an embedded server, lazy chunks) on a loaded machine. */
export const PLAY_WAIT = { timeout: 15_000 };

interface PlayContext {
  canvasElement: HTMLElement;
  globals: Record<string, unknown>;
  parameters: Record<string, unknown>;
}

/**
 * The strings the story shows: its own `parameters.natter.locale`, else the toolbar's. A `Chat`
 * sets its own locale (its `locale` prop, English when not given) over both: pass it as `chat`.
 */
export async function playStrings(context: PlayContext, chat?: { locale?: Locale | undefined }): Promise<Strings> {
  const locale: Locale = chat ? (chat.locale ?? 'en') : storyLocale(context);
  await loadLocale(locale);
  return stringsFor(locale);
}

/** The row of the message showing `text` as its own (not in a quote of it), once it is on screen. */
export async function messageRow(canvasElement: HTMLElement, text: string): Promise<HTMLElement> {
  const shown = await within(canvasElement).findAllByText(text, { exact: false }, PLAY_WAIT);
  const own = shown.find((el) => !el.closest('.natter-quote'));
  const row = own?.closest<HTMLElement>('[data-natter-message]') ?? null;
  await expect(row).not.toBeNull();
  return row!;
}

/** Focuses a message's row and opens its actions menu with Enter; resolves with the menu. */
export async function openActions(row: HTMLElement): Promise<HTMLElement> {
  row.focus();
  await userEvent.keyboard('{Enter}');
  return screen.findByRole('menu', {}, PLAY_WAIT);
}

/** Waits until `check` passes (assertions inside), as long as a slow scene needs. */
export function eventually(check: () => void | Promise<void>): Promise<void> {
  return waitFor(check, PLAY_WAIT);
}
