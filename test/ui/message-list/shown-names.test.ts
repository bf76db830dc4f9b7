// @vitest-environment jsdom
// The name function the list hands its rows: kept while the names it already
// gave read the same (so a profile arriving, or an app's inline displayName,
// does not re-render every row), replaced when one of them changes, and always
// reading names it had not given yet from the newest function.
import { renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useShownNames } from '../../../src/ui/message-list/use-shown-names';

type NameOf = (user: string) => string;
const names =
  (table: Record<string, string>): NameOf =>
  (user) =>
    table[user] ?? user;

describe('the names a message list shows', () => {
  it('keeps its function when a new one reads the names already shown the same', () => {
    const { result, rerender } = renderHook(({ nameOf }: { nameOf: NameOf }) => useShownNames(nameOf), {
      initialProps: { nameOf: names({ ann: 'Ann' }) },
    });
    const first = result.current;
    expect(first('ann')).toBe('Ann');
    expect(first('bob')).toBe('bob');
    // A profile for someone no row showed, and bob's without a name: nothing shown changes.
    rerender({ nameOf: names({ ann: 'Ann', carl: 'Carl' }) });
    expect(result.current).toBe(first);
    rerender({ nameOf: (user) => names({ ann: 'Ann' })(user) });
    expect(result.current).toBe(first);
  });

  it('reads a name it had not given from the newest function, without replacing itself', () => {
    const { result, rerender } = renderHook(({ nameOf }: { nameOf: NameOf }) => useShownNames(nameOf), {
      initialProps: { nameOf: names({}) },
    });
    const first = result.current;
    rerender({ nameOf: names({ dana: 'Dana' }) });
    expect(result.current).toBe(first);
    expect(result.current('dana')).toBe('Dana');
  });

  it('gives a new function once a name it gave reads differently', () => {
    const { result, rerender } = renderHook(({ nameOf }: { nameOf: NameOf }) => useShownNames(nameOf), {
      initialProps: { nameOf: names({}) },
    });
    const first = result.current;
    expect(first('ann')).toBe('ann');
    rerender({ nameOf: names({ ann: 'Ann' }) });
    expect(result.current).not.toBe(first);
    expect(result.current('ann')).toBe('Ann');
    // The new function records what it gives in turn: a rename replaces it again.
    const second = result.current;
    rerender({ nameOf: names({ ann: 'Annie' }) });
    expect(result.current).not.toBe(second);
    expect(result.current('ann')).toBe('Annie');
  });
});
