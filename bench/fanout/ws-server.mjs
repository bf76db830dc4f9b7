// Child process for the fan-out benchmark: the ceiling — a bare `ws` server that
// does the same fan-out with no storage, no validation and no ordering. Clients
// send {t:'join', user, group} then {t:'send', id, group, body}; the server acks
// the sender and forwards the body to every other member of the group.
import { WebSocketServer } from 'ws';

const groups = new Map();
const wss = new WebSocketServer({ host: '127.0.0.1', port: 0, maxPayload: 1 << 20 });
wss.on('connection', (ws) => {
  ws.on('message', (data) => {
    const f = JSON.parse(String(data));
    if (f.t === 'join') {
      let members = groups.get(f.group);
      if (!members) groups.set(f.group, (members = new Set()));
      members.add(ws);
      ws.send(JSON.stringify({ t: 'joined' }));
    } else if (f.t === 'send') {
      const out = JSON.stringify({ t: 'evt', body: f.body });
      for (const m of groups.get(f.group) ?? []) if (m !== ws) m.send(out);
      ws.send(JSON.stringify({ t: 'ok', id: f.id }));
    }
  });
});
wss.on('listening', () => process.stdout.write(`PORT ${wss.address().port}\n`));
process.stdin.on('end', () => wss.close(() => process.exit(0)));
process.stdin.resume();
