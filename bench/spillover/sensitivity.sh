#!/bin/bash
# Spill-over settings on the seed-7 market of measure.sh (run it first): decay and hops around the defaults.
set -e
# Run from the repository root after `dotnet build src/StreamRisk.Cli -c Release`, or set STREAMRISK to the program.
SR=${STREAMRISK:-$PWD/src/StreamRisk.Cli/bin/Release/net10.0/linux-x64/streamrisk}
d=/tmp/gs-m7
for setting in "0.5 1" "0.25 2" "1 2"; do
  set -- $setting
  echo "== seed 7 decay $1 hops $2"
  nice -n 10 $SR eval --sim $d --out $d/eval-d$1-h$2 --firm-model lexicon --spillover-decay $1 --spillover-hops $2 2>&1 \
    | grep -E "index vs latent\(t\) . latent\(t.20\)|related issuers|latent\(t\) . latent\(t.20\)|daily values" | tr -s ' │' ' '
done
