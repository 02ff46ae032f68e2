#!/usr/bin/env bash
# Runs every test: installs what is missing (bash .ci/setup.sh), then
#   1. the committed pkg/ must match the sources (else: bash .ci/build-pkg.sh)
#   2. the pure core stays free of wasm and DOM types; no innerHTML anywhere
#   3. clippy with warnings as errors (where the toolchain has it); native unit,
#      integration, CLI and gold tests (cargo test), gold figures printed
#   4. the wasm boundary and DOM rendering in headless Chrome and Firefox (wasm-pack test)
#   5. the reader page end to end in headless Chromium (playwright-core) and Firefox (geckodriver)
#   6. XSS vectors through every input path (tests/e2e/xss.spec.mjs)
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
cd "$here"
step() { printf '\n=== %s\n' "$*"; }

step "setup"
bash .ci/setup.sh
# shellcheck disable=SC1091
source .ci/.toolchain-env
export PATH="$here/tests/e2e/node_modules/.bin:$PATH"

step "pkg/ is built from these sources"
want=$(bash .ci/stamp.sh)
have=$(cat pkg/SOURCE_STAMP 2>/dev/null || echo none)
if [ "$want" != "$have" ]; then
  echo "pkg/ is stale: built from $have, sources are $want. Run: bash .ci/build-pkg.sh, then commit pkg/." >&2
  exit 1
fi
mkdir -p target
node .ci/standalone.mjs "$here/target/standalone-check.html" >/dev/null
if ! cmp -s target/standalone-check.html pkg/crossread-standalone.html; then
  echo "pkg/crossread-standalone.html is stale (www/ changed since it was built). Run: bash .ci/build-pkg.sh, then commit pkg/." >&2
  exit 1
fi
echo "ok ($want)"

step "boundaries"
if grep -rnE 'wasm_bindgen|web_sys|js_sys|JsValue|serde_wasm_bindgen' src --exclude-dir=web; then
  echo "wasm types outside src/web/: the core must stay pure" >&2; exit 1
fi
if grep -rnE 'innerHTML|outerHTML|insertAdjacentHTML|document\.write|inner_html' src www --include=*.rs --include=*.js --include=*.html; then
  echo "markup injection API used: article text must only become text nodes" >&2; exit 1
fi
echo ok

step "lints (cargo clippy, warnings are errors)"
if cargo clippy --version >/dev/null 2>&1; then
  cargo clippy --quiet --all-targets -- -D warnings
  echo ok
else
  echo "cargo clippy is not installed with this toolchain: lints skipped"
fi

step "native tests (cargo test)"
cargo test --quiet
step "gold scores"
cargo test --quiet --test gold -- --nocapture 2>&1 | grep -vE '^\s*$'
step "extraction spec cases (tests/spec)"
cargo test --quiet --test spec -- --nocapture 2>&1 | grep -E '\.spec:'
step "public extraction suites (conformance)"
cargo test --quiet --test conformance -- --nocapture 2>&1 | grep -E '^(Recognizers|MEANTIME|  |test result)'

step "browser tests: wasm-pack test --headless --chrome / --firefox"
wasm-pack test --headless --chrome --test web
wasm-pack test --headless --firefox --test web

step "end to end: reader page in headless Chromium, then Firefox"
cargo build --quiet --release --bin crossread
node tests/e2e/reader.spec.mjs "$here/target/release/crossread"
node tests/e2e/firefox.spec.mjs "$here/target/release/crossread"

step "hostile input: XSS vectors through every input path, in headless Chromium"
node tests/e2e/xss.spec.mjs "$here/target/release/crossread"
