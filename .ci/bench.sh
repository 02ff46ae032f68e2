#!/usr/bin/env bash
# The benchmark command (not part of the test command; prints figures, asserts
# nothing): installs what is missing (bash .ci/setup.sh, then the peer
# libraries of tests/bench/package.json), builds the release CLI, then runs
# tests/bench/browser.mjs: crossread's wasm build beside compromise, chrono-node
# and Recognizers-Text in Node and headless Chromium, gzipped bytes, first
# highlight, the widget on 500 articles and the native CLI's throughput.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
cd "$here"
bash .ci/setup.sh
# shellcheck disable=SC1091
source .ci/.toolchain-env
if [ ! -x tests/bench/node_modules/.bin/esbuild ] || [ ! -d tests/bench/node_modules/compromise ]; then
  echo "[bench] npm ci in tests/bench (compromise, compromise-dates, chrono-node, Recognizers-Text, esbuild)" >&2
  (cd tests/bench && npm ci --no-audit --no-fund --silent)
fi
cargo build --quiet --release --bin crossread
exec node tests/bench/browser.mjs "$here/target/release/crossread"
