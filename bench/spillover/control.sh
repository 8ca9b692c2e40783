#!/bin/bash
# Control: the same links on a market simulated WITHOUT contagion (--related-share 0, seed 7, same issuers),
# so spill-over follows links that carry nothing.
set -e
# Run from the repository root after `dotnet build src/StreamRisk.Cli -c Release`, or set STREAMRISK to the program.
SR=${STREAMRISK:-$PWD/src/StreamRisk.Cli/bin/Release/net10.0/linux-x64/streamrisk}
d=/tmp/gs-c7; rm -rf $d
nice -n 10 $SR simulate --issuers 200 --years 1 --seed 7 --out $d -q
# needs measure.sh run first (it writes /tmp/gs-m7)
cp /tmp/gs-m7/issuer_relations.csv $d/
cmp /tmp/gs-m7/issuers.csv $d/issuers.csv && echo "same issuers"
for mode in off on; do
  if [ $mode = off ]; then extra="--spillover-hops 0"; else extra=""; fi
  echo "== control seed 7 spillover $mode"
  nice -n 10 $SR eval --sim $d --out $d/eval-$mode --firm-model lexicon $extra 2>&1 | grep -E "index vs|related issuers|latent\(t|daily values|pipeline:" | tr -s ' │' ' '
done
