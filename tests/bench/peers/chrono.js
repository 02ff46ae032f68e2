// chrono-node: dates only (its English parser, casual mode).
import * as chrono from "chrono-node";

export const name = "chrono-node";
export const kinds = "dates";
export function run(articles, reference) {
  let found = 0;
  const ref = new Date(reference);
  for (const a of articles) found += chrono.parse(a.text, ref).length;
  return found;
}
