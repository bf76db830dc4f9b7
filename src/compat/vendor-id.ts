// Owns how a vendor-side id (user, group, room) becomes a natter id. natter
// ids are 1–64 of `A-Za-z0-9_.@-`; Easemob and Tencent apps use such ids too,
// but the documents' placeholders ('group id', 'chatroom id') do not. Rather
// than fail those, a facade maps every run of other characters to `_`, so
// 'group id' is the natter group `group_id`. Valid ids pass unchanged.
import { ID_PATTERN } from '../protocol/ids';

export function natterId(vendorId: string): string {
  const s = String(vendorId);
  if (ID_PATTERN.test(s)) return s;
  const mapped = s
    .trim()
    .replace(/[^A-Za-z0-9_.@-]+/g, '_')
    .slice(0, 64);
  return mapped || '_';
}
