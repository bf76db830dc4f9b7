// @vitest-environment jsdom
// Chat's default shortcode table: emoji-mart's ~430 KB data is taken in only
// once a text asks for a `:name:`, so a first screen without one neither fetches
// nor indexes it; a `:name:` then shows as its emoji. `null` keeps shortcodes off.
import { act, cleanup, render, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { loadShortcodeTable, type ShortcodeTable } from '../../../src/emoji/index';
import { useDefaultShortcodes } from '../../../src/ui/chat/use-default-shortcodes';
import { EmojiText } from '../../../src/ui/emoji-text/emoji-text';

afterEach(cleanup);

let seen: ShortcodeTable | null | undefined;
const texts = (root: HTMLElement) => Array.from(root.querySelectorAll('p'), (p) => p.textContent);

function Texts({ texts, given }: { texts: string[]; given?: ShortcodeTable | null }): ReactNode {
  const shortcodes = useDefaultShortcodes(given);
  seen = shortcodes;
  return (
    <>
      {texts.map((t) => (
        <p key={t}>
          <EmojiText text={t} {...(shortcodes !== undefined ? { shortcodes } : {})} />
        </p>
      ))}
    </>
  );
}

describe('useDefaultShortcodes', () => {
  it('takes no table in for texts without a :name:, then loads it when one has one', async () => {
    const { container, rerender } = render(<Texts texts={['message 3 to u5', 'Note: see https://example.com/a:b']} />);
    // Even with the data loaded by someone else meanwhile, texts without a :name: never asked for it.
    const full = await loadShortcodeTable();
    await act(async () => {
      await Promise.resolve();
    });
    expect(seen?.size).toBe(0);
    expect(texts(container)).toEqual(['message 3 to u5', 'Note: see https://example.com/a:b']);

    rerender(<Texts texts={['message 3 to u5', 'party :tada:']} />);
    await waitFor(() => expect(texts(container)).toEqual(['message 3 to u5', 'party 🎉']));
    expect(seen).toBe(full);
  });

  it('uses the table it is given, and null leaves shortcodes as text', () => {
    const mine: ShortcodeTable = new Map([['wave', '👋']]);
    expect(texts(render(<Texts texts={[':wave: :tada:']} given={mine} />).container)).toEqual(['👋 :tada:']);
    cleanup();
    expect(texts(render(<Texts texts={[':wave:']} given={null} />).container)).toEqual([':wave:']);
    expect(seen).toBeNull();
  });
});
