import { describe, expect, it } from 'vitest';
import { EventPosition } from '../../src/client/event-position';

describe('event position (resume and dedupe)', () => {
  it('starts from the welcome position, applies newer events once and drops replays at or below it', () => {
    const p = new EventPosition();
    expect(p.resumeFrom).toBeUndefined();
    p.welcome(10, false);
    expect(p.accept(9)).toBe(false);
    expect(p.accept(10)).toBe(false);
    expect(p.accept(11)).toBe(true);
    expect(p.accept(11)).toBe(false);
    expect(p.accept(undefined)).toBe(true);
    expect(p.resumeFrom).toBe(11);
  });

  it('keeps its position on a resumed welcome (the missed events follow) and jumps on a reset', () => {
    const p = new EventPosition();
    p.welcome(5, false);
    p.accept(6);
    p.welcome(9, true);
    expect(p.resumeFrom).toBe(6);
    expect(p.accept(7)).toBe(true);
    p.welcome(100, false);
    expect(p.accept(50)).toBe(false);
    expect(p.resumeFrom).toBe(100);
  });
});
