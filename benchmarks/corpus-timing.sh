#!/bin/sh
# Times analysis of the copied corpus (tests/corpus/real) and, when a folder is given or MANIFESTPOLICY_FULL_CORPUS
# is set, of a full corpus: per repository file count, parse and analyse time, and findings per rule.
# Usage: benchmarks/corpus-timing.sh [full-corpus-folder]
set -eu
cd "$(dirname "$0")/.."
full="${1:-${MANIFESTPOLICY_FULL_CORPUS:-$PWD/tests/corpus/real}}"
if ! log=$(dotnet build tests/ManifestPolicy.Tests -c Release -v quiet -nologo 2>&1); then echo "$log" >&2; exit 2; fi
MANIFESTPOLICY_FULL_CORPUS="$full" dotnet test tests/ManifestPolicy.Tests -c Release --no-build \
  --filter "FullyQualifiedName~FullCorpusTests" --logger "console;verbosity=detailed" \
  | sed -n 's/^ *\(.*: [0-9]* files.*\)$/\1/p'
