// The Playground's own words follow its language in every language natter
// ships (they once stayed English under zh-CN and the others), and the
// language menu offers each of those languages.
import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../src/entries/ui';
import { PLAYGROUND_LANGUAGES, playgroundLabels } from '../../stories/playground/playground-labels';

const words = (locale: string): string[] => {
  const l = playgroundLabels(locale);
  return [
    l.controls,
    l.addUser,
    l.language,
    l.theme,
    l.light,
    l.dark,
    l.system,
    l.starting,
    l.failed('x'),
    l.chatOf('Alice'),
    l.drop,
    l.restore,
    ...Object.values(l.state),
  ];
};

describe('Playground labels', () => {
  it('offers every language natter ships', () => {
    expect(PLAYGROUND_LANGUAGES.map(([tag]) => tag).sort()).toEqual([...LOCALES].sort());
  });

  it.each(LOCALES.filter((l) => l !== 'en'))('%s has its own words, not English ones', (locale) => {
    const english = new Set(words('en'));
    const own = words(locale);
    expect(own.every((w) => w.trim().length > 0)).toBe(true);
    // Words shared with English are the rare loan words (German "online", "System"); the rest are translated.
    expect(own.filter((w) => english.has(w)).length).toBeLessThanOrEqual(2);
    expect(playgroundLabels(locale).chatOf('Alice')).toContain('Alice');
  });

  it('a regional tag without a table of its own uses its language, an unknown one English', () => {
    expect(playgroundLabels('fr-CA').addUser).toBe(playgroundLabels('fr').addUser);
    expect(playgroundLabels('fi').addUser).toBe('Add a user');
  });
});
