// Owns the text of `natter --help`: every command and option of the CLI.

export const HELP = `Usage:
  natter serve [options]        run the natter server (WebSocket /ws + file API /files)
  natter token <user> [options] print a signed token for <user>
  natter migrate-db --from <file.sqlite> --to <postgres://…>
                                copy a single-node database into an empty PostgreSQL one
  natter vapid-keys             print a new VAPID key pair for --vapid-public-key/--vapid-private-key

natter serve options:
  --port <n>            TCP port (default 8080; 0 picks a free one)
  --host <addr>         interface to listen on (default 127.0.0.1)
  --db <path>           SQLite database file (default $NATTER_DB or ./natter.sqlite), or
                        postgres://user:pass@host:port/db to share one database between nodes
  --redis <url>         redis://host:port (default $NATTER_REDIS): events reach clients on
                        every node (needs a postgres:// --db)
  --node-lease <ms>     with --redis: how long a node's lease lasts unrefreshed, so how soon
                        a killed node is taken over (default 15000; 1000 to 600000)
  --files <dir>         directory for uploaded files (default ./files)
  --secret <s>          token secret (default: $NATTER_SECRET); required unless --dev
  --dev                 accept any user id without a token (development only)
  --synchronous <mode>  normal (default; survives a process crash) or full (also power loss)
  --recall-window <ms>  message recall window (default 120000)
  --edit-window <ms>    how long after sending an author may edit (default: no limit)
  --delete-window <ms>  how long after sending an author may delete for everyone (default: no limit)
  --event-max-age <ms>  how long a device that went away can resume where it left off
                        (default 2592000000, 30 days; older devices do a full sync; 0 = no age limit)
  --max-file-bytes <n>  upload size limit
  --ping-interval <ms>  WebSocket ping interval (default 30000)
  --rate-limit <r,b>    requests per second and burst per user, across all of the user's
                        connections (default 200,1000), or off; malformed frames count too
  --public-url <url>    base URL clients use to reach this server, for file URLs
                        (default http://<host>:<port>)
  --ice-servers <list>  STUN/TURN servers for calls: comma-separated stun:/turn: URLs, or a JSON
                        array of RTCIceServer entries (default none: enough on a LAN or loopback)
  --turn-secret <s>     secret shared with the TURN server (coturn use-auth-secret; default
                        $NATTER_TURN_SECRET): each call gets short-lived TURN credentials
  --turn-ttl <seconds>  lifetime of those credentials (default 3600)

  Limits on connections and uploads:
  --max-connections <n>         open WebSocket connections at most (default 10000; 0 = no cap)
  --max-connections-per-ip <n>  open WebSocket connections per remote address (default 100;
                                0 = no cap; behind a proxy every client shares its address)
  --hello-timeout <ms>          close a connection that sends no hello this long (default 10000)
  --headers-timeout <ms>        time to send an HTTP request's headers (default 10000)
  --request-timeout <ms>        time to send a whole HTTP request, body included (default 120000)
  --upload-rate <r,b>           uploads per second and burst per user (default 1,20), or off
  --upload-quota <bytes>[/<ms>] bytes a user may upload per period (default 1073741824/86400000,
                                1 GiB a day), or off

  Web Push to browsers of users with no live session (new messages, invitations):
  --vapid-public-key <k>        VAPID public key, base64url (default $NATTER_VAPID_PUBLIC_KEY);
                                make a pair with \`natter vapid-keys\`
  --vapid-private-key <k>       VAPID private key (default $NATTER_VAPID_PRIVATE_KEY)
  --vapid-subject <uri>         mailto: or https: contact for push services (required with keys)
  --push-text                   message pushes carry the message text (default: sender and kind)
  --push-allow-loopback-http    accept http:// push endpoints on 127.0.0.1/localhost (local push
                                services and tests; default https only)

  Moderation (Easemob codes 501 and 502):
  --reject-words <list>         words refused with 501: comma-separated, or @file (one per line)
  --intercept-words <list>      words refused with 502: comma-separated, or @file

  JWTs from an identity provider (accepted next to natter's own tokens):
  --jwt-secret <s>              HS256 secret, at least 32 bytes (default: $NATTER_JWT_SECRET)
  --jwt-jwks <file|url>         JWKS for RS256 / ES256 / EdDSA tokens
  --jwt-issuer <iss>            required iss (comma-separated for several)
  --jwt-audience <aud>          required aud (comma-separated for several)
  --jwt-clock-skew <seconds>    tolerated clock skew (default 30)
  --jwt-user-claim <claim>      claim holding the user id (default sub)
  --jwt-algorithms <list>       allowed algorithms (default HS256 with a secret, RS256,ES256,EdDSA
                                with a JWKS; "none" is never allowed)

natter token options:
  --ttl <seconds>       lifetime (default 3600)
  --secret <s>          token secret, at least 32 bytes (default: $NATTER_SECRET)

  -h, --help            show this help
  -v, --version         print the version of @natter/server
`;
