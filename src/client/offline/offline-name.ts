// Owns the name of a user's offline database: one per server and user, so two
// accounts on one browser never see each other's data and a logout deletes
// exactly one database. The server's query and hash (tokens) are left out.

export function offlineDbName(server: string, user: string): string {
  const bare = server.replace(/[?#].*$/, '');
  return `natter:${bare}|${user}`;
}
