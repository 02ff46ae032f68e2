// compromise + compromise-dates: numbers, dates and quotations, as a newsroom
// developer would call them.
import nlp from "compromise";
import dates from "compromise-dates";
nlp.plugin(dates);

export const name = "compromise + compromise-dates";
export const kinds = "numbers, dates, quotes";
export function run(articles, reference) {
  let found = 0;
  for (const a of articles) {
    const doc = nlp(a.text);
    found += doc.numbers().json().length + doc.dates({ today: reference }).json().length + doc.quotations().json().length;
  }
  return found;
}
