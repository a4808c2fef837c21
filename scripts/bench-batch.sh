#!/usr/bin/env bash
# Batch summaries side by side in one run: the quality corpus, copied 4 times (48 statements),
# summarised by `brief summarize DIR --out DIR2` with one worker (the baseline) and with one
# worker per core; then a second run over unchanged files, which the history skips. Prints
# wall time and peak memory of each, and the ratios.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh >/dev/null
cargo build --release -q -p brief-core --bin brief

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for copy in 1 2 3 4; do
  mkdir -p "$work/in/$copy"
  cp tests/fixtures/corpus/*.txt "$work/in/$copy/"
done
files=$(find "$work/in" -name '*.txt' | wc -l)
cores=$(nproc)

# Prints "seconds peak-KB" for one run with JOBS workers into OUT, history HISTORY.
run() {
  BRIEF_HISTORY="$3" /usr/bin/time -f "%e %M" -o "$work/time" \
    target/release/brief summarize "$work/in" -r --out "$2" --jobs "$1" >/dev/null
  cat "$work/time"
}
read -r one one_kb < <(run 1 "$work/out-1" "$work/history-1.sqlite3")
read -r many many_kb < <(run "$cores" "$work/out-n" "$work/history-n.sqlite3")
read -r again again_kb < <(run "$cores" "$work/out-n" "$work/history-n.sqlite3")

echo "$files statements, $cores cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs))"
printf '%-34s %8s %10s\n' "run" "seconds" "peak MB"
printf '%-34s %8s %10d\n' "--jobs 1 (baseline)" "$one" $((one_kb / 1024))
printf '%-34s %8s %10d\n' "--jobs $cores" "$many" $((many_kb / 1024))
printf '%-34s %8s %10d\n' "--jobs $cores again, all unchanged" "$again" $((again_kb / 1024))
awk -v a="$one" -v b="$many" -v c="$again" 'BEGIN {
  printf "ratio --jobs %s / --jobs 1: %.2f; unchanged rerun / first run: %.2f\n", "'"$cores"'", b / a, c / b }'
