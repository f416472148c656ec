#!/usr/bin/env bash
# Runs each libFuzzer target for a bounded time (FUZZ_SECONDS, default 60) and prints its
# execution count. A crash leaves its input in Fuzz/crashes/<target>/ and fails the script:
# turn it into a regression test. Leak detection is off by default (FUZZ_DETECT_LEAKS=1 turns it
# on): TOMLKit leaks a few bytes per TOML date-time inside its C++ shim, which is not ours to fix.
# FUZZ_TARGETS="FuzzCrossLinks FuzzSlug" runs only those targets.
set -euo pipefail
cd "$(dirname "$0")/../Fuzz"
seconds=${FUZZ_SECONDS:-60}
# ASan checks for leaks again at exit; keep that in step with libFuzzer's own setting.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=${FUZZ_DETECT_LEAKS:-0}}
swift build -c debug --scratch-path ../.build-fuzz -Xswiftc -sanitize=fuzzer,address -Xswiftc -use-ld=lld
bin=$(swift build -c debug --scratch-path ../.build-fuzz --show-bin-path)
status=0
for target in ${FUZZ_TARGETS:-FuzzFrontMatter FuzzSlug FuzzArticle FuzzCrossLinks}; do
  corpus_seed=corpus/$(echo "${target#Fuzz}" | tr 'A-Z' 'a-z')
  work=$(mktemp -d)
  cp -r "$corpus_seed"/. "$work"/ 2>/dev/null || true
  mkdir -p "crashes/$target"
  echo "== $target ($seconds s)"
  log=$(mktemp)
  if ! "$bin/$target" -max_total_time="$seconds" -max_len=65536 -rss_limit_mb=4096 \
        -artifact_prefix="crashes/$target/" -print_final_stats=1 -detect_leaks=${FUZZ_DETECT_LEAKS:-0} "$work" > "$log" 2>&1; then
    status=1
    tail -40 "$log"
  fi
  grep -E "stat::number_of_executed_units|Done [0-9]+ runs" "$log" || true
  rm -f "$log"
  rm -rf "$work"
done
exit $status
