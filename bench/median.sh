#!/usr/bin/env bash
# Median wall time of a command over N fresh runs: bench/median.sh N command [args...]
# (used for the cold-start figure in docs/PERFORMANCE.md; `npm run bench` measures everything else).
set -u
n=$1; shift
for _ in $(seq "$n"); do
  start=$(date +%s%N); "$@" >/dev/null 2>&1; end=$(date +%s%N)
  echo $(( (end - start) / 1000000 ))
done | sort -n | awk '{ t[NR] = $1 } END { print t[int((NR + 1) / 2)] " ms (median of " NR ")" }'
