#!/usr/bin/env bash
# Builds the release wasm package into pkg/ (wasm-pack --target web, then
# wasm-opt -Oz) and records the source stamp in pkg/SOURCE_STAMP; then
# pkg/crossread-standalone.html, the reader as one file (.ci/standalone.mjs,
# which builds the native CLI, if need be, to prerender its widget).
# Skips the wasm build when the stamp already matches, unless --force.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
cd "$here"
stamp=$(bash .ci/stamp.sh)
if [ "${1:-}" != "--force" ] && [ -f pkg/SOURCE_STAMP ] && [ "$(cat pkg/SOURCE_STAMP)" = "$stamp" ] && [ -f pkg/crossread_bg.wasm ]; then
  echo "[build-pkg] pkg/ wasm is up to date ($stamp)"
  node .ci/standalone.mjs
  exit 0
fi
bash .ci/setup.sh wasm
# shellcheck disable=SC1091
source .ci/.toolchain-env
export PATH="$here/tests/e2e/node_modules/.bin:$PATH"
wasm-pack build --release --target web --out-dir pkg --out-name crossread --no-pack
node .ci/patch-glue.mjs pkg/crossread.js
# --converge repeats -Oz until the module stops shrinking (about 1.5 KB gzipped more).
# -ocimfs 1000: functions called once are inlined only up to 1,000 bytes. By
# default wasm-opt folds every pipeline stage into one 93 KB function, which
# V8's optimizing tier takes about 250 ms to compile (the page runs the slow
# baseline code meanwhile); capped, the largest is 17 KB (about 75 ms), the
# module is 0.8 KB smaller gzipped and the steady state no slower.
# --low-memory-unused: Rust's wasm stack sits below its data and grows down
# from 1 MB, so the lowest 1 KB is never addressed unless the stack has
# already overflowed; wasm-opt may then fold constant offsets into loads and
# stores (0.7 KB smaller gzipped).
wasm-opt -Oz --converge -ocimfs 1000 --low-memory-unused --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
  --enable-mutable-globals --enable-reference-types --enable-multivalue \
  --strip-debug --strip-producers pkg/crossread_bg.wasm -o pkg/crossread_bg.wasm
rm -f pkg/.gitignore
echo "$stamp" > pkg/SOURCE_STAMP
gz=$(gzip -9c pkg/crossread_bg.wasm | wc -c)
echo "[build-pkg] pkg/crossread_bg.wasm: $(wc -c < pkg/crossread_bg.wasm) bytes, $gz gzipped; stamp $stamp"
node .ci/standalone.mjs
