// Owns PgStorage's queries over invitations that read or claim rows: the
// compare-and-set replace, the timer claims (FOR UPDATE SKIP LOCKED, so nodes
// never claim the same due invitation) and the lists the server core asks for;
// and reading and storing one invitation with its parties (PgStorage runs the
// store in one transaction).
import { isInvitationOpen, type Invitation } from '../protocol/invitation';
import type { UserId } from '../protocol/message';
import type { PgDatabase } from './pg-database';
import { allJson, firstJson } from './pg-json-rows';
import type { PgRows } from './pg-people-storage';

/** One invitation (locked until commit when read inside a transaction). */
export async function pgGetInvitation(db: PgDatabase, inviteId: string): Promise<Invitation | null> {
  return firstJson<Invitation>(
    await db.rows(`SELECT json FROM invitations WHERE invite_id = $1${db.lock}`, [inviteId]),
  );
}

/** Run inside a transaction: the invitation and its party rows change together. */
export async function pgPutInvitation(tx: PgDatabase, inv: Invitation): Promise<void> {
  await tx.rows(
    `INSERT INTO invitations (invite_id, open, deadline, created_at, json) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (invite_id) DO UPDATE SET open = excluded.open, deadline = excluded.deadline, json = excluded.json`,
    [inv.inviteId, isInvitationOpen(inv), inv.deadline, inv.createdAt, JSON.stringify(inv)],
  );
  await tx.rows('DELETE FROM invitation_parties WHERE invite_id = $1', [inv.inviteId]);
  await tx.rows(
    'INSERT INTO invitation_parties (user_id, invite_id) SELECT DISTINCT u, $2::text FROM unnest($1::text[]) AS u',
    [[inv.inviter, ...inv.invitees], inv.inviteId],
  );
}

export async function pgReplaceInvitation(rows: PgRows, next: Invitation, expected: Invitation): Promise<boolean> {
  // The row is locked by the compare: of two racing callers, the second sees the first's write.
  const updated = await rows<{ invite_id: string }>(
    'UPDATE invitations SET open = $2, deadline = $3, json = $4 WHERE invite_id = $1 AND json::jsonb = $5::jsonb RETURNING invite_id',
    [next.inviteId, isInvitationOpen(next), next.deadline, JSON.stringify(next), JSON.stringify(expected)],
  );
  return updated.length > 0;
}

export async function pgClaimDueInvitations(
  rows: PgRows,
  time: number,
  limit: number,
  owner: string,
  leaseUntil: number,
): Promise<Invitation[]> {
  const claimed = allJson<Invitation>(
    await rows(
      `UPDATE invitations SET claim_owner = $3, claim_until = $4 WHERE invite_id IN (
         SELECT invite_id FROM invitations
         WHERE open AND deadline IS NOT NULL AND deadline <= $1 AND (claim_until IS NULL OR claim_until <= $1 OR claim_owner = $3)
         ORDER BY deadline, invite_id LIMIT $2 FOR UPDATE SKIP LOCKED)
       RETURNING json`,
      [time, Math.max(0, limit), owner, leaseUntil],
    ),
  );
  // UPDATE ... RETURNING keeps no order: earliest deadline first, as pgListDueInvitations.
  return claimed.sort((a, b) => (a.deadline ?? 0) - (b.deadline ?? 0) || a.inviteId.localeCompare(b.inviteId));
}

export async function pgListDueInvitations(rows: PgRows, time: number, limit: number): Promise<Invitation[]> {
  return allJson(
    await rows(
      'SELECT json FROM invitations WHERE open AND deadline IS NOT NULL AND deadline <= $1 ORDER BY deadline, invite_id LIMIT $2',
      [time, Math.max(0, limit)],
    ),
  );
}

export async function pgListOpenInvitations(rows: PgRows, user: UserId): Promise<Invitation[]> {
  return allJson(
    await rows(
      'SELECT i.json FROM invitation_parties p JOIN invitations i ON i.invite_id = p.invite_id WHERE p.user_id = $1 AND i.open ORDER BY i.created_at, i.invite_id',
      [user],
    ),
  );
}

export async function pgNextInvitationDeadline(rows: PgRows): Promise<number | null> {
  const found = await rows<{ d: string | null }>(
    'SELECT MIN(GREATEST(deadline, COALESCE(claim_until, 0))) AS d FROM invitations WHERE open AND deadline IS NOT NULL',
  );
  return found[0]?.d == null ? null : Number(found[0].d);
}
