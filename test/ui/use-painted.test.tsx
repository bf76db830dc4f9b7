// @vitest-environment jsdom
// usePainted: work a screen defers until its first frame is painted waits for
// that frame, not for the render that mounts it or that render's effects.
import { render, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { usePainted } from '../../src/ui/use-painted';

afterEach(() => vi.restoreAllMocks());

function Probe({ seen }: { seen: boolean[] }) {
  seen.push(usePainted());
  return null;
}

describe('usePainted', () => {
  it('is false when mounted and after its effects, and true (one render more) once a frame has passed', async () => {
    const frames: FrameRequestCallback[] = [];
    vi.spyOn(window, 'requestAnimationFrame').mockImplementation((cb) => frames.push(cb));
    const seen: boolean[] = [];
    render(<Probe seen={seen} />);
    expect(seen).toEqual([false]);
    expect(frames).toHaveLength(1);
    // The frame comes; the task it posts runs after its paint.
    frames[0]!(performance.now());
    await waitFor(() => expect(seen).toEqual([false, true]));
  });
});
