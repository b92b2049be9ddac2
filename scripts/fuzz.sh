#!/usr/bin/env bash
# Fuzzes request decoding (FormFields.decode, then the field checks and the CSV reader) with libFuzzer and
# AddressSanitizer for a bounded time. Usage: scripts/fuzz.sh [seconds]   (default 60)
#
# The target (fuzz/Sources/FormFieldsFuzz) is built by SwiftPM in its own scratch folder, with every module it uses
# (IFlowForms, IFlowCore, MultipartKit, NIOCore, ...) instrumented, so the main .build is left alone. Seeds are read
# from fuzz/corpus and never written; new inputs go to .build-fuzz/corpus, a crash to .build-fuzz/artifacts/.
# Replay one with `.build-fuzz/debug/FormFieldsFuzz FILE`, or without sanitizers with `swift run FormFieldsFuzz FILE`.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${1:-60}
scratch=.build-fuzz
mkdir -p "$scratch/corpus" "$scratch/artifacts"

# The default linker here (gold) fails on the sanitizer runtime; the Swift toolchain's lld links it.
toolchain_bin=$(dirname "$(readlink -f "$(command -v swiftc)")")
printf '{"schemaVersion": "1.0", "linker": {"path": "%s/ld.lld"}}\n' "$toolchain_bin" >"$scratch/toolset.json"

echo "fuzz: building FormFieldsFuzz with -sanitize=fuzzer,address"
set +e
swift build --scratch-path "$scratch" --product FormFieldsFuzz --toolset "$scratch/toolset.json" \
    -Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING 2>&1 | grep -vE "Cannot export local symbol|unhandled; explicitly declare|CMakeLists.txt$"
status=${PIPESTATUS[0]}
set -e
[ "$status" -eq 0 ] || { echo "fuzz: the build failed" >&2; exit 1; }

echo "fuzz: running for ${seconds} s"
# Swift's runtime keeps some allocations until exit by design; leak reports would be noise, not findings.
set +e
ASAN_OPTIONS=detect_leaks=0 "$scratch/debug/FormFieldsFuzz" \
    -max_total_time="$seconds" -max_len=16384 -timeout=10 -rss_limit_mb=2048 \
    -dict=fuzz/forms.dict -artifact_prefix="$scratch/artifacts/" -print_final_stats=1 \
    "$scratch/corpus" fuzz/corpus 2>&1 | grep -vE '^#[0-9]+[[:space:]]+(NEW|REDUCE|pulse)|NEW_FUNC|^"|dictionary'
status=${PIPESTATUS[0]}
set -e
if [ "$status" -ne 0 ]; then
    echo "fuzz: FAILED (exit $status); the input is in $scratch/artifacts/" >&2
    exit "$status"
fi
echo "fuzz: no crash in ${seconds} s"
