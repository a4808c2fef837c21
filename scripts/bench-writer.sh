#!/usr/bin/env bash
# Brief's writing model (brief-writer, through llama-cpp-2) against llama.cpp's own llama-bench:
# the same GGUF, the same llama.cpp source (the one vendored in llama-cpp-sys-2), the same CPU
# flags, the same threads. Prints a table and the ratios ours / llama-bench.
#
#   scripts/bench-writer.sh            # THREADS=2 MAX_TOKENS=128 REPEATS=3 by default
#
# llama-bench is built once into .deps/llama-bench/ (about 10 minutes on 2 cores).
set -euo pipefail
cd "$(dirname "$0")/.."

MODEL=${MODEL:-models/qwen2.5-coder-1.5b-instruct/model.gguf}
TEXT=${TEXT:-tests/fixtures/statement-lt-it-defence-2024-07-02.txt}
THREADS=${THREADS:-2}
MAX_TOKENS=${MAX_TOKENS:-128}
REPEATS=${REPEATS:-3}
OUT=.deps/llama-bench
RESULTS=$OUT/results
# llama-cpp-sys-2 on crates.io ships llama.cpp without the tools' sources, so llama-bench's own
# source comes from the llama.cpp that llama-cpp-python vendors (the closest release on PyPI).
# Only this driver comes from there: libllama, ggml and llama-common are built from the vendored
# tree that Brief links.
LCP_VERSION=0.3.36
LCP_SHA256=832db0699007f1be95a7e41ef12e88926b02ba836461e36a36372db2760c1a2e

[ -f "$MODEL" ] || { echo "no model at $MODEL (scripts/fetch_models.py fetches it)" >&2; exit 1; }
mkdir -p "$RESULTS"
load() { uptime | sed 's/.*load average: */load /'; }

# --- (a) llama-bench from the vendored llama.cpp ---------------------------------------------

