#!/usr/bin/env bash
# Builds the services' base image from Debian packages, without Docker or a registry:
# Debian bookworm + openjdk-17-jre-headless + ca-certificates + bubblewrap and util-linux (prlimit, setpriv: the
# tests analyzer's sandbox, used by the sandbox workers, docs/security.md), a user "attentive" (uid/gid 185, the
# chart's podSecurityContext) with a writable home /var/lib/attentive (the Kafka Streams state dir below it),
# no docs or man pages.
#
#   images/base/build.sh [OUT_DIR]      (default images/target/base; needs root, mmdebstrap, umoci, skopeo)
#
# Writes OUT_DIR/attentive-base.tar, a docker-archive (the format `docker save` writes) that Jib reads as
# its base image (tar://...). Environment: SUITE (bookworm), MIRROR (http://deb.debian.org/debian),
# SOURCE_DATE_EPOCH (fixes file times; default: the last commit's time), APT_CACHE_DIR (below).
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
out="${1:-$repo/images/target/base}"
suite="${SUITE:-bookworm}"
mirror="${MIRROR:-http://deb.debian.org/debian}"
export SOURCE_DATE_EPOCH="${SOURCE_DATE_EPOCH:-$(git -C "$repo" log -1 --format=%ct 2>/dev/null || date +%s)}"

for tool in mmdebstrap umoci skopeo; do
  command -v "$tool" >/dev/null || {
    echo "$tool missing: apt-get install -y mmdebstrap umoci skopeo" >&2
    exit 2
  }
done

work="$(mktemp -d)"
# APT_CACHE_DIR (optional): keeps the downloaded .debs between builds (mmdebstrap's sync-in/sync-out).
cache=()
if [ -n "${APT_CACHE_DIR:-}" ]; then
  mkdir -p "$APT_CACHE_DIR"
  cache=(--skip=essential/unlink --skip=download/empty
    --setup-hook='mkdir -p "$1/var/cache/apt/archives"'
    --setup-hook="sync-in $APT_CACHE_DIR /var/cache/apt/archives/"
    --customize-hook="sync-out /var/cache/apt/archives $APT_CACHE_DIR")
fi
trap 'rm -rf "$work"' EXIT
mkdir -p "$out"
start=$(date +%s)

# The user is written into /etc/passwd directly: useradd (package passwd) is not in the essential set.
# essential (no apt, no package lists) plus the JRE: the image is never changed by apt at run time.
# Documentation is not installed, copyright files are (licences of what the image ships); the JRE's
# postinst still wants /usr/share/man/man1 for its alternatives' man-page links.
mmdebstrap --variant=essential --mode=root --format=tar "${cache[@]}" \
  --include=openjdk-17-jre-headless,ca-certificates,ca-certificates-java,bubblewrap,util-linux \
  --dpkgopt='path-exclude=/usr/share/man/*' \
  --dpkgopt='path-exclude=/usr/share/info/*' \
  --dpkgopt='path-exclude=/usr/share/doc/*' \
  --dpkgopt='path-include=/usr/share/doc/*/copyright' \
  --dpkgopt='path-exclude=/usr/share/locale/*' \
  --dpkgopt='path-exclude=/usr/share/lintian/*' \
  --setup-hook='mkdir -p "$1/usr/share/man/man1"' \
  --customize-hook='echo "attentive:x:185:" >>"$1/etc/group"' \
  --customize-hook='echo "attentive:x:185:185:attentive:/var/lib/attentive:/usr/sbin/nologin" >>"$1/etc/passwd"' \
  --customize-hook='echo "attentive:!:19000::::::" >>"$1/etc/shadow"' \
  --customize-hook='mkdir -p "$1/var/lib/attentive/state" "$1/deployments" && chown 185:185 "$1/var/lib/attentive" "$1/var/lib/attentive/state"' \
  --customize-hook='rm -rf "$1"/var/cache/apt/* "$1"/var/lib/apt/lists/* "$1"/var/log/*.log "$1"/var/cache/debconf/*-old "$1"/etc/machine-id' \
  "$suite" "$work/rootfs.tar" "$mirror"

# rootfs tarball -> OCI layout (one layer) with the runtime config -> docker-archive for Jib.
umoci init --layout "$work/oci"
umoci new --image "$work/oci:base"
umoci raw add-layer --image "$work/oci:base" "$work/rootfs.tar"
java_home=/usr/lib/jvm/java-17-openjdk-amd64
umoci config --image "$work/oci:base" \
  --config.user=185:185 \
  --config.workingdir=/var/lib/attentive \
  --config.env="PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin" \
  --config.env="JAVA_HOME=$java_home" \
  --config.env="HOME=/var/lib/attentive" \
  --config.env="LANG=C.UTF-8" \
  --os=linux --architecture=amd64 \
  --created="$(date -u -d "@$SOURCE_DATE_EPOCH" +%Y-%m-%dT%H:%M:%SZ)" \
  --author="attentive images/base/build.sh" \
  --config.label="org.opencontainers.image.base.name=debian:$suite" \
  --config.label="org.opencontainers.image.description=Debian $suite with openjdk-17-jre-headless, bubblewrap, user 185"
umoci gc --layout "$work/oci"

rm -f "$out/attentive-base.tar"
skopeo copy --quiet "oci:$work/oci:base" "docker-archive:$out/attentive-base.tar:attentive-base:$suite-jre17"

echo "base image: $out/attentive-base.tar ($(du -h "$out/attentive-base.tar" | cut -f1), rootfs $(du -h "$work/rootfs.tar" | cut -f1) uncompressed) in $(( $(date +%s) - start )) s"
