// The React the suite runs on is the one asked for: 19 by default, 18 under
// `npm run test:react18` (NATTER_REACT=18) — for our code and for the React
// libraries we use, so a run on React 18 really exercises React 18.
import { version } from 'react';
import { version as domVersion } from 'react-dom';
import { describe, expect, it } from 'vitest';
import { REACT_MAJOR } from '../support/react-version';

describe('React under test', () => {
  it('is the major version the run asked for, for react and react-dom alike', async () => {
    expect(Number(version.split('.')[0])).toBe(REACT_MAJOR);
    expect(domVersion).toBe(version);
    // The React libraries natter uses resolve react through the same alias (one copy of React in the run).
    const virtual = await import('@tanstack/react-virtual');
    expect(typeof virtual.useVirtualizer).toBe('function');
  });
});
