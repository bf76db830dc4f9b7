// Owns switching entries (stories and docs pages) inside one loaded Storybook
// preview, as Storybook's own UI does: the preview's channel is told
// `setCurrentStory` and answers when the entry has rendered, failed or is missing.
// Loading iframe.html once and switching in it saves reloading the whole preview
// bundle for each of the many entries the story tests visit.
import type { Page } from 'playwright-core';

/** How a switch ended: the preview's channel event, or `timeout` when none came in time. */
export type SwitchOutcome = 'rendered' | 'errored' | 'missing' | 'timeout';

/** Shows entry `id` in `viewMode` in the preview loaded in `page`; resolves once it has rendered or failed. */
export async function switchEntry(
  page: Page,
  id: string,
  viewMode: 'story' | 'docs',
  timeoutMs = 20_000,
): Promise<SwitchOutcome> {
  return page.evaluate(
    ({ id, viewMode, timeoutMs }) =>
      new Promise<SwitchOutcome>((resolve) => {
        interface Channel {
          on(event: string, listener: (arg: unknown) => void): void;
          off(event: string, listener: (arg: unknown) => void): void;
          emit(event: string, arg: unknown): void;
        }
        const channel = (window as unknown as { __STORYBOOK_ADDONS_CHANNEL__?: Channel }).__STORYBOOK_ADDONS_CHANNEL__;
        if (!channel) throw new Error('no Storybook preview channel on this page');
        // storyRendered and docsRendered carry the entry's id; the failures carry no id,
        // but come only from the render this switch started.
        const outcomes: Record<string, SwitchOutcome> = {
          [viewMode === 'docs' ? 'docsRendered' : 'storyRendered']: 'rendered',
          storyErrored: 'errored',
          storyThrewException: 'errored',
          storyMissing: 'missing',
        };
        const listeners = Object.entries(outcomes).map(([event, outcome]) => {
          const listener = (arg: unknown): void => {
            if (outcome === 'rendered' && arg !== id) return;
            finish(outcome);
          };
          channel.on(event, listener);
          return [event, listener] as const;
        });
        const timer = setTimeout(() => finish('timeout'), timeoutMs);
        function finish(outcome: SwitchOutcome): void {
          clearTimeout(timer);
          for (const [event, listener] of listeners) channel?.off(event, listener);
          resolve(outcome);
        }
        channel.emit('setCurrentStory', { storyId: id, viewMode });
      }),
    { id, viewMode, timeoutMs },
  );
}
