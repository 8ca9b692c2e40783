#!/bin/bash
# Spill-over measurement: 200 issuers x 1 year, links on (--related-share 0.3), seeds 7 and 8; eval with spill-over off and on.
set -e
# Run from the repository root after `dotnet build src/StreamRisk.Cli -c Release`, or set STREAMRISK to the program.
SR=${STREAMRISK:-$PWD/src/StreamRisk.Cli/bin/Release/net10.0/linux-x64/streamrisk}
for seed in 7 8; do
  d=/tmp/gs-m$seed
  rm -rf $d
  nice -n 10 $SR simulate --issuers 200 --years 1 --seed $seed --related-share 0.3 --out $d -q
  for mode in off on; do
    if [ $mode = off ]; then extra="--spillover-hops 0"; else extra=""; fi
    echo "== seed $seed spillover $mode load $(cut -d' ' -f1-3 /proc/loadavg)"
    /usr/bin/time -f "wall %e s, max RSS %M kB" nice -n 10 $SR eval --sim $d --out $d/eval-$mode --firm-model lexicon $extra 2>&1 \
      | grep -E "index vs|related issuers|latent\(t|daily values|pipeline:|wall" | tr -s ' │' ' '
  done
done
