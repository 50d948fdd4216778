#!/bin/sh
# Analyses a corpus one repository at a time: files, parse and analysis time, MP2001 alone, findings per rule; exits 1
# if any rule failed. Default: the copied corpus (tests/corpus/real); give the full one as the argument.
# Usage: benchmarks/corpus-timing.sh [corpus-folder]
set -eu
cd "$(dirname "$0")/.."
corpus="${1:-$PWD/tests/corpus/real}"
if ! log=$(dotnet build benchmarks/ManifestPolicy.Benchmarks -c Release -v quiet -nologo 2>&1); then echo "$log" >&2; exit 2; fi
exec benchmarks/ManifestPolicy.Benchmarks/bin/Release/net10.0/ManifestPolicy.Benchmarks --per-repository "$corpus"
