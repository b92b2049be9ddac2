#!/usr/bin/env bash
# Generated clients against a live server: fetches the OpenAPI document `iflow serve` serves, generates a Python
# client (openapi-python-client) and a Swift client (swift-openapi-generator, the package clients/swift-check), and
# drives each through employees, the list, planned days, a CSV import, the month's report and its Labour Code
# warnings, badge scans, attendance entries, today's status, the month from real presence, holidays, the audit trail,
# and a validation error, a 404 and a 429 as typed values (clients/python-check/check.py, clients/swift-check).
# Fails on any generator warning about the document, on a client that does not build or import, on any wrong reply.
#
# Usage: scripts/client-test.sh
#   environment IFLOW_BINARY (default: iflow in `swift build --show-bin-path`, built by `swift build`),
#               CLIENT_TEST_VENV (default .build/client-test-venv)
# A cold run (pip install, the Swift generator and runtime built from scratch) took 5.5 minutes on 2 cores,
# a warm one under a minute.
set -euo pipefail
cd "$(dirname "$0")/.."

python_generator=0.29.1 # openapi-python-client; the Swift generator's version is pinned in clients/swift-check
binary=${IFLOW_BINARY:-$(swift build --show-bin-path)/iflow}
venv=$(realpath -m "${CLIENT_TEST_VENV:-.build/client-test-venv}")
started=$(date +%s)
repo=$(pwd)

[ -x "$binary" ] || { echo "client-test: no $binary; run swift build first" >&2; exit 2; }
if ! "$venv/bin/openapi-python-client" --version 2>/dev/null | grep -qF "$python_generator"; then
    echo "client-test: installing openapi-python-client==$python_generator into $venv"
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet --disable-pip-version-check "openapi-python-client==$python_generator"
fi

work=$(mktemp -d /tmp/iflow-client-test.XXXXXX)
servers=()
cleanup() {
    for pid in "${servers[@]}"; do
        kill "$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
    done
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'; }

# start NAME RATE: a server on a fresh SQLite file with the demo company, and a company of its own for each client's
# checks with a badge terminal; sets base, python_key, swift_key, python_device and swift_device.
start() {
    local name=$1 rate=$2 database="$work/$1.sqlite" port company client
    export IFLOW_DATA_KEY_FILE="$work/$name.datakey"
    "$binary" demo --employees 5 --database "$database" >/dev/null
    for client in python swift; do
        company=$("$binary" company create --name "Client $name $client SRL" --timezone Europe/Bucharest --database "$database")
        printf -v "${client}_key" '%s' "$("$binary" key create --company "$company" --label "$client" --database "$database" 2>/dev/null)"
        printf -v "${client}_device" '%s' "$("$binary" device create --company "$company" --label "$client" --database "$database" 2>/dev/null)"
    done
    port=$(free_port)
    base="http://127.0.0.1:$port"
    LOG_LEVEL=warning "$binary" serve --host 127.0.0.1 --port "$port" --database "$database" --rate-limit-per-second "$rate" \
        >"$work/$name.log" 2>&1 &
    servers+=($!)
    for _ in $(seq 1 100); do
        curl -fsS "$base/healthz" >/dev/null 2>&1 && return 0
        kill -0 "${servers[-1]}" 2>/dev/null || break
        sleep 0.2
    done
    echo "client-test: the $name server did not start" >&2
    cat "$work/$name.log" >&2
    exit 1
}
start main 0
main_base=$base main_python_key=$python_key main_swift_key=$swift_key main_python_device=$python_device main_swift_device=$swift_device
start limited 1
limited_base=$base limited_python_key=$python_key limited_swift_key=$swift_key

curl -fsS -o "$work/openapi.yaml" "$main_base/api/openapi.yaml"

# A generator's complaint about the document is a failure: its client would lack what the complaint is about.
fail_on_warnings() {
    local what=$1 log=$2
    if grep -iE 'warning|error|cannot|unable|skipping' "$log" >/dev/null; then
        echo "client-test: $what reported problems with the document:" >&2
        cat "$log" >&2
        exit 1
    fi
}

echo "client-test: openapi-python-client $python_generator"
(cd "$work" && "$venv/bin/openapi-python-client" generate --path openapi.yaml --meta none --output-path iflow_client \
    --config "$repo/clients/python-check/openapi-python-client.yaml") >"$work/python-generator.log" 2>&1 ||
    { cat "$work/python-generator.log" >&2; exit 1; }
fail_on_warnings openapi-python-client "$work/python-generator.log"
PYTHONPATH="$work" "$venv/bin/python" clients/python-check/check.py "$main_base" "$main_python_key" "$limited_base" "$limited_python_key" \
    "$main_python_device"

echo "client-test: swift-openapi-generator (the build plugin of clients/swift-check)"
# Copied only when it changed, so that a warm run does not generate and compile the client again.
cmp -s "$work/openapi.yaml" clients/swift-check/Sources/ClientCheck/openapi.yaml ||
    cp "$work/openapi.yaml" clients/swift-check/Sources/ClientCheck/openapi.yaml
swift build --package-path clients/swift-check >"$work/swift-build.log" 2>&1 || { tail -n 60 "$work/swift-build.log" >&2; exit 1; }
# The generator's own diagnostics are lines "warning: ..." or "error: ..." that name no source file of a dependency.
grep -E '(warning|error):' "$work/swift-build.log" | grep -vF '/.build/checkouts/' >"$work/swift-generator.log" || true
fail_on_warnings swift-openapi-generator "$work/swift-generator.log"
"$(swift build --package-path clients/swift-check --show-bin-path)/ClientCheck" "$main_base" "$main_swift_key" "$limited_base" "$limited_swift_key" \
    "$main_swift_device"

for pid in "${servers[@]}"; do
    kill -0 "$pid" 2>/dev/null || { echo "client-test: a server died during the run" >&2; exit 1; }
done
rm -rf "$work"
echo "client-test: both clients passed in $(($(date +%s) - started)) s"
