#!/bin/bash
# Index vs latent credit with and without the LLM industry path, each with and without spill-over (issue 10).
# The LLM is the tiny GGUF the tests write (random weights): it measures the plumbing, not the quality of an LLM.
# Run from the repository root after `dotnet build src/StreamRisk.Cli -c Release`, or set STREAMRISK to the program.
# ISSUERS (default 200), YEARS (1), SEED (7), OUT (/tmp/llm-vs-latent) can be set in the environment.
set -e
SR=${STREAMRISK:-$PWD/src/StreamRisk.Cli/bin/Release/net10.0/linux-x64/streamrisk}
ISSUERS=${ISSUERS:-200}; YEARS=${YEARS:-1}; SEED=${SEED:-7}; OUT=${OUT:-/tmp/llm-vs-latent}
mkdir -p $OUT
gguf=$OUT/tiny-random.gguf
[ -f $gguf ] || nice -n 10 dotnet run -c Release --project bench/StreamRisk.Bench.Llm -- --write-tiny-gguf $gguf
m=$OUT/market
rm -rf $m
nice -n 10 $SR simulate --issuers $ISSUERS --years $YEARS --seed $SEED --related-share 0.3 --out $m -q
for model in builtin gguf; do
  if [ $model = gguf ]; then industry="--industry-model gguf:$gguf --llm-threads 2"; else industry="--industry-model builtin"; fi
  for spill in off on; do
    if [ $spill = off ]; then extra="--spillover-hops 0"; else extra=""; fi
    echo "== industry model $model, spill-over $spill; $(date -u +%FT%TZ), load $(cut -d' ' -f1-3 /proc/loadavg)"
    /usr/bin/time -f "wall %e s, max RSS %M kB" nice -n 10 $SR eval --sim $m --out $OUT/eval-$model-$spill --firm-model lexicon $industry $extra 2>&1 \
      | grep -E "index vs|related issuers|latent\(t|daily values|industry|fallback|pipeline:|wall" | tr -s ' │' ' '
  done
done
