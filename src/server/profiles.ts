// Owns profiles: setting one's own (name, an uploaded avatar, custom fields,
// presence privacy), reading those a user may see (people who share a
// conversation or a group with them, or everyone with a public directory),
// the directory search (prefix of a name, a word of it, or the id; case
// folded; Chinese names included), and the app's ProfileSource filling in
// from its own user database. Changes reach contacts through ContactFanout.
import { ErrorCode } from '../protocol/errors';
import type { UserId } from '../protocol/message';
import type { Profile, ProfileUpdate } from '../protocol/people';
import { contactsOf, visibleUsers } from './contacts';
import type { Caller, CoreContext } from './context';
import { fail } from './context';
import type { OpHandlers } from './op-handler';
import type { SourceProfile } from './people-options';
import type { ProfileRecord } from './people-storage';
import { foldForSearch, profileTerms } from './search-text';

const DEFAULT_SEARCH_LIMIT = 20;

/** The record of a user who never set anything: their id as name. */
function defaultProfileRecord(user: UserId, now: number): ProfileRecord {
  return { profile: { user, name: user, updatedAt: now }, hidePresence: false, lastSeen: null };
}

/** Stored records of `users` that have one, by user. */
export async function profileRecords(ctx: CoreContext, users: readonly UserId[]): Promise<Map<UserId, ProfileRecord>> {
  const found = new Map<UserId, ProfileRecord>();
  if (users.length === 0) return found;
  for (const r of await ctx.storage.getProfiles([...users])) found.set(r.profile.user, r);
  return found;
}

function withSource(profile: Profile, source: SourceProfile | undefined): Profile {
  if (!source) return profile;
  const out: Profile = { ...profile };
  if (source.name !== undefined) out.name = source.name;
  if (source.avatar !== undefined) out.avatar = source.avatar;
  if (source.fields !== undefined) out.fields = { ...profile.fields, ...source.fields };
  return out;
}

/**
 * Profiles of `users` as everyone sees them: stored ones with the app's source on top. A user
 * nobody knows (no record, not in the source) is left out unless `keepUnknown` (then: id as name).
 */
async function resolveProfiles(ctx: CoreContext, users: readonly UserId[], keepUnknown: boolean): Promise<Profile[]> {
  const records = await profileRecords(ctx, users);
  const source = ctx.options.people?.profiles;
  const fromSource = new Map<UserId, SourceProfile>();
  if (source && users.length > 0) for (const s of await source.get([...users])) fromSource.set(s.user, s);
  const out: Profile[] = [];
  for (const user of users) {
    const record = records.get(user);
    const s = fromSource.get(user);
    if (!record && !s && !keepUnknown) continue;
    out.push(withSource(record?.profile ?? { user, name: user, updatedAt: 0 }, s));
  }
  return out;
}

/** Makes sure a user who connected has a record (so the directory lists everyone who ever logged in). */
export async function ensureProfile(ctx: CoreContext, user: UserId): Promise<ProfileRecord> {
  const existing = (await profileRecords(ctx, [user])).get(user);
  if (existing) return existing;
  const record = defaultProfileRecord(user, ctx.clock.now());
  await ctx.storage.putProfile(record);
  return record;
}

async function avatarUrl(ctx: CoreContext, user: UserId, fileId: string): Promise<string> {
  const file = await ctx.storage.getFile(fileId);
  if (!file) fail(ErrorCode.FILE_NOT_FOUND);
  if (file.owner !== user) fail(ErrorCode.NOT_ALLOWED, 'the avatar must be an image you uploaded');
  if (!file.file.mime.startsWith('image/')) fail(ErrorCode.FILE_TYPE_NOT_ALLOWED, 'the avatar must be an image');
  return file.file.url;
}

async function setProfile(ctx: CoreContext, caller: Caller, p: ProfileUpdate): Promise<{ profile: Profile }> {
  const now = ctx.clock.now();
  const avatar = p.avatarFileId ? await avatarUrl(ctx, caller.user, p.avatarFileId) : undefined;
  const record = (await profileRecords(ctx, [caller.user])).get(caller.user) ?? defaultProfileRecord(caller.user, now);
  const profile: Profile = { ...record.profile, updatedAt: now };
  if (p.name !== undefined) profile.name = p.name.trim();
  if (p.fields !== undefined) profile.fields = { ...p.fields };
  if (p.avatarFileId === null) {
    delete profile.avatar;
    delete record.avatarFileId;
  } else if (p.avatarFileId !== undefined && avatar !== undefined) {
    profile.avatar = avatar;
    record.avatarFileId = p.avatarFileId;
  }
  const hideChanged = p.hidePresence !== undefined && p.hidePresence !== record.hidePresence;
  if (p.hidePresence !== undefined) record.hidePresence = p.hidePresence;
  record.profile = profile;
  await ctx.storage.putProfile(record);
  const [shown] = await resolveProfiles(ctx, [caller.user], true);
  ctx.people.fanout.profile(await contactsOf(ctx, caller.user), shown!);
  if (hideChanged) ctx.people.presence.privacyChanged(caller.user, record.hidePresence);
  return { profile: shown! };
}

async function getProfiles(ctx: CoreContext, caller: Caller, p: { users: UserId[] }): Promise<{ profiles: Profile[] }> {
  const users = [...new Set(p.users)];
  const visible = await visibleUsers(ctx, caller.user, users);
  const keepUnknown = !ctx.options.people?.publicDirectory;
  return {
    profiles: await resolveProfiles(
      ctx,
      users.filter((u) => visible.has(u)),
      keepUnknown,
    ),
  };
}

function byName(a: Profile, b: Profile): number {
  const x = foldForSearch(a.name);
  const y = foldForSearch(b.name);
  return x < y ? -1 : x > y ? 1 : a.user < b.user ? -1 : a.user > b.user ? 1 : 0;
}

async function searchUsers(
  ctx: CoreContext,
  caller: Caller,
  p: { query: string; limit?: number },
): Promise<{ profiles: Profile[] }> {
  const prefix = foldForSearch(p.query.trim());
  const limit = p.limit ?? DEFAULT_SEARCH_LIMIT;
  const matches = (profile: Profile) => profileTerms(profile).some((t) => t.startsWith(prefix));
  let candidates: Profile[];
  if (ctx.options.people?.publicDirectory) {
    const stored = (await ctx.storage.searchProfiles({ prefix, limit })).map((r) => r.profile.user);
    const source = ctx.options.people.profiles?.search
      ? (await ctx.options.people.profiles.search(p.query.trim(), limit)).map((s) => s.user)
      : [];
    candidates = await resolveProfiles(ctx, [...new Set([...stored, ...source])], false);
  } else {
    const contacts = [caller.user, ...(await contactsOf(ctx, caller.user))];
    candidates = await resolveProfiles(ctx, contacts, true);
  }
  // The source may rename a user, so what is returned is matched against what is shown.
  return { profiles: candidates.filter(matches).sort(byName).slice(0, limit) };
}

export const profileOps: OpHandlers<'profile.set' | 'profile.get' | 'users.search'> = {
  'profile.set': setProfile,
  'profile.get': getProfiles,
  'users.search': searchUsers,
};
