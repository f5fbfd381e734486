#!/usr/bin/env bash
# A fuzzing campaign: every target (or those named) for SECONDS each, BASIN_FUZZ_JOBS (2) at a
# time, starting from the committed seed corpus (BASIN_FUZZ_OUT: where results go). Needs the asan preset built:
#   cmake --preset asan && cmake --build --preset asan
#   tests/fuzz/campaign.sh 600 [target ...]
# Per target, build/asan/fuzz-campaign/<target>/ gets the grown corpus, any crash-*/leak-*/oom-*
# reproducer and log.txt; the summary at the end lists executions and findings. A reproducer
# becomes a regression test by copying it to tests/fuzz/corpus/<target>/regress-<what>.
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:?usage: tests/fuzz/campaign.sh SECONDS [target ...]}
shift
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(idx cifar hdf5 onnx torch_zip pickle safetensors grid_spec data_spec arch_json)
bin=${BASIN_FUZZ_BIN:-build/asan/tests/fuzz}  # another folder: rebuild while a campaign runs
out=${BASIN_FUZZ_OUT:-build/asan/fuzz-campaign}
jobs=${BASIN_FUZZ_JOBS:-2}
supp=$PWD/tests/sanitizers/lsan.supp

run() {
  local t=$1 dir=$out/$1 asan="" limits="-malloc_limit_mb=2048"
  mkdir -p "$dir/corpus"
  # As in tests/fuzz/CMakeLists.txt: HDF5 itself asks for absurd sizes and copes with NULL.
  [ "$t" = hdf5 ] && asan="allocator_may_return_null=1:quarantine_size_mb=64:" && limits=""
  ASAN_OPTIONS="${asan}detect_leaks=1" LSAN_OPTIONS="suppressions=$supp:print_suppressions=0" \
    UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1" \
    "$bin/fuzz_$t" -max_total_time="$seconds" -rss_limit_mb=4096 $limits -timeout=30 \
    -print_final_stats=1 -artifact_prefix="$dir/" "$dir/corpus" "tests/fuzz/corpus/$t" \
    >"$dir/log.txt" 2>&1 || true
}

for ((i = 0; i < ${#targets[@]}; i += jobs)); do
  for ((j = i; j < i + jobs && j < ${#targets[@]}; j++)); do run "${targets[j]}" & done
  wait
done

printf '%-12s %12s %8s %10s  %s\n' target executions exec/s corpus findings
for t in "${targets[@]}"; do
  dir=$out/$t
  runs=$(grep -o 'stat::number_of_executed_units: [0-9]*' "$dir/log.txt" | awk '{print $2}')
  findings=$(find "$dir" -maxdepth 1 \( -name 'crash-*' -o -name 'leak-*' -o -name 'oom-*' -o -name 'timeout-*' \) | wc -l)
  printf '%-12s %12s %8s %10s  %s\n' "$t" "${runs:-?}" "$(( ${runs:-0} / seconds ))" \
    "$(find "$dir/corpus" -type f | wc -l)" "$findings"
done
