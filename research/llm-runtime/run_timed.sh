#!/bin/bash
# usage: run_timed.sh LABEL CMD...   waits (<=10 min) for 1-min load < 1.0, then runs CMD under /usr/bin/time -v
label=$1; shift
mkdir -p results
for i in $(seq 1 ${WAIT_STEPS:-120}); do
  l=$(cut -d' ' -f1 /proc/loadavg)
  awk "BEGIN{exit !($l < 1.0)}" && break
  sleep 5
done
echo "loadavg_before: $(cat /proc/loadavg)" > results/$label.txt
RAYON_NUM_THREADS=2 nice -n 19 /usr/bin/time -v "$@" >> results/$label.txt 2> results/$label.time
echo "loadavg_after: $(cat /proc/loadavg)" >> results/$label.txt
grep -E 'Maximum resident|Elapsed' results/$label.time >> results/$label.txt
