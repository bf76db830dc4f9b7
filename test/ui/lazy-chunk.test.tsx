// @vitest-environment jsdom
import { render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { lazyChunk, useLazyChunk } from '../../src/ui/lazy-chunk';

afterEach(() => vi.restoreAllMocks());

function Part({ chunk, attempt }: { chunk: ReturnType<typeof lazyChunk<{ label: string }>>; attempt: unknown }) {
  const m = useLazyChunk(chunk, attempt);
  return <p>{m ? m.label : 'not loaded'}</p>;
}

describe('lazyChunk', () => {
  it('loads only once wanted, and later mounts get the module at once', async () => {
    let loads = 0;
    const chunk = lazyChunk(() => {
      loads += 1;
      return Promise.resolve({ label: 'loaded' });
    }, 'part');
    const first = render(<Part chunk={chunk} attempt={undefined} />);
    await Promise.resolve();
    expect(loads).toBe(0);
    first.rerender(<Part chunk={chunk} attempt="go" />);
    await screen.findByText('loaded');
    first.unmount();
    render(<Part chunk={chunk} attempt={undefined} />);
    expect(screen.getByText('loaded')).toBeTruthy();
    expect(loads).toBe(1);
  });

  it('uses a chunk fetched ahead by someone else in the first render that wants it, not a render later', async () => {
    const chunk = lazyChunk(() => Promise.resolve({ label: 'fetched ahead' }), 'long list');
    const drawn: string[] = [];
    function Recorder({ attempt }: { attempt: unknown }) {
      const m = useLazyChunk(chunk, attempt);
      drawn.push(m ? m.label : 'not loaded');
      return null;
    }
    const r = render(<Recorder attempt={undefined} />);
    await chunk.get();
    drawn.length = 0;
    r.rerender(<Recorder attempt="now long" />);
    expect(drawn[0]).toBe('fetched ahead');
    expect(drawn).not.toContain('not loaded');
  });

  it('keeps the part hidden when loading fails, logs it, and tries again on the next attempt', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    let fail = true;
    const chunk = lazyChunk(() => {
      if (fail) return Promise.reject(new Error('offline'));
      return Promise.resolve({ label: 'back online' });
    }, 'call dialog');
    const r = render(<Part chunk={chunk} attempt="first call" />);
    await waitFor(() =>
      expect(error).toHaveBeenCalledWith('natter: the call dialog could not be loaded', expect.any(Error)),
    );
    expect(screen.getByText('not loaded')).toBeTruthy();
    fail = false;
    r.rerender(<Part chunk={chunk} attempt="second call" />);
    await screen.findByText('back online');
  });
});
