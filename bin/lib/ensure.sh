# Sourced by bin/setup, bin/run-example and the benchmarks: installs what a command needs and the
# machine lacks, from Debian's packages (apt-get as root, or through password-less sudo); elsewhere it
# stops with the exact package to install, so that a fresh machine never fails halfway through a build.

_apt_install() {
  local what="$1"; shift
  local run=()
  if [[ "$(id -u)" != 0 ]]; then
    if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
      run=(sudo -n)
    else
      echo "error: $what is missing; install it first (Debian/Ubuntu: sudo apt-get install -y $*)" >&2
      exit 1
    fi
  fi
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "error: $what is missing and this machine has no apt-get; install $what first" >&2
    exit 1
  fi
  echo "Installing $what (apt-get install $*)..." >&2
  export DEBIAN_FRONTEND=noninteractive
  if [[ -z "${_ENSURE_APT_UPDATED:-}" ]]; then
    "${run[@]}" apt-get update -qq >&2
    _ENSURE_APT_UPDATED=1
  fi
  "${run[@]}" apt-get install -y -qq "$@" >&2
}

# A JDK 17 or newer (javac, not only java: the build compiles).
ensure_jdk() {
  if ! command -v javac >/dev/null 2>&1 || ! javac -version 2>&1 | grep -Eq 'javac (1[7-9]|[2-9][0-9])'; then
    _apt_install "a JDK 17 or newer" openjdk-17-jdk-headless
  fi
}

# PostgreSQL's server binaries (initdb, postgres): the catalog tests start a private cluster on
# 127.0.0.1 themselves; nothing runs as a service.
ensure_postgres() {
  if ! command -v initdb >/dev/null 2>&1 && ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
    _apt_install "PostgreSQL's server (initdb)" postgresql
  fi
}

# Redis, the anchor the online benchmarks are measured against.
ensure_redis() {
  if ! command -v redis-server >/dev/null 2>&1; then
    _apt_install "Redis (redis-server)" redis-server
  fi
}
