// Shared by the browser tests: paths, the crossread server on loopback,
// the system Chromium, and a check runner that reports every failure.
import { chromium } from "playwright-core";
import { spawn } from "node:child_process";
import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import path from "node:path";

export const here = path.dirname(fileURLToPath(import.meta.url));
export const root = path.resolve(here, "../..");
export const out = path.join(here, "out");
mkdirSync(out, { recursive: true });
export const binary = process.argv[2] || path.join(root, "target/release/crossread");

/** Serves the project with `crossread serve` on a free port; extra response headers and options optional. */
export function serve(headers = [], options = []) {
  return new Promise((resolve, reject) => {
    const args = ["serve", "--port", "0", "--root", root, ...headers.flatMap((h) => ["--header", h]), ...options];
    const child = spawn(binary, args, { stdio: ["ignore", "pipe", "inherit"] });
    child.on("error", reject);
    child.stdout.on("data", (chunk) => {
      const match = /http:\/\/([^/\s]+)/.exec(String(chunk));
      if (match) resolve({ child, origin: `http://${match[1]}` });
    });
  });
}

/** Debian's Chromium, headless, with the flags this machine needs. */
export function launchChromium() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
  });
}

/** Runs named checks, keeps going after a failure, and sets the exit code. */
export function checker() {
  const results = [];
  const check = async (name, fn) => {
    try {
      await fn();
      results.push(`ok   ${name}`);
    } catch (error) {
      results.push(`FAIL ${name}: ${error.message.split("\n")[0]}`);
      process.exitCode = 1;
    }
  };
  return { check, results };
}
