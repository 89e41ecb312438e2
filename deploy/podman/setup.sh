#!/usr/bin/env bash
# Podman as a Docker-API engine for testcontainers on machines that have no Docker engine.
#
#   setup.sh install   install podman, runc and iptables with apt-get (only what is missing)
#   setup.sh config    write the containers.conf that podman and its API service read
#   setup.sh service   all of the above, then start `podman system service` on a unix socket
#                      in the background unless it already answers; prints the socket path
#   setup.sh socket    print the socket path
#   setup.sh cleanup   remove containers left over by earlier test sessions
#   setup.sh stop      stop the API service that `service` started
#
# Run it as root (CI) or with passwordless sudo for `install`. Every step is idempotent and fast
# when it has nothing to do. Settings: FACTWIRE_PODMAN_SOCKET (socket path).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
STATE_DIR="$ROOT/.cache/podman"
CONF="$STATE_DIR/containers.conf"
if [ "$(id -u)" = 0 ]; then
    RUN_DIR=/run/factwire-podman
else
    RUN_DIR="${XDG_RUNTIME_DIR:-$STATE_DIR}/factwire-podman"
fi
SOCKET="${FACTWIRE_PODMAN_SOCKET:-$RUN_DIR/podman.sock}"
PID_FILE="$SOCKET.pid"
LOG_FILE="$STATE_DIR/service.log"

say() { echo "podman-setup: $*" >&2; }
# shellcheck source=deploy/apt.sh
. "$ROOT/deploy/apt.sh"


cmd_install() {
    local missing=()
    command -v podman >/dev/null || missing+=(podman)
    command -v runc >/dev/null || missing+=(runc)
    # netavark publishes ports with iptables rules; without iptables no mapped port answers.
    command -v iptables >/dev/null || missing+=(iptables)
    # Containers of one compose project find each other by service name through aardvark-dns.
    [ -x /usr/lib/podman/aardvark-dns ] || missing+=(aardvark-dns)
    [ "${#missing[@]}" -eq 0 ] && return 0
    if ! command -v apt-get >/dev/null; then
        say "missing ${missing[*]} and no apt-get here: install them with your package manager"
        return 1
    fi
    say "installing ${missing[*]} (apt-get, once)"
    apt_install "$STATE_DIR/apt.log" "${missing[@]}"
}

# Limits for containers: at most 16384, and never above this process's hard limits (podman
# can't raise them without CAP_SYS_RESOURCE).
limit() {
    local hard
    hard="$(ulimit -H "$1")"
    if [ "$hard" = unlimited ] || [ "$hard" -gt 16384 ]; then echo 16384; else echo "$hard"; fi
}

cmd_config() {
    local wanted
    wanted="$(sed -e "s/@NOFILE@/$(limit -n)/g" -e "s/@NPROC@/$(limit -u)/g" \
        "$ROOT/deploy/podman/containers.conf")"
    if [ ! -f "$CONF" ] || [ "$(cat "$CONF")" != "$wanted" ]; then
        printf '%s\n' "$wanted" >"$CONF"
    fi
}

ping_socket() {
    [ -S "$SOCKET" ] && python3 "$ROOT/deploy/podman/probe.py" "unix://$SOCKET" >/dev/null
}

service_pid() {
    local pid
    pid="$(cat "$PID_FILE" 2>/dev/null || true)"
    [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && echo "$pid"
}

# A loaded machine can be slow to answer: give a running service a minute before giving up on it.
wait_for_socket() {
    local tries="$1"
    for _ in $(seq 1 "$tries"); do
        ping_socket && return 0
        sleep 0.5
    done
    return 1
}

# Removes containers left behind by earlier test sessions (testcontainers' reaper can't run
# here). A container whose io.factwire.owner-pid label names a live process on this host is
# kept, so that parallel test sessions don't remove each other's broker.
cmd_cleanup() {
    local id pid host
    while read -r id pid host; do
        [ -n "$id" ] || continue
        if [ "$pid" != "<no" ] && [ "$host" = "$(hostname)" ] && kill -0 "$pid" 2>/dev/null; then
            continue
        fi
        podman rm -f "$id" >/dev/null 2>&1 || true
    done < <(CONTAINERS_CONF="$CONF" podman ps -a --filter label=org.testcontainers=true \
        --format '{{.ID}} {{index .Labels "io.factwire.owner-pid"}} {{index .Labels "io.factwire.owner-host"}}')
}

cmd_service() {
    mkdir -p "$(dirname "$SOCKET")"
    # One at a time per machine: apt-get and the socket are shared by every checkout.
    exec 9>"$SOCKET.lock"
    flock -w 600 9 || { say "waited 10 minutes for $SOCKET.lock"; return 1; }
    cmd_install
    cmd_config
    if ping_socket || { [ -n "$(service_pid)" ] && wait_for_socket 120; }; then
        echo "$SOCKET"
        return 0
    fi
    # A service that no longer answers on its socket is stopped before its successor starts.
    if [ -n "$(service_pid)" ]; then
        kill "$(service_pid)" 2>/dev/null || true
    fi
    rm -f "$SOCKET"
    say "starting podman system service on unix://$SOCKET (log: $LOG_FILE)"
    CONTAINERS_CONF="$CONF" nohup podman system service --time=0 "unix://$SOCKET" \
        >"$LOG_FILE" 2>&1 </dev/null 9>&- &
    echo $! >"$PID_FILE"
    if wait_for_socket 120; then
        echo "$SOCKET"
        return 0
    fi
    say "podman system service did not answer on $SOCKET within a minute; its log:"
    tail -n 20 "$LOG_FILE" >&2
    return 1
}

cmd_stop() {
    if [ -f "$PID_FILE" ] && kill -0 "$(cat "$PID_FILE")" 2>/dev/null; then
        kill "$(cat "$PID_FILE")"
    fi
    rm -f "$PID_FILE" "$SOCKET"
}

mkdir -p "$STATE_DIR"
case "${1:-service}" in
    install) cmd_install ;;
    config) cmd_config ;;
    service) cmd_service ;;
    socket) echo "$SOCKET" ;;
    stop) cmd_stop ;;
    cleanup) cmd_cleanup ;;
    *)
        say "usage: $0 install|config|service|socket|cleanup|stop"
        exit 2
        ;;
esac
