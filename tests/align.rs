//! Alignment on short news passages: what is grouped, what is kept apart,
//! and the verdicts. General English, not the corpus.
#![cfg(not(target_arch = "wasm32"))]

use crossread::{analyze, Article, Report, Verdict};

fn report(texts: &[&str]) -> Report {
    let articles: Vec<Article> = texts.iter().enumerate().map(|(i, t)| Article::new(format!("a{i}"), *t)).collect();
    analyze(&articles).unwrap()
}

fn groups(r: &Report) -> Vec<(Verdict, String)> {
    r.groups.iter().map(|g| (g.verdict, g.explanation.clone())).collect()
}

#[test]
fn tolls_of_the_dead_and_injured_are_separate_facts() {
    let r = report(&[
        "Police said 12 people were killed and 40 were injured in the blast on Monday.",
        "At least 15 people died in the blast, and dozens were wounded, officials said.",
    ]);
    let g = groups(&r);
    assert!(g.contains(&(Verdict::Conflict, "12 in a0 · At least 15 in a1".into())), "{g:?}");
    assert!(g.contains(&(Verdict::Agree, "40 in a0 · dozens in a1".into())), "{g:?}");
}

#[test]
fn additions_totals_and_force_sizes_are_not_merged() {
    let r = report(&[
        "Kenya will send 600 more police officers, raising the total to 1,000. The 2,500-strong force is led by Kenya.",
        "An additional 600 officers will deploy, bringing the total to 1,000 in a multinational force of 2,500.",
    ]);
    let g = groups(&r);
    assert!(g.iter().all(|(v, _)| *v == Verdict::Agree), "{g:?}");
    assert!(g.contains(&(Verdict::Agree, "600 in a0, a1".into())), "{g:?}");
    assert!(g.contains(&(Verdict::Agree, "1,000 in a0, a1".into())), "{g:?}");
    assert!(g.contains(&(Verdict::Agree, "2,500-strong in a0 · 2,500 in a1".into())), "{g:?}");
}

#[test]
fn money_raised_fined_and_pledged() {
    let r = report(&[
        "The company was fined $2 million by regulators. Donors have pledged $300 million.",
        "Regulators fined the company $3 million. The US has pledged $300 million in support.",
    ]);
    let g = groups(&r);
    assert!(g.contains(&(Verdict::Conflict, "$2 million in a0 · $3 million in a1".into())), "{g:?}");
    assert!(g.contains(&(Verdict::Agree, "$300 million in a0, a1".into())), "{g:?}");
}

#[test]
fn history_is_not_the_story() {
    let mut a = Article::new("a0", "Five people were killed on Tuesday. The 2004 tsunami killed 170,000 people in the province.");
    a.published = Some("2013-07-02".into());
    let b = Article::new("a1", "At least 24 people were killed in the quake on Tuesday.");
    let r = analyze(&[a, b]).unwrap();
    let g = groups(&r);
    assert!(g.contains(&(Verdict::Conflict, "Five in a0 · At least 24 in a1".into())), "{g:?}");
    assert!(!g.iter().any(|(_, e)| e.contains("170,000")), "{g:?}");
}

#[test]
fn other_parties_figures_stay_apart() {
    let r = report(&[
        "Kenya plans to send 600 more police officers. Other nations have also pledged at least 1,900 additional troops.",
        "Kenya will send an additional 600 officers.",
    ]);
    let g = groups(&r);
    assert_eq!(g, [(Verdict::Agree, "600 in a0, a1".to_string())]);
}

#[test]
fn dates_compare_only_stated_fields_and_name_their_readings() {
    let mut a = Article::new("a", "The full deployment of 2,500 officers would be completed by January next year.");
    a.published = Some("2024-09-26".into());
    let mut b = Article::new("b", "Kenya is working towards a total of 2,500 officers by January 2024.");
    b.published = Some("2024-09-26".into());
    let c = Article::new("c", "Officers have been sent gradually since June to reach the target.");
    let r = analyze(&[a, b, c]).unwrap();
    let dates: Vec<&crossread::Group> = r.groups.iter().filter(|g| g.kind == crossread::Kind::Date).collect();
    assert_eq!(dates.len(), 1, "{:?}", groups(&r));
    assert_eq!(dates[0].verdict, Verdict::Conflict);
    assert_eq!(dates[0].explanation, "January next year (= 2025-01, counted from 2024-09-26) in a · January 2024 in b");
}

#[test]
fn ages_are_not_tolls() {
    let r = report(&[
        "A 16-year-old boy was killed by police on Saturday, and 23 people were injured in protests.",
        "Police killed the 17-year-old on Saturday; 25 people were injured.",
    ]);
    let g = groups(&r);
    assert!(!g.iter().any(|(_, e)| e.contains("16") || e.contains("17")), "{g:?}");
    assert!(g.contains(&(Verdict::Conflict, "23 in a0 · 25 in a1".into())), "{g:?}");
}

#[test]
fn passive_and_intransitive_verbs_speak_of_the_number_before_them() {
    let mut articles: Vec<Article> = [
        "The two women and a man were killed during demonstrations by tens of thousands who marched through Athens.",
        "Three people died as tens of thousands of protesters took to the streets.",
        "Some 2 million people died in the civil war, waged for all but a few years since 1955.",
    ]
    .iter()
    .enumerate()
    .map(|(i, t)| Article::new(format!("a{i}"), *t))
    .collect();
    for a in &mut articles {
        a.published = Some("2010-05-05".into());
    }
    let r = analyze(&articles).unwrap();
    let g = groups(&r);
    assert!(!g.iter().any(|(_, e)| e.contains("tens of thousands") || e.contains("2 million")), "{g:?}");
}

#[test]
fn a_stretch_of_unstated_length_contradicts_no_stated_one() {
    use crossread::mention::{Kind, Mention, Value};
    use crossread::text::Span;
    let date = |v: &str| Mention::new(Kind::Date, Span::new(0, 1), Value::Date(Some(v.to_string())), "test");
    let (some_years, two_years, three_years) = (date("PXY"), date("P2Y"), date("P3Y"));
    assert_eq!(crossread::align::verdict(&[&some_years, &two_years], &["for years", "two years"]), Verdict::Agree);
    assert_eq!(crossread::align::verdict(&[&some_years, &two_years, &three_years], &["for years", "two years", "three years"]), Verdict::Conflict);
}
