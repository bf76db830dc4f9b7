// Owns SqliteStorage's invitations: the record as JSON with the columns the
// timers query (open, deadline), and one row per party so a user's open
// invitations come from an index. One server per file (owner lock): nobody
// else works on invitations, so claiming the due ones is listing them.
import type Database from 'better-sqlite3';
import { isInvitationOpen, type Invitation } from '../protocol/invitation';
import type { UserId } from '../protocol/message';

type Row = { json: string };

export class SqliteInvitations {
  private readonly s;

  constructor(
    db: Database.Database,
    private readonly transaction: <T>(fn: () => T) => T,
  ) {
    const p = (sql: string) => db.prepare(sql);
    this.s = {
      get: p('SELECT json FROM invitations WHERE invite_id = ?'),
      put: p('INSERT OR REPLACE INTO invitations (invite_id, open, deadline, created_at, json) VALUES (?, ?, ?, ?, ?)'),
      deleteParties: p('DELETE FROM invitation_parties WHERE invite_id = ?'),
      insertParty: p('INSERT OR IGNORE INTO invitation_parties (user, invite_id) VALUES (?, ?)'),
      listDue: p(
        'SELECT json FROM invitations WHERE open = 1 AND deadline IS NOT NULL AND deadline <= ? ORDER BY deadline, invite_id LIMIT ?',
      ),
      listOpen: p(
        'SELECT i.json FROM invitation_parties p JOIN invitations i ON i.invite_id = p.invite_id WHERE p.user = ? AND i.open = 1 ORDER BY i.created_at, i.invite_id',
      ),
      nextDeadline: p('SELECT MIN(deadline) AS d FROM invitations WHERE open = 1 AND deadline IS NOT NULL'),
    };
  }

  getInvitation(inviteId: string): Invitation | null {
    const row = this.s.get.get(inviteId) as Row | undefined;
    return row ? (JSON.parse(row.json) as Invitation) : null;
  }

  putInvitation(inv: Invitation): void {
    this.transaction(() => {
      this.s.put.run(inv.inviteId, isInvitationOpen(inv) ? 1 : 0, inv.deadline, inv.createdAt, JSON.stringify(inv));
      this.s.deleteParties.run(inv.inviteId);
      for (const user of new Set([inv.inviter, ...inv.invitees])) this.s.insertParty.run(user, inv.inviteId);
    });
  }

  replaceInvitation(next: Invitation, expected: Invitation): boolean {
    return this.transaction(() => {
      const stored = this.getInvitation(next.inviteId);
      if (!stored || JSON.stringify(stored) !== JSON.stringify(expected)) return false;
      this.putInvitation(next);
      return true;
    });
  }

  listDueInvitations(time: number, limit: number): Invitation[] {
    return (this.s.listDue.all(time, Math.max(0, limit)) as Row[]).map((r) => JSON.parse(r.json) as Invitation);
  }

  listOpenInvitations(user: UserId): Invitation[] {
    return (this.s.listOpen.all(user) as Row[]).map((r) => JSON.parse(r.json) as Invitation);
  }

  nextInvitationDeadline(): number | null {
    return (this.s.nextDeadline.get() as { d: number | null }).d ?? null;
  }
}
