// Enforces the layering of DESIGN.md: each layer imports only the layers below it.
const layer = (name) => `^src/${name}/`;
const forbid = (from, notAllowed, comment) => ({
  name: `${from}-imports-${notAllowed.join('-')}`,
  severity: 'error',
  comment,
  from: { path: layer(from) },
  to: { path: `^src/(${notAllowed.join('|')})/` },
});
module.exports = {
  forbidden: [
    forbid(
      'protocol',
      ['server', 'client', 'node', 'compat', 'store', 'emoji', 'react', 'ui'],
      'protocol imports nothing of natter',
    ),
    forbid('emoji', ['protocol', 'server', 'client', 'node', 'compat', 'store', 'react', 'ui'], 'emoji is a pure leaf'),
    forbid(
      'server',
      ['client', 'node', 'compat', 'store', 'emoji', 'react', 'ui'],
      'server core imports protocol only',
    ),
    forbid('client', ['server', 'node', 'compat', 'store', 'emoji', 'react', 'ui'], 'client imports protocol only'),
    forbid('node', ['client', 'compat', 'store', 'emoji', 'react', 'ui'], 'node host imports protocol and server'),
    forbid('compat', ['node', 'store', 'emoji', 'react', 'ui'], 'compat imports protocol, client, server'),
    forbid('store', ['server', 'node', 'compat', 'emoji', 'react', 'ui'], 'store imports protocol and client'),
    forbid('react', ['node', 'compat', 'ui'], 'react imports store, client, protocol, emoji'),
    {
      name: 'react-imports-server',
      severity: 'error',
      comment:
        'react reaches the server core only through embedded-session.ts (ChatProvider without a client), itself imported lazily',
      from: { path: layer('react'), pathNot: '^src/react/embedded-session\\.ts$' },
      to: { path: '^src/server/' },
    },
    {
      name: 'react-imports-server-statically',
      severity: 'error',
      comment: 'the embedded server must stay out of the initial bundle of apps that bring their own client',
      from: { path: '^src/', pathNot: '^src/react/embedded-session\\.ts$' },
      to: { path: '^src/react/embedded-session\\.ts$', dependencyTypesNot: ['dynamic-import'] },
    },
    forbid(
      'ui',
      ['server', 'node', 'compat', 'store', 'client'],
      'ui reads only through react hooks (plus protocol types and emoji)',
    ),
    {
      name: 'ui-imports-react-internals',
      severity: 'error',
      comment:
        'components use exactly the public hooks a team drawing its own UI gets: import the react layer through src/react/index.ts only',
      from: { path: layer('ui') },
      to: { path: '^src/react/', pathNot: '^src/react/index\\.tsx?$' },
    },
    {
      name: 'ui-imports-protocol-values',
      severity: 'error',
      comment:
        'ui takes only types from protocol (`import type`); helpers it needs come through the public react entry',
      from: { path: layer('ui') },
      to: { path: '^src/protocol/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'browser-entry-reaches-node',
      severity: 'error',
      comment: 'src/node must never be reachable from a browser entry point',
      from: { path: '^src/entries/(index|store|react|ui|compat-tencent|compat-webim)\\.ts' },
      to: { path: '^src/node/', reachable: true },
    },
    {
      name: 'browser-code-imports-node-builtins',
      severity: 'error',
      comment: 'only src/node may use Node built-ins',
      from: { path: '^src/', pathNot: '^src/node/' },
      to: { dependencyTypes: ['core'] },
    },
    { name: 'no-circular', severity: 'error', from: {}, to: { circular: true } },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js'] },
  },
};
