#!/usr/bin/env bash
# Runs every benchmark: the core's micro-benchmarks, then HTTP throughput with wrk.
set -euo pipefail
build=${1:-build}
echo "== text_benchmark (ns per call; ToNfc is the reference)"
"$build"/src/core/text_benchmark --benchmark_min_time=0.2
echo
echo "== http (wrk, 2 threads, 32 connections, 5 s per route)"
bash "$(dirname "$0")/http.sh" "$build"
