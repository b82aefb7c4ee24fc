#!/usr/bin/env bash
# Proves the service images run, without Docker: each image archive (mvn -Pimages package writes
# <service>/target/jib-image.tar) is unpacked with skopeo + umoci, and its entrypoint is started from the
# image's root filesystem with bubblewrap the way the Helm chart runs it: root filesystem read-only,
# /tmp and the state dir writable, uid/gid 185, no capabilities, only the image's environment plus the
# chart's PORT and KAFKA_BOOTSTRAP_SERVERS.
#
#   images/verify.sh [--broker] [SERVICE...]   (default: ingest reviewer publisher; needs root, skopeo, umoci,
#                                               bwrap, jq, curl)
#
# --broker starts a Kafka broker on the host first (the test kit's EmbeddedKafka, with Attentive's topics;
# needs the reactor built, e.g. mvn -o -pl testkit -am package -DskipTests): each service must then report
# /q/health/live and /q/health/ready UP. Without it KAFKA_BOOTSTRAP_SERVERS points where no broker listens
# and a service must answer /q/health/live with its Kafka Streams check DOWN in state CREATED (Quarkus'
# Kafka Streams liveness check: without a broker the stream never starts).
# Checked per image besides: the image's user is 185:185, the JVM runs as uid 185, nothing is written to
# the read-only root, no error in the log but the broker's absence, it stops on SIGTERM; and the sizes.
set -euo pipefail

repo="$(cd "$(dirname "$0")/.." && pwd)"
broker=false
if [ "${1:-}" = --broker ]; then
  broker=true
  shift
