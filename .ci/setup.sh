#!/usr/bin/env bash
# Installs whatever is missing to build the wasm package and run every test.
# Idempotent: each step checks for its result first and skips itself if present.
#
#   bash .ci/setup.sh            # everything (wasm toolchain, browsers, npm tools)
#   bash .ci/setup.sh wasm       # only what building pkg/ needs
#
# On a machine with internet, `rustup target add wasm32-unknown-unknown` is the
# normal path. Where rustup cannot download the target (only package registries
# reachable), it falls back to Debian's rustc-web and builds the wasm32 standard
# library into its sysroot once.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
what=${1:-all}
log() { printf '[setup] %s\n' "$*" >&2; }
SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
apt_updated=""
apt_install() {
  local missing=()
  for p in "$@"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ -z "$apt_updated" ]; then $SUDO apt-get update -qq; apt_updated=1; fi
  log "apt-get install ${missing[*]}"
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
}

# --- 1. a Rust toolchain that can target wasm32 -------------------------------
# Writes .ci/.toolchain-env, sourced by the build scripts, so they use the same rustc.
envfile="$here/.ci/.toolchain-env"
wasm_std_ok() { [ -d "$("$1" --print sysroot)/lib/rustlib/wasm32-unknown-unknown/lib" ] && ls "$("$1" --print sysroot)/lib/rustlib/wasm32-unknown-unknown/lib/"libstd-*.rlib >/dev/null 2>&1; }
# CROSSREAD_DEBIAN_RUST=1 forces the fallback (to test it where rustup works).
if [ -z "${CROSSREAD_DEBIAN_RUST:-}" ] && command -v rustup >/dev/null && { rustup target list --installed 2>/dev/null | grep -q wasm32-unknown-unknown || timeout 60 rustup target add wasm32-unknown-unknown >/dev/null 2>&1; }; then
  log "rustup has wasm32-unknown-unknown"
  echo 'export PATH="$HOME/.cargo/bin:$PATH"' > "$envfile"
else
  log "rustup cannot provide wasm32; using Debian's rustc-web"
  apt_install rustc-web cargo-web rust-web-src lld-22
  if ! wasm_std_ok /usr/bin/rustc; then
    log "building the wasm32 standard library (about 30 s)"
    d=$(mktemp -d)
    ( export PATH=/usr/bin:$PATH
      cd "$d" && cargo new -q --lib stdbuild && cd stdbuild
      RUSTC_BOOTSTRAP=1 cargo build -q --release --target wasm32-unknown-unknown -Zbuild-std=std,panic_abort,test
      sysroot=$(rustc --print sysroot)
      $SUDO mkdir -p "$sysroot/lib/rustlib/wasm32-unknown-unknown/lib"
      $SUDO cp target/wasm32-unknown-unknown/release/deps/lib*.rlib "$sysroot/lib/rustlib/wasm32-unknown-unknown/lib/"
      $SUDO rm -f "$sysroot"/lib/rustlib/wasm32-unknown-unknown/lib/libstdbuild-*.rlib )
    rm -rf "$d"
  fi
  echo 'export PATH="/usr/bin:$PATH:$HOME/.cargo/bin"' > "$envfile"
fi
export PATH="$HOME/.cargo/bin:$PATH"

# --- 2. wasm-bindgen CLI (exactly the crate's version), wasm-pack, wasm-opt ----
bindgen_version=$(sed -n 's/^wasm-bindgen *= *"=\([0-9.]*\)".*/\1/p' "$here/Cargo.toml" | head -1)
if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$bindgen_version" ]; then
  log "cargo install wasm-bindgen-cli $bindgen_version (about 3 min)"
  cargo install -q --force wasm-bindgen-cli --version "$bindgen_version"
fi
command -v wasm-pack >/dev/null || { log "cargo install wasm-pack (about 2 min)"; cargo install -q wasm-pack; }
if [ ! -x "$here/tests/e2e/node_modules/.bin/wasm-opt" ] || [ ! -d "$here/tests/e2e/node_modules/playwright-core" ] || [ ! -d "$here/tests/e2e/node_modules/axe-core" ]; then
  log "npm ci in tests/e2e (binaryen for wasm-opt, playwright-core)"
  (cd "$here/tests/e2e" && npm ci --no-audit --no-fund --silent)
fi
[ "$what" = wasm ] && exit 0

# --- 3. browsers and their drivers ------------------------------------------------
apt_install chromium chromium-driver firefox-esr
command -v geckodriver >/dev/null || { log "cargo install geckodriver (about 2 min)"; cargo install -q geckodriver; }
log "done"
