#!/usr/bin/env bash
# Prints the stamp of the sources the wasm package is built from: a SHA-256
# over the paths and contents of Cargo.toml, Cargo.lock, .cargo/config.toml
# (compiler flags), .ci/build-pkg.sh (wasm-opt's flags), .ci/patch-glue.mjs
# (the JS glue's patch) and src/.
set -euo pipefail
cd "$(dirname "$0")/.."
{ echo Cargo.toml; echo Cargo.lock; echo .cargo/config.toml; echo .ci/build-pkg.sh; echo .ci/patch-glue.mjs; find src -type f; } | LC_ALL=C sort | while read -r f; do
  printf '%s\n' "$f"; sha256sum < "$f"
done | sha256sum | cut -d' ' -f1
