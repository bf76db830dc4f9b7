// Owns the group, chat room and blacklist calls of the WebIM connection
// (createGroupNew, answering a group invitation, joinChatRoom / quitChatRoom,
// addToBlackList / removeFromBlackList, muteGroupMember) and the callback-or-Promise settling
// every call shares: `success` / `error` are called, and the returned
// Promise rejects with the same `{ type, message }` for `await` users.
import type { ChatClient } from '../../client/chat-client-types';
import { ErrorCode, NatterError } from '../../protocol/errors';
import { natterId } from '../vendor-id';
import { toBlacklist } from './client-events';
import { safeCall, toWebIMError } from './errors';
import type { Blacklist, Callbacks, ListenerArg, ListenerName, WebIMError } from './types';

export interface CreateGroupData {
  groupname: string;
  desc?: string;
  members?: string[];
  public?: boolean;
  approval?: boolean;
  allowinvites?: boolean;
  /** natter: choose the group id (Easemob assigns one). */
  groupid?: string;
}

function names(name: string | string[]): string[] {
  return (Array.isArray(name) ? name : [name]).map((n) => natterId(String(n)));
}

export abstract class ConnectionGroups {
  protected abstract requireClient(): ChatClient;
  protected abstract emit<K extends ListenerName>(name: K, arg: ListenerArg<K>): void;

  protected requireClientAsync(): Promise<ChatClient> {
    try {
      return Promise.resolve(this.requireClient());
    } catch (err) {
      return Promise.reject(err instanceof Error ? err : new Error(String(err)));
    }
  }

  protected settle<T>(p: Promise<T>, success?: (res: T) => void, error?: (e: WebIMError) => void): Promise<T> {
    const out = p.then(
      (res) => {
        safeCall(success, res);
        return res;
      },
      (err: unknown) => {
        const e = toWebIMError(err);
        safeCall(error, e);
        // eslint-disable-next-line @typescript-eslint/only-throw-error -- Easemob's SDK rejects with its plain error object ({ type, message }), which apps read
        throw e;
      },
    );
    if (error) out.catch(() => undefined);
    return out;
  }

  createGroupNew(
    option: { data: CreateGroupData } & Callbacks<{ data: { groupid: string } }>,
  ): Promise<{ data: { groupid: string } }> {
    const d = option.data;
    const p = this.requireClientAsync()
      .then((c) =>
        c.createGroup({
          name: String(d.groupname ?? ''),
          ...(d.groupid !== undefined ? { groupId: natterId(d.groupid) } : {}),
          ...(d.desc !== undefined ? { desc: String(d.desc) } : {}),
          members: (d.members ?? []).map((m) => natterId(String(m))),
          public: d.public === true,
          approval: d.approval === true,
          allowInvites: d.allowinvites === true,
        }),
      )
      .then((g) => ({ data: { groupid: g.groupId } }));
    return this.settle(p, option.success, option.error);
  }

  /**
   * Accepts a group invitation (onInviteMessage). natter has already added
   * the invitee, so this confirms the membership: 602 when they are no longer
   * in the group, 510 when `invitee` is not this user.
   */
  agreeInviteIntoGroup(
    option: { invitee: string; groupId: string } & Callbacks<{ data: { result: boolean; groupid: string } }>,
  ): Promise<{ data: { result: boolean; groupid: string } }> {
    const p = this.inviteeClient(option.invitee)
      .then((c) => c.group(natterId(String(option.groupId))))
      .then((g) => {
        if (!g.members.includes(this.requireClient().user)) throw new NatterError(ErrorCode.NOT_IN_GROUP);
        return { data: { result: true, groupid: g.groupId } };
      });
    return this.settle(p, option.success, option.error);
  }

  /** Declines a group invitation: natter had added the invitee, so they leave the group (the others see them go). */
  rejectInviteFromGroup(
    option: { invitee: string; groupId: string } & Callbacks<{ data: { result: boolean; groupid: string } }>,
  ): Promise<{ data: { result: boolean; groupid: string } }> {
    const groupid = natterId(String(option.groupId));
    const p = this.inviteeClient(option.invitee)
      .then((c) => c.leaveGroup(groupid))
      .then(() => ({ data: { result: true, groupid } }));
    return this.settle(p, option.success, option.error);
  }

  /** Easemob 4.x name of agreeInviteIntoGroup. */
  acceptGroupInvite(
    option: Parameters<ConnectionGroups['agreeInviteIntoGroup']>[0],
  ): ReturnType<ConnectionGroups['agreeInviteIntoGroup']> {
    return this.agreeInviteIntoGroup(option);
  }

