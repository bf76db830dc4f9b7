// Owns turning the JSON of the server's conversation pages benchmark into the report's tables, charts and
// target verdicts (bench/registry.mjs lists it; bench/report.mjs renders it).

const total = (xs) => xs.reduce((a, b) => a + b, 0).toLocaleString('en-US');

export function summarizeConversations(d) {
  const row = (label, x) => [label, x.p50 ?? '', x.p99, x.max ?? ''];
  return {
    tables: [
      {
        caption: d.sends
          ? `${d.conversations.toLocaleString('en-US')} conversations, ${d.messages.toLocaleString('en-US')} messages, pages of ${d.pageSize}; ${d.rounds} rounds, each ${d.sends} back-to-back sends alone then one whole-list load with sends meanwhile (latencies over every round's samples, event-loop delay the median of the rounds')`
          : `${d.conversations.toLocaleString('en-US')} conversations, ${d.messages.toLocaleString('en-US')} messages, pages of ${d.pageSize}; ${d.rounds} rounds, each one whole-list load with back-to-back sends meanwhile and as many sends with the server otherwise idle (an idle-first round sends as many as the round before got loaded), the two windows alternating which comes first (latencies over every round's samples: ${total(d.sendsWhileLoading)} sends while loading, ${total(d.sendsIdle ?? [])} idle; event-loop delay the median of the rounds')`,
        columns: ['measure (ms)', 'p50', 'p99', 'max'],
        rows: [
          row('conversations page, as the loading user sees it', d.page),
          row("other user's send, server otherwise idle", d.sendAlone),
          row("other user's send, while one user loads its whole list", d.sendLoaded),
          row('server event-loop delay, idle', d.eventLoopAlone),
          row('server event-loop delay, while the list loads', d.eventLoopLoaded),
          ...(d.pageOnly
            ? [
                row('conversations page, nobody else sending', d.pageOnly),
                row('server event-loop delay, list loading with nobody sending', d.eventLoopPagesOnly),
              ]
            : []),
        ],
      },
      ...(d.serverCpuMs
        ? [
            {
              caption:
                'Server cost per request: CPU ms counted by the kernel (holds on a loaded machine); event-loop busy ms is wall time the main thread was busy',
              columns: ['request', 'CPU ms', 'event-loop busy ms'],
              rows: [
                ['conversations page (loaded window less its sends)', d.serverCpuMs.perPage, d.loopBusyMs.perPage],
                ...(d.serverCpuMs.perPageOnly !== undefined
                  ? [
                      [
                        'conversations page (list loaded with nobody sending)',
                        d.serverCpuMs.perPageOnly,
                        d.loopBusyMs.perPageOnly,
                      ],
                    ]
                  : []),
                ['send', d.serverCpuMs.perSend, d.loopBusyMs.perSend],
              ],
            },
          ]
        : []),
    ],
    charts: [
      {
        title: 'p99 ms (lower is better)',
        unit: 'ms',
        referenceLine: 10,
        bars: [
          { label: 'page', value: d.page.p99, highlight: true },
          { label: 'send, idle', value: d.sendAlone.p99 },
          { label: 'send, during load', value: d.sendLoaded.p99 },
          { label: 'event loop, during load', value: d.eventLoopLoaded.p99 },
        ],
      },
    ],
    targets: [
      { name: 'conversations page p99 ≤ 10 ms', actual: `${d.page.p99} ms`, pass: d.page.p99 <= 10 },
      {
        name: "other users' send p99 within 20% while one user loads its list",
        actual: d.sendP99RatioByOrder
          ? `${d.sendP99Ratio}× (loaded window first ${d.sendP99RatioByOrder.loadedFirst}×, idle first ${d.sendP99RatioByOrder.aloneFirst}×)`
          : `${d.sendP99Ratio}×`,
        pass: d.sendP99Ratio <= 1.2,
      },
      {
        name: 'every page and send answered ok',
        actual: `${d.failures.length} failed`,
        pass: d.failures.length === 0,
      },
    ],
    notes: [
      "The loading user loads its whole list as the client's conversations() does: the next page as soon as the previous one arrives (a 509 waited out; refused pages are counted apart from failures), so the sends meet a server busy with pages all the time the list loads.",
      'The server is natter serve from the packed @natter/server (dev auth, default limits), in a process of its own.',
    ],
  };
}
