#!/usr/bin/env bash
# Builds the release wasm package into pkg/ (wasm-pack --target web, then
# wasm-opt -Oz) and records the source stamp in pkg/SOURCE_STAMP; then
# pkg/crossread-standalone.html, the reader as one file (.ci/standalone.mjs).
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
# --converge repeats -Oz until the module stops shrinking (about 1.5 KB gzipped more).
wasm-opt -Oz --converge --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
  --enable-mutable-globals --enable-reference-types --enable-multivalue \
  --strip-debug --strip-producers pkg/crossread_bg.wasm -o pkg/crossread_bg.wasm
rm -f pkg/.gitignore
echo "$stamp" > pkg/SOURCE_STAMP
gz=$(gzip -9c pkg/crossread_bg.wasm | wc -c)
echo "[build-pkg] pkg/crossread_bg.wasm: $(wc -c < pkg/crossread_bg.wasm) bytes, $gz gzipped; stamp $stamp"
node .ci/standalone.mjs
