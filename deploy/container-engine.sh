# Sourced (POSIX sh) before the integration tests: `. ./deploy/container-engine.sh && pytest ...`
# from the repository root. It chooses the container engine testcontainers talks to:
#
#  - a Docker engine that answers (at DOCKER_HOST, or the default socket): nothing to change;
#    tests run the official apache/kafka image of the pinned version;
#  - otherwise Podman: deploy/podman/setup.sh installs and configures it and starts its Docker-API
#    service; this file then exports DOCKER_HOST and the testcontainers settings Podman needs, and
#    FACTWIRE_KAFKA_IMAGE, the local image `make kafka-image` builds. Containers left behind by
#    earlier sessions (label org.testcontainers=true) are removed.
#
# Exports FACTWIRE_CONTAINER_ENGINE=docker|podman either way. Returns non-zero when no engine can
# be made to work, so that `&& pytest` does not run (the tests must not silently skip).

_factwire_container_engine() {
    _fw_root="${FACTWIRE_ROOT:-$(pwd)}"
    if [ ! -f "$_fw_root/deploy/kafka/pom.xml" ]; then
        echo "container-engine.sh: source it from the factwire repository root" >&2
        return 1
    fi
    _fw_version="$(sed -n 's:.*<kafka.version>\(.*\)</kafka.version>.*:\1:p' \
        "$_fw_root/deploy/kafka/pom.xml")"
    # (`|| true`: this file may be sourced by a shell running with `set -e`)
    _fw_engine="$(python3 "$_fw_root/deploy/podman/probe.py" \
        "${DOCKER_HOST:-unix:///var/run/docker.sock}" 2>/dev/null || true)"
    if [ "$_fw_engine" = docker ]; then
        export FACTWIRE_CONTAINER_ENGINE=docker
        return 0
    fi

    _fw_socket="$(bash "$_fw_root/deploy/podman/setup.sh" service)" || return 1
    bash "$_fw_root/deploy/podman/setup.sh" cleanup || return 1
    export FACTWIRE_CONTAINER_ENGINE=podman
    export DOCKER_HOST="unix://$_fw_socket"
    # The reaper image can't be pulled here; cleanup above does its job.
    export TESTCONTAINERS_RYUK_DISABLED=true
    # Published ports answer on IPv4 only.
    export TC_HOST=127.0.0.1
    # /.dockerenv exists on some VMs, and testcontainers then looks for its own container.
    export TESTCONTAINERS_CONNECTION_MODE=docker_host
    export CONTAINERS_CONF="$_fw_root/.cache/podman/containers.conf"
    export FACTWIRE_KAFKA_IMAGE="${FACTWIRE_KAFKA_IMAGE:-localhost/factwire-kafka:$_fw_version}"
}

_factwire_container_engine
_fw_status=$?
unset -f _factwire_container_engine
unset _fw_root _fw_version _fw_engine _fw_socket
[ "$_fw_status" -eq 0 ]
