# Sourced by ops/backup and ops/restore: PostgreSQL's client tools and the libpq variables for a connection string.
# The password goes in PGPASSWORD, never on a command line.

find_client() {
  local tool=$1 dir
  for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    if [ -x "$dir/$tool" ]; then printf '%s\n' "$dir/$tool"; return 0; fi
  done
  command -v "$tool" 2>/dev/null
}

# Sets PGHOST, PGPORT, PGDATABASE, PGUSER and PGPASSWORD from an Npgsql connection string (Host=…;Port=…;…).
use_connection() {
  local pair key value
  unset PGHOST PGPORT PGDATABASE PGUSER PGPASSWORD
  IFS=';' read -ra pairs <<<"$1"
  for pair in "${pairs[@]}"; do
    [ -n "$pair" ] || continue
    key=$(printf '%s' "${pair%%=*}" | tr -d ' ' | tr '[:upper:]' '[:lower:]')
    value=${pair#*=}
    case "$key" in
      host|server) export PGHOST=$value ;;
      port) export PGPORT=$value ;;
      database|db) export PGDATABASE=$value ;;
      username|userid|user|uid) export PGUSER=$value ;;
      password|pwd) export PGPASSWORD=$value ;;
    esac
  done
  [ -n "${PGDATABASE:-}" ] || { printf '%s: the connection string names no Database.\n' "$(basename "$0")" >&2; exit 1; }
}

# The owner's connection: OCTANS_DB_OWNER, else OCTANS_DB, else the local cluster's (started when it is not running).
owner_connection() {
  local here
  here=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
  if [ -z "${OCTANS_DB:-}" ]; then "$here/ops/db" start >/dev/null; fi
  "$here/ops/db" owner-url
}
