#!/usr/bin/env bash
# A throwaway PostgreSQL 15 cluster for the central-store tests (tests/store/pg/).
#
#   pg-cluster.sh start DIR    initdb in DIR (wiped first) and start the server
#   pg-cluster.sh stop DIR     stop it (fast shutdown) and remove DIR
#   pg-cluster.sh kill DIR     SIGKILL the postmaster (the crash tests), leaving DIR as it is
#   pg-cluster.sh restart DIR  start again after `kill` (crash recovery runs)
#   pg-cluster.sh uri DIR      print the superuser's connection URI
#
# The server listens only on a Unix socket in DIR (listen_addresses = ''), so nothing on the
# network can reach it and clusters of several worktrees never share a port. Logins need a
# SCRAM-SHA-256 password, as a production server would; the superuser is `rapport_dba` (not `rapport_admin`, which is the group role schema v2 creates) with
# the password in DIR/password. initdb refuses to run as root (CI runs as root), so as root the
# cluster belongs to a system user `rapport-test`, created when missing.
set -euo pipefail

cmd=${1:?usage: pg-cluster.sh start|stop|kill|restart|uri DIR}
dir=${2:?usage: pg-cluster.sh start|stop|kill|restart|uri DIR}
bin=${RAPPORT_PG_BIN:-/usr/lib/postgresql/15/bin}
user=rapport-test
[ "$(id -u)" -eq 0 ] || user=$(id -un)

as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u "$user" -- "$@"
  else
    "$@"
  fi
}

uri() {
  # libpq takes a Unix socket folder as host= (percent-encoded in the host part, or as a query
  # parameter as here).
  echo "postgresql://rapport_dba:$(cat "$dir/password")@/postgres?host=$dir"
}

start_server() {
  as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start >/dev/null || {
    echo "pg-cluster: the server did not start; its log:" >&2
    tail -n 30 "$dir/server.log" >&2 || true
    exit 1
  }
}

case "$cmd" in
  start)
    [ -x "$bin/initdb" ] || {
      echo "pg-cluster: $bin/initdb not found; install postgresql-15 (.ci/setup)" >&2
      exit 1
    }
    if [ "$(id -u)" -eq 0 ] && ! id "$user" >/dev/null 2>&1; then
      useradd --system --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin "$user"
    fi
    # A cluster left by an interrupted run is stopped and replaced.
    if [ -f "$dir/data/postmaster.pid" ]; then
      as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
    fi
    rm -rf "$dir"
    mkdir -p "$dir"
    # The password is random per run; the tests read it from the URI they are given.
    head -c 18 /dev/urandom | base64 | tr -d '/+=' >"$dir/password"
    [ "$(id -u)" -eq 0 ] && chown -R "$user" "$dir"
    chmod 700 "$dir"
    as_owner "$bin/initdb" -D "$dir/data" -U rapport_dba --pwfile="$dir/password" \
      --auth-local=scram-sha-256 --auth-host=scram-sha-256 --encoding=UTF8 --locale=C.UTF-8 \
      >"$dir/initdb.log" 2>&1 || {
      echo "pg-cluster: initdb failed:" >&2
      cat "$dir/initdb.log" >&2
      exit 1
    }
    cat >>"$dir/data/postgresql.conf" <<EOF
listen_addresses = ''
unix_socket_directories = '$dir'
password_encryption = 'scram-sha-256'
max_connections = 120
fsync = on
log_min_messages = warning
EOF
    # The tests' socket folder must be reachable by the test process (root or the same user).
    chmod 711 "$dir"
    start_server
    uri
    ;;
  restart)
    start_server
    ;;
  kill)
    pid=$(head -n 1 "$dir/data/postmaster.pid")
    kill -KILL "$pid"
    # Wait until the postmaster is gone, then for its children: a new postmaster refuses to
    # start while old backends still hold the shared memory.
    while kill -0 "$pid" 2>/dev/null; do sleep 0.05; done
    for _ in $(seq 1 100); do
      pgrep -u "$user" -f "postgres: " >/dev/null 2>&1 || break
      sleep 0.05
    done
    ;;
  stop)
    if [ -f "$dir/data/postmaster.pid" ]; then
      as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null || true
    fi
    rm -rf "$dir"
    ;;
  uri)
    uri
    ;;
  *)
    echo "pg-cluster: unknown command '$cmd'" >&2
    exit 2
    ;;
esac
