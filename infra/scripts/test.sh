#!/usr/bin/env bash
# The README's test command (`make test`): prepares what the tests need, runs every test project, and prints one
# closing line "N passed, N failed, N skipped" summed over the TRX results. Exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)

# Tiny ONNX test models (random weights, real BERT vocabulary): generated, never committed.
if [ -f infra/models/make-test-models.sh ]; then
  bash infra/models/make-test-models.sh "$root/.models"
  export STREAMRISK_TEST_MODELS="$root/.models"
fi

# A real PostgreSQL for the store contract suite, when this machine can run one (root + apt). Tests that need it
# say so in their skip reason when it is absent; CI sets STREAMRISK_REQUIRE_POSTGRES=1 so they fail instead.
if [ -z "${STREAMRISK_TEST_POSTGRES:-}" ] && [ -f infra/scripts/start-postgres.sh ]; then
  if pg_env=$(bash infra/scripts/start-postgres.sh); then
    eval "$(printf '%s\n' "$pg_env" | grep '^export ')"
  else
    echo "PostgreSQL could not be started here; its tests will be skipped with that reason." >&2
  fi
fi

# Node.js and Chromium for the dashboard's script and browser tests, where this machine can install them (root + apt).
# Without them those tests are skipped with the reason; CI sets STREAMRISK_REQUIRE_NODE/BROWSER=1 so they fail instead.
bash infra/scripts/install-browser-test-tools.sh || true

# libtorch's OpenMP threads spin while they wait; on a busy machine an epoch then took 100x longer. They must be told
# before the process starts (the runtime cannot pass it to native code later).
export OMP_WAIT_POLICY="${OMP_WAIT_POLICY:-PASSIVE}"
# Some torch tests compare two trainings bit for bit (resume = uninterrupted, same seed = same weights). MKL by default
# picks its code path per CPU and may round otherwise with another memory alignment; STRICT makes its results depend on
# neither (CI, on another machine, once saw such comparisons fail that never failed here).
export MKL_CBWR="${MKL_CBWR:-AUTO,STRICT}"

results="$root/TestResults"
rm -rf "$results"
status=0
dotnet build StreamRisk.sln -c Release -nologo -v q || exit 1
dotnet test StreamRisk.sln -c Release --no-build --nologo -v q \
  --logger "trx" --logger "console;verbosity=minimal" --results-directory "$results" || status=$?

passed=0; failed=0; skipped=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  line=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
  get() { printf '%s' "$line" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*'; }
  passed=$((passed + $(get passed))); failed=$((failed + $(get failed)))
  # The VSTest TRX logger leaves notExecuted at 0 for skipped tests; they are the ones counted but not executed.
  skipped=$((skipped + $(get total) - $(get executed)))
done
# The delivery-guarantee tests' verdicts (lost / double-counted / redelivered counts), passing or not.
grep -ho '\(embedded crash test\|crash test\|postgres restart\|uninterrupted worker\): [^<]*' "$results"/*.trx 2>/dev/null | sort -u || true
if [ "$passed" -eq 0 ] && [ "$failed" -eq 0 ]; then
  echo "no test results were found in $results" >&2
  status=1
fi
# CI keeps only the log's tail: name each failed test (and the start of its message) right above the totals.
if [ "$failed" -gt 0 ]; then
  for trx in "$results"/*.trx; do
    grep -o '<UnitTestResult [^>]*outcome="Failed"[^>]*>' "$trx" | grep -o 'testName="[^"]*"' | sed 's/^testName="/FAILED: /; s/"$//' || true
    tr '\n' ' ' < "$trx" | grep -o '<Message>[^<]*</Message>' | sed 's/<\/\?Message>//g' | cut -c1-300 | sed 's/^/  message: /' || true
  done
fi
echo "$passed passed, $failed failed, $skipped skipped"
if [ "$failed" -gt 0 ]; then status=1; fi
exit "$status"
