#!/usr/bin/env bash
# Start a throwaway PostgreSQL server for the store tests and print where it is.
#
#   eval "$(.ci/postgres.sh)"     # exports SVIDOK_TEST_POSTGRES for this shell
#
# stdout carries only the `export SVIDOK_TEST_POSTGRES=...` line; progress goes to stderr.
# The cluster lives in a temp dir (printed on stderr); stop it with
#   pg_ctl -D DIR stop      (as the user that owns DIR)
set -euo pipefail

PORT="${SVIDOK_PG_PORT:-55432}"
# Move past ports already taken (another cluster from an earlier run, say).
while (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; do PORT=$((PORT + 1)); done
DBNAME="${SVIDOK_PG_DB:-svidok_test}"

log() { echo "postgres.sh: $*" >&2; }

find_bindir() {
    local dir
    for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
        [ -x "$dir/initdb" ] && { echo "$dir"; return 0; }
    done
    command -v initdb >/dev/null 2>&1 && { dirname "$(command -v initdb)"; return 0; }
    return 1
}

BINDIR="$(find_bindir || true)"
if [ -z "$BINDIR" ]; then
    log "installing Debian's postgresql"
    if [ "$(id -u)" = 0 ]; then APT="apt-get"; else APT="sudo apt-get"; fi
    $APT update -qq >&2
    DEBIAN_FRONTEND=noninteractive $APT install -y -qq postgresql >&2
    BINDIR="$(find_bindir)"
fi

# initdb refuses to run as root: use the postgres user then (Debian's package creates it).
if [ "$(id -u)" = 0 ]; then
    id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
    as_owner() { runuser -u postgres -- "$@"; }
else
    as_owner() { "$@"; }
fi

DATADIR="$(mktemp -d /tmp/svidok-pg.XXXXXX)"
[ "$(id -u)" = 0 ] && chown postgres "$DATADIR"
log "cluster in $DATADIR (port $PORT)"
as_owner "$BINDIR/initdb" -D "$DATADIR/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
as_owner "$BINDIR/pg_ctl" -D "$DATADIR/data" -l "$DATADIR/server.log" -w \
    -o "-c listen_addresses=127.0.0.1 -p $PORT -k $DATADIR -c fsync=off" start >&2
as_owner "$BINDIR/createdb" -h 127.0.0.1 -p "$PORT" -U postgres "$DBNAME"

URL="postgresql://postgres@127.0.0.1:$PORT/$DBNAME"
export SVIDOK_TEST_POSTGRES="$URL"
echo "export SVIDOK_TEST_POSTGRES=$URL"