fi
services=("$@")
[ ${#services[@]} -gt 0 ] || services=(ingest reviewer publisher)
for tool in skopeo umoci bwrap jq curl; do
  command -v "$tool" >/dev/null || { echo "$tool missing (apt-get install -y skopeo umoci bubblewrap jq curl)" >&2; exit 2; }
done
declare -A ports=([ingest]=8080 [reviewer]=8081 [publisher]=8082)
work="$(mktemp -d)"
pid=""
broker_pid=""
cleanup() {
  [ -z "$pid" ] || kill -KILL "$pid" 2>/dev/null || true
  [ -z "$broker_pid" ] || kill -TERM "$broker_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
failures=0
fail() { echo "  FAIL: $*"; failures=$((failures + 1)); }

bootstrap=127.0.0.1:9 # the discard port: no broker
if $broker; then
  (cd "$repo" && mvn -B -q -o -pl testkit dependency:build-classpath -Dmdep.outputFile="$work/cp.txt" \
    -Dmdep.includeScope=runtime >/dev/null)
  cat >"$work/Broker.java" <<'JAVA'
public class Broker {
  public static void main(String[] args) throws Exception {
    try (var kafka = dev.attentive.testkit.kafka.EmbeddedKafka.start(1)) {
      System.out.println("BOOTSTRAP=" + kafka.bootstrapServers());
      Thread.sleep(Long.MAX_VALUE);
    }
  }
}
JAVA
  java -cp "$repo/testkit/target/classes:$(cat "$work/cp.txt")" "$work/Broker.java" >"$work/broker.log" 2>&1 &
  broker_pid=$!
  for _ in $(seq 1 120); do
    grep -q '^BOOTSTRAP=' "$work/broker.log" && break
    kill -0 "$broker_pid" 2>/dev/null || { cat "$work/broker.log"; echo "broker did not start" >&2; exit 1; }
    sleep 1
  done
  bootstrap=$(sed -n 's/^BOOTSTRAP=//p' "$work/broker.log" | head -1)
  [ -n "$bootstrap" ] || { echo "broker did not start in 120 s" >&2; exit 1; }
  echo "broker on the host: $bootstrap"
fi

for service in "${services[@]}"; do
  tar="$repo/$service/target/jib-image.tar"
  echo "== $service: $tar"
  [ -f "$tar" ] || { fail "no image archive (mvn -Pimages package)"; continue; }
  dir="$work/$service"
  mkdir -p "$dir"
  skopeo copy --quiet "docker-archive:$tar" "oci:$dir/oci:image"
  umoci unpack --image "$dir/oci:image" "$dir/bundle" >/dev/null
  rootfs="$dir/bundle/rootfs"
  config="$dir/bundle/config.json"
  # the archive's layers are gzip-compressed, as a registry stores them and a node pulls them
  echo "  image $(tar -xOf "$tar" manifest.json | jq -r '.[0].RepoTags[0]'): archive $(du -m "$tar" | cut -f1) MiB, unpacked $(du -sm "$rootfs" | cut -f1) MiB"

  uid=$(jq -r '.process.user.uid' "$config")
  gid=$(jq -r '.process.user.gid' "$config")
  cwd=$(jq -r '.process.cwd' "$config")
  mapfile -t args < <(jq -r '.process.args[]' "$config")
  mapfile -t env < <(jq -r '.process.env[]' "$config")
  echo "  user $uid:$gid, cwd $cwd, entrypoint: ${args[*]}"
  [ "$uid" = 185 ] && [ "$gid" = 185 ] || fail "image user is $uid:$gid, the chart runs 185:185"

  port=$((18000 + ${ports[$service]} % 100 + RANDOM % 800))
  setenv=()
  for kv in "${env[@]}"; do setenv+=(--setenv "${kv%%=*}" "${kv#*=}"); done
  # what the chart sets (values.yaml), and a webhook secret for ingest
  setenv+=(--setenv PORT "$port" --setenv KAFKA_BOOTSTRAP_SERVERS "$bootstrap"
    --setenv ATTENTIVE_WEBHOOK_SECRET verify-not-a-secret)
  log="$dir/service.log"
  start=$(date +%s)
  # the chart's emptyDirs: /tmp (world-writable, as an emptyDir is) and the state dir (fsGroup 185)
  mkdir -p "$dir/tmp" "$dir/state"
  chmod 1777 "$dir/tmp"
  chown "$uid:$gid" "$dir/state"
  bwrap --ro-bind "$rootfs" / --proc /proc --dev /dev --bind "$dir/tmp" /tmp --bind "$dir/state" /var/lib/attentive/state \
    --unshare-pid --unshare-ipc --unshare-uts --die-with-parent --clearenv "${setenv[@]}" --chdir "$cwd" \
    -- /usr/bin/setpriv --reuid="$uid" --regid="$gid" --clear-groups --inh-caps=-all --bounding-set=-all \
    --no-new-privs "${args[@]}" >"$log" 2>&1 &
  pid=$!

  # without a broker the liveness check answers (503) with the Kafka Streams check DOWN, state CREATED
  want=UP
  $broker || want=DOWN
  live=""
  for _ in $(seq 1 240); do
    live=$(curl -s -m 2 "http://127.0.0.1:$port/q/health/live" || true)
    [ "$(jq -r '.status // empty' <<<"$live" 2>/dev/null)" = "$want" ] && break
    kill -0 "$pid" 2>/dev/null || break
    sleep 1
  done
  status=$(jq -r '.status // empty' <<<"$live" 2>/dev/null || true)
  if [ "$status" = "$want" ] && { $broker || [ "$(jq -r '.checks[0].data.state // empty' <<<"$live")" = CREATED ]; }; then
    echo "  /q/health/live: $status after $(($(date +%s) - start)) s $(jq -c '[.checks[] | {name, status, state: .data.state}]' <<<"$live")"
  else
    fail "/q/health/live did not answer $want: ${live:-no answer}"
    tail -20 "$log" | sed 's/^/  | /'
  fi
  if $broker; then
    ready=""
    for _ in $(seq 1 120); do
      ready=$(curl -s -m 2 "http://127.0.0.1:$port/q/health/ready" || true)
      [ "$(jq -r '.status // empty' <<<"$ready" 2>/dev/null)" = UP ] && break
      sleep 1
    done
    if [ "$(jq -r '.status // empty' <<<"$ready" 2>/dev/null)" = UP ]; then
      echo "  /q/health/ready: UP after $(($(date +%s) - start)) s $(jq -c '[.checks[] | .name]' <<<"$ready")"
    else
      fail "/q/health/ready did not answer UP: ${ready:-no answer}"
    fi
  fi
  # the JVM runs in bwrap's pid namespace; its command line names the image's path of the jar
  java_pid=$(pgrep -n -f -- "-jar /deployments/quarkus-run.jar" || true)
  java_uid=$(ps -o uid= -p "${java_pid:-0}" 2>/dev/null | tr -d ' ' || true)
  echo "  java process uid: ${java_uid:-?}"
  [ "${java_uid:-}" = 185 ] || fail "the JVM does not run as uid 185"
  echo "  written to /tmp: $(du -sm "$dir/tmp" | cut -f1) MiB (chart limit tmpDir.sizeLimit 512Mi), to the state dir: $(du -sm "$dir/state" | cut -f1) MiB"
  if [ "$service" = reviewer ]; then
    # the model loads from the natives in the image, with nothing unpacked into the read-only home
    if model=$(grep -m1 "attention model .* loaded" "$log"); then
      echo "  ${model#*] }"
    else
      fail "the reviewer did not load the attention model"
    fi
  fi
  # an ERROR line or a failed start; without a broker Kafka's clients log errors, which do not count
  if grep -E " ERROR |Failed to start" "$log" | grep -v -i "kafka\|broker\|bootstrap\|connection\|node -1\|timeout" \
    | head -5 | sed 's/^/  unexpected: /' | grep .; then
    fail "errors in the log other than the missing broker"
  fi
  stop=$(date +%s)
  # as the kubelet does: SIGTERM to the container's process (bwrap does not forward signals)
  kill -TERM "${java_pid:-$pid}" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
  code=0
  wait "$pid" || code=$?
  pid=""
  echo "  stopped on SIGTERM in $(($(date +%s) - stop)) s, exit status $code"
done

if [ "$failures" -gt 0 ]; then
  echo "FAILED: $failures check(s)"
  exit 1
fi
echo "OK: ${services[*]} started from their images ($($broker && echo "live and ready UP against a broker" || echo "live answered, no broker"))"
