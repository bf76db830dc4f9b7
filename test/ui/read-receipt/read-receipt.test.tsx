// @vitest-environment jsdom
// ReadReceipt: one mark per own-message status, labelled for assistive
// technology, a group's read count, nothing for others' messages; localized.
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { LocaleProvider, ReadReceipt } from '../../../src/ui/index';

afterEach(cleanup);
describe('ReadReceipt', () => {
  it('labels each status of an own message', () => {
    const labels = (['pending', 'sent', 'delivered', 'read', 'failed'] as const).map((status) => {
      const { container, unmount } = render(<ReadReceipt status={status} />);
      const mark = container.querySelector('[role="img"]');
      unmount();
      return [mark?.getAttribute('data-status'), mark?.getAttribute('aria-label')];
    });
    expect(labels).toEqual([
      ['pending', 'Sending'],
      ['sent', 'Sent'],
      ['delivered', 'Delivered'],
      ['read', 'Read'],
      ['failed', 'Not sent'],
    ]);
  });

  it('shows a group read count', () => {
    render(<ReadReceipt status="read" group readCount={3} />);
    expect(screen.getByRole('img', { name: 'Read by 3' }).textContent).toBe('Read by 3');
  });

  it('renders nothing for received and recalled messages', () => {
    expect(render(<ReadReceipt status="received" />).container.innerHTML).toBe('');
    expect(render(<ReadReceipt status="recalled" />).container.innerHTML).toBe('');
  });

  it('speaks Chinese under a zh-CN provider, and a prop overrides the provider', () => {
    render(
      <LocaleProvider locale="zh-CN">
        <ReadReceipt status="delivered" />
        <ReadReceipt status="read" group readCount={2} />
        <ReadReceipt status="sent" locale="en" />
      </LocaleProvider>,
    );
    expect(screen.getByRole('img', { name: '已送达' })).toBeTruthy();
    expect(screen.getByRole('img', { name: '2 人已读' })).toBeTruthy();
    expect(screen.getByRole('img', { name: 'Sent' })).toBeTruthy();
  });
});
