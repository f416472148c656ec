#!/usr/bin/env bash
# `make bench`: glossa against Hugo and the cmark-gfm floor on generated corpora, in one run.
#
#   SIZES="1000 10000"  term counts (posts = terms / 10)
#   RUNS=5              timed runs per variant; glossa and Hugo runs alternate
#   BENCH_DIR=/tmp/glossa-bench
#   MEMDIR=/dev/shm     a tmpfs: each tool also builds into it (MEMDIR= skips these variants)
#
# Why the tmpfs variants: on an ext4 file system without a journal (this machine's), creating a
# file scans past every inode freed in the last minute or more, so a build that follows
# `rm -rf` of a big output folder spends seconds in the kernel. Both tools pay it, by how much
# depends on what was deleted before; the tmpfs runs show what the tools themselves cost.
#
# Prints a Markdown table: median and min–max wall seconds, peak RSS, and the ratios the
# speed issue asks for (glossa/Hugo, glossa/cmark-gfm floor, no-change rebuild/full build),
# then `glossa serve`'s save-to-page latency on each corpus (scripts/serve-latency.py; SERVE=0 skips it).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
SIZES=${SIZES:-"1000 10000"}
RUNS=${RUNS:-5}
BENCH_DIR=${BENCH_DIR:-/tmp/glossa-bench}
MEMDIR=${MEMDIR-/dev/shm}
if [ -n "$MEMDIR" ] && ! { [ -d "$MEMDIR" ] && [ -w "$MEMDIR" ]; }; then MEMDIR=; fi
gen=../shared/bench/gen_corpus.py
[ -f "$gen" ] || { echo "error: $gen not found (the shared/ folder beside the repo)" >&2; exit 1; }

