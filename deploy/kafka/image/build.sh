#!/usr/bin/env bash
# Builds the local image localhost/factwire-kafka:<version> with podman, for machines where no
# registry can be reached: a root file system made of the host's Java runtime (with the shared
# libraries it links), bash and a few coreutils, the Kafka jars resolved by `make kafka-jars`, and
# an entry point (`run`) that takes the same KAFKA_* variables as the official apache/kafka image.
#
#   build.sh VERSION LIBS_DIR IMAGE
#
# The image carries a label with a hash of all its inputs; when the label matches, nothing is
# rebuilt. CONTAINERS_CONF must point at the podman configuration (see deploy/podman/setup.sh).
set -euo pipefail

version="$1"
libs="$2"
image="$3"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
log4j_config="$root/services/factwire/localkafka/log4j2.json"
work="$root/.cache/kafka/$version/image"
label=io.factwire.inputs

java_bin="$(readlink -f "$(command -v java)")"
java_home="$(dirname "$(dirname "$java_bin")")"
tools=(bash sh sleep mv cat ls mkdir rm env id)

inputs_hash() {
    {
        echo "$version $image $java_home"
        cat "$java_home/release"
        (cd "$libs" && ls -l --time-style=+ -- *.jar)
        cat "$here"/* "$log4j_config"
    } | sha256sum | cut -c1-16
}

wanted="$(inputs_hash)"
current="$(podman image inspect --format "{{ index .Labels \"$label\" }}" "$image" 2>/dev/null || true)"
if [ "$current" = "$wanted" ]; then
    echo "kafka-image: $image is up to date"
    exit 0
fi

echo "kafka-image: building $image from $java_home and $libs"
rm -rf "$work"
rootfs="$work/rootfs"
mkdir -p "$rootfs"/{opt/kafka/bin,opt/kafka/config,etc/kafka/docker,tmp,bin,usr/bin}
chmod 1777 "$rootfs/tmp"

# Java runtime: bin, conf, lib and release, with Debian's symlinks into /etc resolved.
jre="$rootfs/opt/java"
mkdir -p "$jre"
for part in bin conf lib release; do
    cp -a "$java_home/$part" "$jre/"
done
rm -f "$jre/lib/src.zip" "$jre/lib/ct.sym"
while IFS= read -r link; do
    target="$(readlink -f "$java_home/${link#"$jre"/}" || true)"
    rm -f "$link"
    if [ -n "$target" ] && [ -e "$target" ]; then cp -rL "$target" "$link"; fi
done < <(find "$jre" -type l)

# A shell and the few commands the entry point and testcontainers' start script use.
binaries=()
for tool in "${tools[@]}"; do
    path="$(command -v "$tool")"
    real="$(readlink -f "$path")"
    cp -L "$real" "$rootfs/usr/bin/$tool"
    binaries+=("$real")
done
ln -sf /usr/bin/bash "$rootfs/bin/bash"
ln -sf /usr/bin/sh "$rootfs/bin/sh"
ln -sf /opt/java/bin/java "$rootfs/usr/bin/java"

# Shared libraries of all of the above (the dynamic loader included).
while IFS= read -r lib; do
    cp -L --parents "$lib" "$rootfs/"
done < <(
    find "$jre" -type f \( -name '*.so' -o -path '*/bin/*' \) -print0 |
        xargs -0 ldd "${binaries[@]}" 2>/dev/null |
        awk '$2 == "=>" && $3 ~ /^\// { print $3 } $1 ~ /^\// && $2 ~ /^\(0x/ { print $1 }' |
        sort -u
)
[ -e "$rootfs/lib64" ] || ln -s usr/lib64 "$rootfs/lib64" 2>/dev/null || true

# Users and name service configuration.
printf 'root:x:0:0:root:/root:/bin/bash\nappuser:x:1000:1000::/home/appuser:/bin/bash\n' \
    >"$rootfs/etc/passwd"
printf 'root:x:0:\nappuser:x:1000:\n' >"$rootfs/etc/group"
printf 'passwd: files\ngroup: files\nhosts: files dns\n' >"$rootfs/etc/nsswitch.conf"
mkdir -p "$rootfs/home/appuser"
chown 1000:1000 "$rootfs/home/appuser"

# Kafka: jars, configuration, entry point and tools at the paths of the official image.
mkdir -p "$rootfs/opt/kafka/libs"
cp "$libs"/*.jar "$rootfs/opt/kafka/libs/"
cp "$here/server.properties" "$here/tools-log4j2.json" "$rootfs/opt/kafka/config/"
cp "$log4j_config" "$rootfs/opt/kafka/config/log4j2.json"
install -m 0755 "$here/run" "$rootfs/etc/kafka/docker/run"
install -m 0755 "$here/kafka-run-class.sh" "$rootfs/opt/kafka/bin/kafka-run-class.sh"
for tool in kafka-storage:kafka.tools.StorageTool kafka-configs:kafka.admin.ConfigCommand \
    kafka-server-start:kafka.Kafka; do
    printf '#!/usr/bin/env bash\nexec /opt/kafka/bin/kafka-run-class.sh %s "$@"\n' "${tool#*:}" \
        >"$rootfs/opt/kafka/bin/${tool%%:*}.sh"
    chmod 0755 "$rootfs/opt/kafka/bin/${tool%%:*}.sh"
done

tar -C "$rootfs" --numeric-owner -cf "$work/rootfs.tar" .
podman import --quiet \
    --change 'CMD ["/etc/kafka/docker/run"]' \
    --change 'USER appuser' \
    --change 'WORKDIR /' \
    --change 'EXPOSE 9092' \
    --change 'ENV PATH=/opt/kafka/bin:/opt/java/bin:/usr/bin:/bin' \
    --change 'ENV JAVA_HOME=/opt/java' \
    --change "LABEL $label=$wanted" \
    --change "LABEL org.opencontainers.image.version=$version" \
    "$work/rootfs.tar" "$image" >/dev/null
rm -rf "$work"
# Earlier builds no tag points at any more, unless a container still uses them.
for stale in $(podman images --quiet --filter dangling=true --filter "label=$label"); do
    podman rmi "$stale" >/dev/null 2>&1 || true
done
echo "kafka-image: built $image"