  /** Easemob 4.x name of rejectInviteFromGroup. */
  rejectGroupInvite(
    option: Parameters<ConnectionGroups['rejectInviteFromGroup']>[0],
  ): ReturnType<ConnectionGroups['rejectInviteFromGroup']> {
    return this.rejectInviteFromGroup(option);
  }

  private inviteeClient(invitee: string): Promise<ChatClient> {
    return this.requireClientAsync().then((c) => {
      if (natterId(String(invitee)) !== c.user)
        throw new NatterError(ErrorCode.NOT_ALLOWED, 'only the invitee can answer a group invitation');
      return c;
    });
  }

  /** Easemob 4.x createChatRoom; `roomId` is natter's (choose the id), `keepHistory` defaults to true. */
  createChatRoom(
    option: { name: string; description?: string; roomId?: string; keepHistory?: boolean } & Callbacks<{
      data: { id: string };
    }>,
  ): Promise<{ data: { id: string } }> {
    const p = this.requireClientAsync()
      .then((c) =>
        c.createRoom({
          name: String(option.name ?? ''),
          ...(option.roomId !== undefined ? { roomId: natterId(option.roomId) } : {}),
          keepHistory: option.keepHistory !== false,
        }),
      )
      .then((r) => ({ data: { id: r.roomId } }));
    return this.settle(p, option.success, option.error);
  }

  joinChatRoom(
    option: { roomId: string; message?: string } & Callbacks<{
      data: { action: 'apply'; id: string; result: boolean };
    }>,
  ): Promise<{ data: { action: 'apply'; id: string; result: boolean } }> {
    const p = this.requireClientAsync()
      .then((c) => c.joinRoom(natterId(String(option.roomId))))
      .then((r) => ({ data: { action: 'apply' as const, id: r.roomId, result: true } }));
    return this.settle(p, option.success, option.error);
  }

  quitChatRoom(
    option: { roomId: string } & Callbacks<{ data: { result: boolean } }>,
  ): Promise<{ data: { result: boolean } }> {
    const p = this.requireClientAsync()
      .then((c) => c.leaveRoom(natterId(String(option.roomId))))
      .then(() => ({ data: { result: true } }));
    return this.settle(p, option.success, option.error);
  }

  /** Blocks `name` (one user or a list); onBlacklistUpdate follows with the whole list. */
  addToBlackList(option: { name: string | string[] } & Callbacks<Blacklist>): Promise<Blacklist> {
    const p = this.requireClientAsync().then(async (c) => {
      let blocked: string[] = [];
      for (const n of names(option.name)) blocked = await c.block(n);
      return toBlacklist(blocked);
    });
    return this.settle(p, option.success, option.error);
  }

  removeFromBlackList(option: { name: string | string[] } & Callbacks<Blacklist>): Promise<Blacklist> {
    const p = this.requireClientAsync().then(async (c) => {
      let blocked: string[] = await c.blocklist();
      for (const n of names(option.name)) blocked = await c.unblock(n);
      return toBlacklist(blocked);
    });
    return this.settle(p, option.success, option.error);
  }

  getBlacklist(option: Callbacks<Blacklist> = {}): Promise<Blacklist> {
    const p = this.requireClientAsync()
      .then((c) => c.blocklist())
      .then((blocked) => {
        const list = toBlacklist(blocked);
        this.emit('onBlacklistUpdate', list);
        return list;
      });
    return this.settle(p, option.success, option.error);
  }

  /** `muteDuration` in ms (Easemob's unit); 0 or absent = until unmuted. Owner and admins only. */
  muteGroupMember(
    option: { username: string; muteDuration?: number; groupId: string } & Callbacks<{
      data: { result: boolean; user: string };
    }>,
  ): Promise<{ data: { result: boolean; user: string } }> {
    const user = natterId(String(option.username));
    const p = this.requireClientAsync()
      .then((c) =>
        c.muteGroupMember(natterId(String(option.groupId)), user, true, Math.max(0, Number(option.muteDuration) || 0)),
      )
      .then(() => ({ data: { result: true, user } }));
    return this.settle(p, option.success, option.error);
  }

  unmuteGroupMember(
    option: { username: string; groupId: string } & Callbacks<{ data: { result: boolean; user: string } }>,
  ): Promise<{ data: { result: boolean; user: string } }> {
    const user = natterId(String(option.username));
    const p = this.requireClientAsync()
      .then((c) => c.muteGroupMember(natterId(String(option.groupId)), user, false))
      .then(() => ({ data: { result: true, user } }));
    return this.settle(p, option.success, option.error);
  }
}
