#!/usr/bin/env bash
# Runs the reader: rebuilds pkg/ only if the sources changed since it was
# built (installing the wasm toolchain then), builds the CLI, and serves the
# page on 127.0.0.1, printing its address.
#   bash .ci/reader.sh [--port 8000]
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
cd "$here"
port=${PORT:-8000}
while [ $# -gt 0 ]; do
  case "$1" in
    --port) port=$2; shift 2 ;;
    --port=*) port=${1#--port=}; shift ;;
    *) echo "usage: bash .ci/reader.sh [--port N]" >&2; exit 2 ;;
  esac
done
bash .ci/build-pkg.sh
[ -f .ci/.toolchain-env ] && source .ci/.toolchain-env
cargo build --quiet --release --bin crossread
# The widget's CSS inline in its prerendered first view: the marks paint
# with the page, with no stylesheet to wait for (the demo page sets no CSP).
exec target/release/crossread serve --port "$port" --css inline
