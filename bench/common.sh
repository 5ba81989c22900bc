# Shared by the bench scripts (source it): free ports, background processes stopped on exit, and a
# throwaway PostgreSQL cluster. After sourcing, add background pids to `pids`; cleanup runs on exit.

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
as_postgres() { if ((EUID == 0)); then runuser -u postgres -- "$@"; else "$@"; fi; }

pids=()
pg_dir=""
bench_cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  if [[ -n $pg_dir ]]; then
    as_postgres "$pg_bin/pg_ctl" -D "$pg_dir/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$pg_dir"
  fi
}
trap bench_cleanup EXIT

# A throwaway cluster with default durability (fsync on: a benchmark should see what production sees),
# living as long as the script; sets RATHAUSPLATZ_BENCH_POSTGRES. Does nothing when that is already set
# (a server given by the caller). Extra arguments are server options (-c name=value). Returns 1 without
# PostgreSQL (Debian's postgresql package).
start_throwaway_postgres() {
  [[ -z ${RATHAUSPLATZ_BENCH_POSTGRES:-} ]] || return 0
  pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  [[ -x ${pg_bin:-}/initdb ]] || return 1
  pg_dir=$(mktemp -d /tmp/rathausplatz-bench-pg.XXXXXX)
  ((EUID == 0)) && chown postgres "$pg_dir"
  local port
  port=$(free_port)
  # Called after `||`, where set -e does not hold: a failure here must end the script itself.
  as_postgres "$pg_bin/initdb" -D "$pg_dir/data" -U postgres -A trust -E UTF8 >"$pg_dir/initdb.log" 2>&1 ||
    { cat "$pg_dir/initdb.log" >&2; exit 1; }
  as_postgres "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w -t 60 start \
    -o "-p $port -k $pg_dir -c listen_addresses=127.0.0.1 $*" >/dev/null ||
    { cat "$pg_dir/server.log" >&2; exit 1; }
  export RATHAUSPLATZ_BENCH_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres"
  echo "PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port (throwaway)"
}
