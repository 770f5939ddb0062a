#!/usr/bin/env bash
# Builds the fuzz targets with clang (libFuzzer, AddressSanitizer, UBSan) and runs each for the
# given number of seconds (default 10). A crash is written to regressions/<target>/ and fails the
# run: commit the file, fix the reader, and the replay test keeps it fixed.
set -euo pipefail
seconds=${1:-10}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
build=${FUZZ_BUILD_DIR:-$root/build-fuzz}
if [ ! -f "$build/CMakeCache.txt" ]; then
  CC=clang CXX=clang++ cmake -S "$root" -B "$build" -DCNSCD_FUZZ=ON \
    -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
fi
cmake --build "$build" -j2 >/dev/null
status=0
for fuzzer in "$build"/tests/fuzz/*_fuzz; do
  name=$(basename "$fuzzer" _fuzz)
  work="$build/corpus/$name"
  mkdir -p "$work" "$here/regressions/$name"
  if "$fuzzer" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
      -artifact_prefix="$here/regressions/$name/" "$work" "$here/corpus/$name" \
      >"$build/$name.log" 2>&1; then
    runs=$(grep -o 'stat::number_of_executed_units: [0-9]*' "$build/$name.log" | awk '{print $2}' || true)
    echo "fuzz $name: ${seconds}s, no crash ${runs:+($runs runs)}"
  else
    echo "fuzz $name: CRASH — see $build/$name.log and $here/regressions/$name/" >&2
    tail -30 "$build/$name.log" >&2
    status=1
  fi
done
exit $status
