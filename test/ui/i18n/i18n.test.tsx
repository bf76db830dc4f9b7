// @vitest-environment jsdom
// i18n: every string exists in English and Simplified Chinese, the provider and
// a component's prop choose the locale, overrides replace single strings, and
// the Intl helpers format times, days, sizes and durations per locale.
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import {
  formatDayLabel,
  formatDuration,
  formatFileSize,
  formatRelativeTime,
  formatShortTimestamp,
  formatTime,
  LOCALES,
  LocaleProvider,
  stringsFor,
  toLocale,
  useStrings,
  type Locale,
} from '../../../src/ui/index';

afterEach(cleanup);
function Probe({ locale }: { locale?: Locale }) {
  const s = useStrings(locale);
  return (
    <span data-testid="probe">{`${s.messageList.logLabel}|${s.input.messageLabel}|${s.call.accept}|${s.conversationList.listLabel}`}</span>
  );
}

describe('strings', () => {
  it('has every key in every locale, none empty', () => {
    const en = stringsFor('en');
    expect(en.messageList.newMessages(3)).toBe('3 new messages');
    expect(stringsFor('zh-CN').messageList.newMessages(3)).toBe('3 条新消息');
    for (const locale of LOCALES) {
      const s = stringsFor(locale);
      for (const group of Object.keys(en) as (keyof typeof en)[]) {
        expect(Object.keys(s[group]).sort()).toEqual(Object.keys(en[group]).sort());
        for (const [key, value] of Object.entries(s[group])) {
          const english = (en[group] as unknown as Record<string, unknown>)[key];
          // Plain strings are non-empty; message functions take the same arguments in every locale.
          if (typeof value === 'string') expect(value.length, `${locale} ${group}.${key}`).toBeGreaterThan(0);
          else
            expect(
              typeof value === 'function' && typeof english === 'function' && value.length === english.length,
              `${locale} ${group}.${key}`,
            ).toBe(true);
        }
      }
    }
  });

  it('switches with the provider, and a prop wins over it', () => {
    render(
      <LocaleProvider locale="zh-CN">
        <Probe />
      </LocaleProvider>,
    );
    expect(screen.getByTestId('probe').textContent).toBe('消息|消息|接听|会话');
    const { getAllByTestId } = render(
      <LocaleProvider locale="zh-CN">
        <Probe locale="en" />
      </LocaleProvider>,
    );
    expect(getAllByTestId('probe')[1]?.textContent).toBe('Messages|Message|Accept|Conversations');
  });

  it('defaults to English without a provider and applies overrides', () => {
    render(<Probe />);
    expect(screen.getByTestId('probe').textContent).toBe('Messages|Message|Accept|Conversations');
    const s = stringsFor('zh-CN', { messageList: { logLabel: '聊天记录' } });
    expect(s.messageList.logLabel).toBe('聊天记录');
    expect(s.messageList.recalled).toBe('消息已撤回');
    expect(toLocale('zh-CN')).toBe('zh-CN');
    // Any well-formed BCP 47 tag is a locale (it drives Intl); anything else is English.
    expect(toLocale('fr')).toBe('fr');
    expect(toLocale('not a tag!')).toBe('en');
  });
});

describe('Intl formatting', () => {
  const now = new Date(2026, 10, 22, 15, 30).getTime();
  it('labels days: today, yesterday, weekday, date', () => {
    const words = { today: 'Today', yesterday: 'Yesterday' };
    expect(formatDayLabel(new Date(2026, 10, 22, 1, 0).getTime(), now, 'en', words)).toBe('Today');
    expect(formatDayLabel(new Date(2026, 10, 21, 23, 59).getTime(), now, 'en', words)).toBe('Yesterday');
    expect(formatDayLabel(new Date(2026, 10, 18, 12, 0).getTime(), now, 'en', words)).toBe('Wednesday');
    expect(formatDayLabel(new Date(2026, 2, 3, 12, 0).getTime(), now, 'en', words)).toBe('March 3');
    expect(formatDayLabel(new Date(2024, 2, 3, 12, 0).getTime(), now, 'en', words)).toBe('March 3, 2024');
    expect(
      formatDayLabel(new Date(2026, 2, 3, 12, 0).getTime(), now, 'zh-CN', { today: '今天', yesterday: '昨天' }),
    ).toBe('3月3日');
  });

  it('formats times, relative times and short list timestamps', () => {
    expect(formatTime(now, 'en')).toBe('3:30 PM');
    expect(formatTime(now, 'zh-CN')).toBe('15:30');
    expect(formatRelativeTime(now - 5 * 60_000, now, 'en')).toBe('5 minutes ago');
    expect(formatRelativeTime(now - 5 * 60_000, now, 'zh-CN')).toBe('5分钟前');
    expect(formatRelativeTime(now - 10_000, now, 'en')).toBe('now');
    expect(formatShortTimestamp(now - 60_000, now, 'en')).toBe('3:29 PM');
    expect(formatShortTimestamp(new Date(2026, 10, 20, 9, 0).getTime(), now, 'en')).toBe('Fri');
  });

  it('formats file sizes and durations', () => {
    expect(formatFileSize(812, 'en')).toBe('812 B');
    expect(formatFileSize(1536, 'en')).toBe('1.5 KB');
    expect(formatFileSize(3.25 * 1024 * 1024, 'en')).toBe('3.3 MB');
    expect(formatFileSize(-1, 'en')).toBe('');
    expect(formatDuration(5)).toBe('0:05');
    expect(formatDuration(65.4)).toBe('1:05');
    expect(formatDuration(3725)).toBe('1:02:05');
  });
});
