#!/usr/bin/env bash
# Measures the pipeline stage by stage on two corpora: a synthetic one (gen-corpus.py, N files, fixed seed) and the
# real manifests in the shared corpus. Usage: benchmarks/run.sh [N] [SHARED_DIR]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
n=${1:-10000}
shared=${2:-$here/../../shared}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
dotnet build -c Release "$here/ManifestPolicy.Benchmarks" -v q -nologo >/dev/null
bench="$here/ManifestPolicy.Benchmarks/bin/Release/net10.0/ManifestPolicy.Benchmarks"
if [ -x "$shared/tools/gen-corpus.py" ] || [ -f "$shared/tools/gen-corpus.py" ]; then
  python3 "$shared/tools/gen-corpus.py" "$out/synthetic" "$n" --seed 42 >/dev/null
  "$bench" "$out/synthetic"
fi
if [ -d "$shared/corpus/real" ]; then
  "$bench" "$shared/corpus/real"
fi
"$bench" "$here/../tests/corpus/real" --no-kubernetes-client 2>/dev/null || true