need=()
command -v hugo >/dev/null || need+=(hugo)
command -v cmark-gfm >/dev/null || need+=(cmark-gfm)
[ -x /usr/bin/time ] || need+=(time)
if [ ${#need[@]} -gt 0 ]; then
  echo "Installing ${need[*]} for the comparison…" >&2
  ${SUDO:-$( [ "$(id -u)" -eq 0 ] || echo sudo )} apt-get install -y -qq "${need[@]}" >&2
fi

swift build -c release --product glossa >&2
glossa=$root/.build/release/glossa
mkdir -p "$BENCH_DIR"

# run_timed OUTFILE CMD… : appends "seconds rss_kb" to OUTFILE. Dirty pages are flushed
# first (untimed), so that no run pays for writing back the output of the run before it: the
# runs alternate between tools, and a 10,000-page site leaves some 200 MB to write back.
run_timed() {
  local out=$1; shift
  local t0 t1
  sync
  t0=$EPOCHREALTIME
  /usr/bin/time -f "%M" -o "$BENCH_DIR/rss" "$@" > /dev/null 2>&1
  t1=$EPOCHREALTIME
  echo "$(echo "$t1 - $t0" | bc -l) $(tail -n1 "$BENCH_DIR/rss")" >> "$out"
}

stats() { # FILE -> "median min max rss_mb"
  sort -n "$1" | awk '{ s[NR]=$1; if ($2>m) m=$2 } END {
    med = (NR % 2) ? s[(NR+1)/2] : (s[NR/2] + s[NR/2+1]) / 2;
    printf "%.3f %.3f %.3f %.0f", med, s[1], s[NR], m/1024 }'
}

echo "| corpus | variant | median s | min–max s | peak MB |"
echo "|---|---|---|---|---|"
summary=()
for terms in $SIZES; do
  posts=$(( terms / 10 ))
  corpus=$BENCH_DIR/c$terms
  if [ ! -f "$corpus/.done" ]; then
    rm -rf "$corpus"
    python3 "$gen" --terms "$terms" --posts "$posts" --out "$corpus" --hugo >&2
    touch "$corpus/.done"
  fi
  rm -rf "$corpus/Templates"; cp -r "$root/Templates" "$corpus/Templates"
  out=$BENCH_DIR/out-$terms; hugo_out=$BENCH_DIR/hugo-out-$terms
  g=$BENCH_DIR/glossa-$terms.txt; h=$BENCH_DIR/hugo-$terms.txt; n=$BENCH_DIR/nochange-$terms.txt; c=$BENCH_DIR/cmark-$terms.txt
  u=$BENCH_DIR/nocache-$terms.txt
  gm_file=$BENCH_DIR/glossa-mem-$terms.txt; hm_file=$BENCH_DIR/hugo-mem-$terms.txt
  mem_out=${MEMDIR:+$MEMDIR/glossa-bench-out-$terms}; mem_hugo_out=${MEMDIR:+$MEMDIR/glossa-bench-hugo-out-$terms}
  : > "$g"; : > "$h"; : > "$n"; : > "$c"; : > "$u"; : > "$gm_file"; : > "$hm_file"
  cat "$corpus"/Content/glossary/*.md "$corpus"/Content/blog/*.md > "$BENCH_DIR/all-$terms.md"
  # warm-up (untimed)
  rm -rf "$out"; "$glossa" build --quiet --site "$corpus" --output "$out"
  rm -rf "$hugo_out"; hugo --quiet --minify=false -s "$corpus/hugo" -d "$hugo_out" > /dev/null 2>&1
  for (( i = 0; i < RUNS; i++ )); do
    rm -rf "$out"; run_timed "$g" "$glossa" build --quiet --site "$corpus" --output "$out"
    run_timed "$n" "$glossa" build --quiet --site "$corpus" --output "$out"
    run_timed "$u" "$glossa" build --quiet --no-cache --site "$corpus" --output "$out"
    rm -rf "$hugo_out"; run_timed "$h" hugo --quiet --minify=false -s "$corpus/hugo" -d "$hugo_out"
    run_timed "$c" cmark-gfm -e table -e strikethrough -e autolink "$BENCH_DIR/all-$terms.md"
    if [ -n "$MEMDIR" ]; then
      rm -rf "$mem_out"; run_timed "$gm_file" "$glossa" build --quiet --site "$corpus" --output "$mem_out"
      rm -rf "$mem_hugo_out"; run_timed "$hm_file" hugo --quiet --minify=false -s "$corpus/hugo" -d "$mem_hugo_out"
    fi
  done
  [ -n "$MEMDIR" ] && rm -rf "$mem_out" "$mem_hugo_out"
  read -r gm gmin gmax grss <<< "$(stats "$g")"
  read -r nm nmin nmax nrss <<< "$(stats "$n")"
  read -r um umin umax urss <<< "$(stats "$u")"
  read -r hm hmin hmax hrss <<< "$(stats "$h")"
  read -r cm cmin cmax crss <<< "$(stats "$c")"
  echo "| ${terms} terms | glossa build | $gm | $gmin–$gmax | $grss |"
  echo "| ${terms} terms | glossa build, nothing changed | $nm | $nmin–$nmax | $nrss |"
  echo "| ${terms} terms | glossa build, nothing changed, --no-cache | $um | $umin–$umax | $urss |"
  echo "| ${terms} terms | hugo build | $hm | $hmin–$hmax | $hrss |"
  echo "| ${terms} terms | cmark-gfm floor (1 process, 1 core) | $cm | $cmin–$cmax | $crss |"
  mem_ratios="| – | – "
  if [ -n "$MEMDIR" ]; then
    read -r gmm gmmin gmmax gmrss <<< "$(stats "$gm_file")"
    read -r hmm hmmin hmmax hmrss <<< "$(stats "$hm_file")"
    echo "| ${terms} terms | glossa build, output on tmpfs | $gmm | $gmmin–$gmmax | $gmrss |"
    echo "| ${terms} terms | hugo build, output on tmpfs | $hmm | $hmmin–$hmmax | $hmrss |"
    mem_ratios="| $(echo "scale=3; $gmm / $hmm" | bc -l) | $(echo "scale=2; $gmm / $cm" | bc -l) "
  fi
  summary+=("| ${terms} terms | $(echo "scale=3; $gm / $hm" | bc -l) | $(echo "scale=2; $gm / $cm" | bc -l) ${mem_ratios}| $(echo "scale=3; $nm / $gm" | bc -l) | $(echo "scale=3; $um / $gm" | bc -l) |")
done
echo
echo "| corpus | glossa / Hugo | glossa / cmark floor | glossa / Hugo, tmpfs | glossa on tmpfs / cmark floor | no-change / full | no-change without cache / full |"
echo "|---|---|---|---|---|---|---|"
printf '%s\n' "${summary[@]}"

if [ "${SERVE:-1}" != 0 ]; then
  echo
  for terms in $SIZES; do
    python3 scripts/serve-latency.py "$glossa" "$BENCH_DIR/c$terms" --edits 5
  done
fi
