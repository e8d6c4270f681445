#!/usr/bin/env bash
# A throw-away PostgreSQL cluster on this machine, for `make test` and `make cluster`:
#
#   server/scripts/postgres.sh start DIR PORT   create (once) and start a cluster in DIR, on
#                                               127.0.0.1:PORT; prints its URL
#   server/scripts/postgres.sh stop DIR         stop it (the files stay until DIR is removed)
#
# Uses Debian's PostgreSQL (installed by the Makefile when missing). PostgreSQL refuses to run as
# root, so when run as root the cluster belongs to Debian's `postgres` user. It trusts local
# connections (it listens on 127.0.0.1 only and holds nothing but test data) and keeps
# PostgreSQL's durability defaults: fsync and synchronous_commit on.
set -euo pipefail

command=${1:?start or stop}
dir=${2:?the directory of the cluster}
port=${3:-55432}

bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
if [ -z "$bin" ]; then
  echo "PostgreSQL is not installed (make postgres installs it from Debian)" >&2
  exit 1
fi

as_owner() {
  if [ "$(id -u)" = 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

case "$command" in
  start)
    mkdir -p "$dir"
    dir=$(cd "$dir" && pwd)
    [ "$(id -u)" = 0 ] && chown postgres: "$dir"
    if [ ! -f "$dir/data/PG_VERSION" ]; then
      as_owner "$bin/initdb" -D "$dir/data" -U motcua -A trust --encoding=UTF8 --locale=C.UTF-8 >"$dir/initdb.log"
    fi
    if ! as_owner "$bin/pg_ctl" -D "$dir/data" status >/dev/null 2>&1; then
      as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/postgres.log" -w -t 60 \
        -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c max_connections=300" start >/dev/null
    fi
    echo "postgres://motcua@127.0.0.1:$port/postgres"
    ;;
  stop)
    if [ -f "$dir/data/PG_VERSION" ]; then
      as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
    fi
    ;;
  *)
    echo "usage: $0 start DIR [PORT] | stop DIR" >&2
    exit 2
    ;;
esac
