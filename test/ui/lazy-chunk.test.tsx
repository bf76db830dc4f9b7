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
