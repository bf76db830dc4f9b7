// Owns groups: create, info, list, add/remove members, leave, destroy,
// mute a member (with an end time), whitelist mode, appointing admins (owner
// only). Owner and admins manage;
// 605 for an unknown group, 602 for non-members, 510 for missing rights.
import type { GroupInfo } from '../protocol/entities';
import { ErrorCode } from '../protocol/errors';
import type { Ops } from '../protocol/frames';
import type { UserId } from '../protocol/message';
import type { Caller, CoreContext } from './context';
import { fail, inTx } from './context';
import { isGroupManager, requireGroup, requireGroupMember } from './membership';
import type { OpHandlers } from './op-handler';
import { conversationKey } from './conversation-key';
import { hideConversation } from './conversation-state';

type GroupAction = Extract<import('../protocol/frames').ChatEvent, { type: 'group' }>['action'];

function unique(users: UserId[]): UserId[] {
  return [...new Set(users)];
}

/** Stores the group and tells `audience` (default: its members), in the transaction that read it. */
async function commit(
  ctx: CoreContext,
  group: GroupInfo,
  action: GroupAction,
  users: UserId[],
  by: UserId,
  audience?: UserId[],
): Promise<GroupInfo> {
  current(group, ctx.clock.now());
  if (action === 'destroyed') await ctx.storage.deleteGroup(group.groupId);
  else await ctx.storage.putGroup(group);
  // Who is no longer in the group loses it from the conversation list (its history is members-only).
  if (action === 'destroyed' || action === 'left' || action === 'memberRemoved') {
    const key = conversationKey('group', by, group.groupId);
    for (const u of users) await hideConversation(ctx.storage, u, key);
  }
  ctx.events.durable(audience ?? group.members, { type: 'group', action, group, users, by });
  return group;
}

async function requireManager(ctx: CoreContext, groupId: string, user: UserId): Promise<GroupInfo> {
  const group = await requireGroupMember(ctx.storage, groupId, user);
  if (!isGroupManager(group, user)) fail(ErrorCode.NOT_ALLOWED, 'only the owner or an admin can do this');
  return group;
}

async function create(ctx: CoreContext, caller: Caller, p: Ops['group.create']['p']): Promise<{ group: GroupInfo }> {
  const groupId = p.groupId ?? ctx.ids.serverId();
  if (await ctx.storage.getGroup(groupId)) fail(ErrorCode.ALREADY_EXISTS, 'group already exists');
  const group: GroupInfo = {
    groupId,
    name: p.name,
    desc: p.desc ?? '',
    owner: caller.user,
    admins: [],
    members: unique([caller.user, ...(p.members ?? [])]),
    public: p.public ?? false,
    approval: p.approval ?? false,
    allowInvites: p.allowInvites ?? false,
    whitelistOnly: false,
    whitelist: [],
    muted: {},
    createdAt: ctx.clock.now(),
  };
  return { group: await commit(ctx, group, 'created', group.members, caller.user) };
}

/** Mutes whose end time has passed are reported as lifted. */
function current(group: GroupInfo, now: number): GroupInfo {
  for (const [user, until] of Object.entries(group.muted)) if (until !== 0 && until <= now) delete group.muted[user];
  return group;
}

async function info(ctx: CoreContext, caller: Caller, p: { groupId: string }): Promise<{ group: GroupInfo }> {
  const group = await requireGroup(ctx.storage, p.groupId);
  if (!group.public && !group.members.includes(caller.user)) fail(ErrorCode.NOT_IN_GROUP);
  return { group: current(group, ctx.clock.now()) };
}

async function list(ctx: CoreContext, caller: Caller): Promise<{ groups: GroupInfo[] }> {
  return { groups: (await ctx.storage.listGroupsOf(caller.user)).map((g) => current(g, ctx.clock.now())) };
}

async function addMembers(
  ctx: CoreContext,
  caller: Caller,
  p: { groupId: string; users: UserId[] },
): Promise<{ group: GroupInfo }> {
  const group = await requireGroupMember(ctx.storage, p.groupId, caller.user);
  if (!isGroupManager(group, caller.user) && !group.allowInvites)
    fail(ErrorCode.NOT_ALLOWED, 'members may not invite in this group');
  const added = unique(p.users).filter((u) => !group.members.includes(u));
  if (added.length === 0) return { group };
  group.members = [...group.members, ...added];
  return { group: await commit(ctx, group, 'memberAdded', added, caller.user) };
}

function dropMembers(group: GroupInfo, users: UserId[]): void {
  group.members = group.members.filter((u) => !users.includes(u));
  group.admins = group.admins.filter((u) => !users.includes(u));
  group.whitelist = group.whitelist.filter((u) => !users.includes(u));
  for (const u of users) delete group.muted[u];
}

