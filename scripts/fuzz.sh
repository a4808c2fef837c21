#!/usr/bin/env bash
# A short fuzz run of each target in fuzz/ (decoding and segmentation, HTML extraction, DOCX and
# PDF reading), seeded with the test fixtures. A crash stops the run and leaves its input in
# fuzz/artifacts/<target>/: copy it into tests/fixtures/fuzz-regressions/, where a unit test of
# brief-document reads every file, then fix the bug.
#   scripts/fuzz.sh [seconds per target, default 20]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-20}"

if ! command -v cargo-fuzz >/dev/null && [ ! -x "$HOME/.cargo/bin/cargo-fuzz" ]; then
  cargo install --locked cargo-fuzz@0.13.2
fi
# cargo fuzz passes nightly-only flags to rustc; RUSTC_BOOTSTRAP lets the stable toolchain
# accept them. No sanitizer: the code under test is safe Rust, and panics are what we hunt.
export RUSTC_BOOTSTRAP=1
declare -A seeds=(
  [text]="tests/fixtures/corpus"
  [html]="tests/fixtures/formats"
  [containers]="tests/fixtures/formats"
)
for target in text html containers; do
  corpus="fuzz/corpus/$target"   # what the fuzzer learns; git-ignored
  mkdir -p "$corpus"
  echo "fuzz: $target for ${seconds}s"
  log="fuzz/$target.log"
  status=0
  (cd fuzz && cargo fuzz run --sanitizer none "$target" "../$corpus" "../${seeds[$target]}" \
     "../tests/fixtures/fuzz-regressions" \
     -- -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
     -print_final_stats=1) >"$log" 2>&1 || status=$?
  grep -E "^(Done [0-9]+ runs|stat::number_of_executed_units)" "$log" || true
  if [ "$status" -ne 0 ] || compgen -G "fuzz/artifacts/$target/*" >/dev/null; then
    echo "fuzz: $target failed (exit $status); the end of $log:" >&2
    tail -40 "$log" >&2
    exit 1
  fi
done
echo "fuzz: no crashes"
