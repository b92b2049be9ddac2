#!/usr/bin/env bash
# Browser test of the web administration (/admin): builds iflow, starts it on a fresh SQLite file with demo data (a
# month of plans and of badge scans sent through a registered terminal, and today's attendance) and an administrator,
# then drives headless Chromium over the DevTools protocol (scripts/browser_test.py, Python standard library only)
# through every page and form. Screenshots go to build/screenshots/. Fails on any HTTP error status,
# failed load, console error, or an internal error in the server's log.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v chromium >/dev/null 2>&1; then
    echo "installing chromium from Debian" >&2
    sudo=""
    [ "$(id -u)" = 0 ] || sudo=sudo
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >/dev/null
fi

swift build --product iflow
bin="$(swift build --show-bin-path)/iflow"

work=$(mktemp -d /tmp/iflow-browser.XXXXXX)
export IFLOW_DATA_KEY_FILE="$work/iflow.datakey"
db="$work/iflow.sqlite"
port="${IFLOW_BROWSER_PORT:-18089}"
month="${IFLOW_BROWSER_MONTH:-2025-12}"
shots=build/screenshots
server=""
cleanup() {
    if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
    rm -rf "$work"
}
trap cleanup EXIT
rm -rf "$shots"
mkdir -p "$shots"

company=$("$bin" company create --name "Demo Producție SRL" --database "$db")
key=$("$bin" key create --company "$company" --label "Salarizare" --database "$db" 2>/dev/null)
"$bin" key create --company "$company" --label "Import pontaj" --database "$db" >/dev/null 2>&1
other=$("$bin" company create --name "Alt Client SRL" --database "$db")
"$bin" key create --company "$other" --label "alt client" --database "$db" >/dev/null 2>&1
device=$("$bin" device create --company "$company" --label "Poarta principală" --database "$db")
password="browser-test-$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')"
printf '%s\n' "$password" | "$bin" admin create --company "$company" --email admin@demo.ro --database "$db" >/dev/null

"$bin" serve --port "$port" --database "$db" --log-level-name info >"$work/server.log" 2>&1 &
server=$!
for _ in $(seq 1 100); do
    curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break
    sleep 0.2
done
curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null

python3 scripts/browser_seed.py "http://127.0.0.1:$port" "$key" "$month" "$device"
IFLOW_BROWSER_MONTH="$month" python3 scripts/browser_test.py "http://127.0.0.1:$port" admin@demo.ro "$password" "$shots"

if grep -q "internal error" "$work/server.log"; then
    echo "the server logged internal errors:" >&2
    grep "internal error" "$work/server.log" >&2
    exit 1
fi
echo "screenshots in $shots/"