async function removeMembers(
  ctx: CoreContext,
  caller: Caller,
  p: { groupId: string; users: UserId[] },
): Promise<{ group: GroupInfo }> {
  const group = await requireManager(ctx, p.groupId, caller.user);
  if (p.users.includes(group.owner)) fail(ErrorCode.NOT_ALLOWED, 'the owner cannot be removed');
  const removed = unique(p.users).filter((u) => group.members.includes(u));
  if (removed.length === 0) return { group };
  const audience = group.members;
  dropMembers(group, removed);
  return { group: await commit(ctx, group, 'memberRemoved', removed, caller.user, audience) };
}

async function leave(ctx: CoreContext, caller: Caller, p: { groupId: string }): Promise<Record<string, never>> {
  const group = await requireGroupMember(ctx.storage, p.groupId, caller.user);
  if (group.owner === caller.user) fail(ErrorCode.NOT_ALLOWED, 'the owner cannot leave; destroy the group instead');
  const audience = group.members;
  dropMembers(group, [caller.user]);
  await commit(ctx, group, 'left', [caller.user], caller.user, audience);
  return {};
}

async function destroy(ctx: CoreContext, caller: Caller, p: { groupId: string }): Promise<Record<string, never>> {
  const group = await requireGroupMember(ctx.storage, p.groupId, caller.user);
  if (group.owner !== caller.user) fail(ErrorCode.NOT_ALLOWED, 'only the owner can destroy the group');
  await commit(ctx, group, 'destroyed', group.members, caller.user);
  return {};
}

async function mute(ctx: CoreContext, caller: Caller, p: Ops['group.mute']['p']): Promise<{ group: GroupInfo }> {
  const group = await requireManager(ctx, p.groupId, caller.user);
  if (!group.members.includes(p.user)) fail(ErrorCode.NOT_IN_GROUP, `${p.user} is not a member`);
  if (p.user === group.owner) fail(ErrorCode.NOT_ALLOWED, 'the owner cannot be muted');
  if (p.mute) group.muted[p.user] = p.durationMs ? ctx.clock.now() + p.durationMs : 0;
  else delete group.muted[p.user];
  return { group: await commit(ctx, group, p.mute ? 'muted' : 'unmuted', [p.user], caller.user) };
}

async function whitelist(
  ctx: CoreContext,
  caller: Caller,
  p: Ops['group.whitelist']['p'],
): Promise<{ group: GroupInfo }> {
  const group = await requireManager(ctx, p.groupId, caller.user);
  if (p.enabled !== undefined) group.whitelistOnly = p.enabled;
  const add = (p.add ?? []).filter((u) => group.members.includes(u) && !group.whitelist.includes(u));
  group.whitelist = [...group.whitelist, ...add].filter((u) => !(p.remove ?? []).includes(u));
  return { group: await commit(ctx, group, 'updated', [...add, ...(p.remove ?? [])], caller.user) };
}

async function setAdmin(
  ctx: CoreContext,
  caller: Caller,
  p: Ops['group.setAdmin']['p'],
): Promise<{ group: GroupInfo }> {
  const group = await requireGroupMember(ctx.storage, p.groupId, caller.user);
  if (group.owner !== caller.user) fail(ErrorCode.NOT_ALLOWED, 'only the owner can appoint admins');
  if (!group.members.includes(p.user)) fail(ErrorCode.NOT_IN_GROUP, `${p.user} is not a member`);
  if (p.user === group.owner) fail(ErrorCode.NOT_ALLOWED, 'the owner cannot be an admin');
  if (group.admins.includes(p.user) === p.admin) return { group: current(group, ctx.clock.now()) };
  group.admins = p.admin ? [...group.admins, p.user] : group.admins.filter((u) => u !== p.user);
  return { group: await commit(ctx, group, 'updated', [p.user], caller.user) };
}

/** A change runs whole in one transaction: the group is read where it is written (no lost update between nodes). */
function inGroupTx<P, R>(
  op: (ctx: CoreContext, caller: Caller, p: P) => Promise<R>,
): (ctx: CoreContext, caller: Caller, p: P) => Promise<R> {
  return (ctx, caller, p) => inTx(ctx, (t) => op(t, caller, p));
}

export const groupOps: OpHandlers<
  | 'group.create'
  | 'group.info'
  | 'group.list'
  | 'group.addMembers'
  | 'group.removeMembers'
  | 'group.leave'
  | 'group.destroy'
  | 'group.mute'
  | 'group.whitelist'
  | 'group.setAdmin'
> = {
  'group.create': inGroupTx(create),
  'group.info': info,
  'group.list': list,
  'group.addMembers': inGroupTx(addMembers),
  'group.removeMembers': inGroupTx(removeMembers),
  'group.leave': inGroupTx(leave),
  'group.destroy': inGroupTx(destroy),
  'group.mute': inGroupTx(mute),
  'group.whitelist': inGroupTx(whitelist),
  'group.setAdmin': inGroupTx(setAdmin),
};