# The llama-cpp-sys-2 that Cargo.lock pins, wherever the registry unpacked it.
LLAMA_SRC=$(cargo metadata --format-version 1 --locked | python3 -c '
import json, os, sys
dirs = {os.path.dirname(p["manifest_path"]) for p in json.load(sys.stdin)["packages"]
        if p["name"] == "llama-cpp-sys-2"}
if len(dirs) != 1:
    sys.exit(f"expected one llama-cpp-sys-2, found {sorted(dirs)}")
print(dirs.pop() + "/llama.cpp")')
echo "llama.cpp source: $LLAMA_SRC"

# The CPU flags brief-writer is built with: the GGML_* entries of .cargo/config.toml [env], and
# no OpenMP (brief-writer turns off llama-cpp-2's default features).
GGML_FLAGS=$(sed -nE 's/^(GGML_[A-Z0-9_]+) *= *"([^"]*)".*/-D\1=\2/p' .cargo/config.toml | tr '\n' ' ')
# cmake-rs (which builds llama-cpp-sys-2) adds these to CMAKE_C/CXX_FLAGS; the same here.
CC_FLAGS="-ffunction-sections -fdata-sections -fPIC -m64 -march=x86-64"
CMAKE_ARGS=(
  -DCMAKE_BUILD_TYPE=Release "-DCMAKE_C_FLAGS=$CC_FLAGS" "-DCMAKE_CXX_FLAGS=$CC_FLAGS"
  -DBUILD_SHARED_LIBS=OFF $GGML_FLAGS -DGGML_OPENMP=OFF
  -DLLAMA_CURL=OFF -DLLAMA_OPENSSL=OFF -DLLAMA_BUILD_COMMON=ON
  -DLLAMA_BUILD_TESTS=OFF -DLLAMA_BUILD_EXAMPLES=OFF -DLLAMA_BUILD_SERVER=OFF
  -DLLAMA_BUILD_TOOLS=OFF -DLLAMA_BUILD_APP=OFF
  "-DLLAMA_SRC=$LLAMA_SRC" "-DBENCH_SRC=$PWD/$OUT/llama-bench-src"
  "-DCMAKE_RUNTIME_OUTPUT_DIRECTORY=$PWD/$OUT/bin"
)
# A rebuild only when the source or the flags change, so the script is cheap to run again.
STAMP="$LLAMA_SRC $LCP_VERSION ${CMAKE_ARGS[*]}"
if [ -x "$OUT/bin/llama-bench" ] && [ "$(cat "$OUT/stamp" 2>/dev/null)" = "$STAMP" ]; then
  echo "llama-bench: already built ($OUT/bin/llama-bench)"
else
  if [ ! -f "$OUT/llama-bench-src/llama-bench.cpp" ]; then
    python3 -m pip download -q --no-deps --no-binary :all: -d "$OUT/pypi" \
      "llama-cpp-python==$LCP_VERSION"
    sdist="$OUT/pypi/llama_cpp_python-$LCP_VERSION.tar.gz"
    echo "$LCP_SHA256  $sdist" | sha256sum -c --quiet
    rm -rf "$OUT/llama-bench-src" && mkdir -p "$OUT/llama-bench-src"
    tar -xzf "$sdist" -C "$OUT/llama-bench-src" --strip-components=5 \
      "llama_cpp_python-$LCP_VERSION/vendor/llama.cpp/tools/llama-bench"
  fi
  # The vendored tree's tools/ has no sources (LLAMA_BUILD_TOOLS would fail), so a small
  # project builds that tree as a subproject and adds llama-bench beside it.
  cat > "$OUT/CMakeLists.txt" <<'EOF'
cmake_minimum_required(VERSION 3.14)
project(brief-llama-bench C CXX)
add_subdirectory(${LLAMA_SRC} llama.cpp)
llama_add_compile_flags()
add_subdirectory(${BENCH_SRC} llama-bench)
EOF
  cmake -S "$OUT" -B "$OUT/build" "${CMAKE_ARGS[@]}" > "$OUT/cmake.log"
  nice -n 10 cmake --build "$OUT/build" --target llama-bench -j "$(nproc)" > "$OUT/build.log"
  echo "$STAMP" > "$OUT/stamp"
  echo "llama-bench: built $OUT/bin/llama-bench"
fi

# --- (b) Brief's side --------------------------------------------------------------------------
nice -n 10 cargo build --release -q -p brief-writer --example bench
# brief-core has an example named bench too, and both land in target/release/examples/bench: take
# brief-writer's own build (the newest whose dep-info names writer/examples/bench.rs) and run a
# copy, which a concurrent build of the other example cannot replace, under a name of its own.
dep_info=$(grep -l 'writer/examples/bench.rs' target/release/examples/bench-*.d | xargs ls -t | head -1)
BENCH=$OUT/bin/brief-writer-speed
cp "${dep_info%.d}" "$BENCH"

# --- (c) the runs --------------------------------------------------------------------------------
# Ours first: its prompt and answer lengths are what llama-bench is asked to process.
echo "== brief-writer: threads=$THREADS max_tokens=$MAX_TOKENS repeats=$REPEATS ($(load))"
"$BENCH" "$TEXT" --model "$MODEL" --threads "$THREADS" \
  --max-tokens "$MAX_TOKENS" --repeats "$REPEATS" | tee "$RESULTS/brief.txt"
echo "   after: $(load)"
BRIEF=$(grep '^brief ' "$RESULTS/brief.txt")
field() { sed -nE "s/.* $1=([^ ]+).*/\1/p" <<< "$BRIEF"; }
P=$(field prompt_tokens)
N=$(field decodes)

# llama-bench's pp is P prompt tokens in one context; its tg is N single-token decodes, from an
# empty cache by default and after P tokens with -d P (where Brief's answer is written).
run_llama_bench() {
  local name=$1; shift
  echo "== llama-bench $* ($(load))"
  "$OUT/bin/llama-bench" -m "$MODEL" -t "$THREADS" -r "$REPEATS" -o jsonl "$@" \
    > "$RESULTS/$name.jsonl" 2> "$RESULTS/$name.log"
  python3 - "$RESULTS/$name.jsonl" <<'EOF'
import json, sys
for t in map(json.loads, filter(str.strip, open(sys.argv[1]))):
    test = f"pp{t['n_prompt']}" if t["n_gen"] == 0 else f"tg{t['n_gen']}"
    samples = " ".join(f"{v:.2f}" for v in t["samples_ts"])
    print(f"   {test} at depth {t['n_depth']}, batch {t['n_batch']}/{t['n_ubatch']}: "
          f"{t['avg_ts']:.2f} ± {t['stddev_ts']:.2f} t/s ({samples})")
EOF
  echo "   after: $(load)"
}
run_llama_bench default -p "$P" -n "$N"
# Brief feeds the prompt in slices (so that a cancel is seen while it reads): the same batch here.
SLICE=$(sed -nE 's/^const PROMPT_SLICE: usize = ([0-9]+);/\1/p' writer/src/lib.rs)
run_llama_bench slices -p "$P" -n 0 -b "$SLICE" -ub "$SLICE"
run_llama_bench depth -p 0 -n "$N" -d "$P"

# --- (d) the table -------------------------------------------------------------------------------
python3 - "$RESULTS" "$BRIEF" "$SLICE" <<'EOF'
import json, sys
results, brief = sys.argv[1], dict(kv.split("=", 1) for kv in sys.argv[2].split()[1:])
slice_ = sys.argv[3]

def tests(name):
    with open(f"{results}/{name}.jsonl") as f:
        return [json.loads(line) for line in f if line.strip()]

def pick(name, gen):  # the pp test (n_gen 0) or the tg test (n_prompt 0)
    return next(t for t in tests(name) if (t["n_gen"] > 0) == gen)

lb_pp, lb_tg = pick("default", False), pick("default", True)
lb_pp_slices, lb_tg_d = pick("slices", False), pick("depth", True)
pp, tg = float(brief["pp"]), float(brief["tg"])
P, N = brief["prompt_tokens"], brief["decodes"]

def row(what, batch, pp_ts, tg_ts, note=""):
    cell = lambda v: "" if v is None else f"{v:.2f}"
    print(f"| {what} | {batch} | {cell(pp_ts)} | {cell(tg_ts)} | {note} |")

print(f"\nprompt {P} tokens, generation {N} decodes, {brief['threads']} threads\n")
print("| runtime | batch / ubatch | pp t/s | tg t/s | notes |")
print("| --- | --- | --- | --- | --- |")
row("llama-bench", f"{lb_pp['n_batch']} / {lb_pp['n_ubatch']}", lb_pp["avg_ts"], lb_tg["avg_ts"],
    f"pp ±{lb_pp['stddev_ts']:.2f}, tg ±{lb_tg['stddev_ts']:.2f}; tg from an empty cache")
row("llama-bench -d P", f"{lb_tg_d['n_batch']} / {lb_tg_d['n_ubatch']}", None, lb_tg_d["avg_ts"],
    f"±{lb_tg_d['stddev_ts']:.2f}; tg after {P} tokens")
row(f"llama-bench -b {slice_} -ub {slice_}", f"{slice_} / {slice_}", lb_pp_slices["avg_ts"], None,
    f"±{lb_pp_slices['stddev_ts']:.2f}; Brief's prompt slices")
row("brief-writer (median)", f"{slice_} slices", pp, tg,
    f"stop={brief['stop']}, total {float(brief['total_ms']) / 1000:.2f} s, "
    f"peak RSS {float(brief['peak_rss_mib']):.0f} MiB")
print()
print(f"ratio pp ours/llama-bench:            {pp / lb_pp['avg_ts']:.3f}")
print(f"ratio pp ours/llama-bench -b {slice_}:     {pp / lb_pp_slices['avg_ts']:.3f}")
print(f"ratio tg ours/llama-bench:            {tg / lb_tg['avg_ts']:.3f}")
print(f"ratio tg ours/llama-bench -d {P}:     {tg / lb_tg_d['avg_ts']:.3f}")
EOF
