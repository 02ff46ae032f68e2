// Microsoft Recognizers-Text: numbers, percentages, currency and dates (English).
import { Culture, recognizeNumber, recognizePercentage, recognizeCurrency, recognizeDateTime } from "@microsoft/recognizers-text-suite";

export const name = "Recognizers-Text";
export const kinds = "numbers, dates";
export function run(articles, reference) {
  let found = 0;
  const ref = new Date(reference);
  for (const a of articles) {
    found += recognizeNumber(a.text, Culture.English).length + recognizePercentage(a.text, Culture.English).length
      + recognizeCurrency(a.text, Culture.English).length + recognizeDateTime(a.text, Culture.English, undefined, ref).length;
  }
  return found;
}
