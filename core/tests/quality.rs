//! Brief's key sentences on the quality corpus (tests/fixtures/corpus): they must carry at least
//! the share of facts recorded in docs/quality.md for the validation half (less a small margin),
//! beat the first sentences on every kind of document, and never be a heading, a stage
//! direction or a fragment.

use brief_core::document::SentenceKind;
use brief_core::embed::default_models_dir;
use brief_core::quality::{evaluate, Count, Half, LoadedCorpus, Totals, LONG_WORDS};
use brief_core::Summarizer;

/// The validation half at 7 points, as recorded in docs/quality.md (per cent of facts).
const RECORDED_VALIDATION_PERCENT: f64 = 60.6;
const RECORDED_LONG_PERCENT: f64 = 28.6;
/// How far a change may fall below the recorded figures before this test fails.
const MARGIN: f64 = 3.0;

#[test]
fn key_sentences_keep_their_recorded_share_of_the_facts() {
    let corpus = LoadedCorpus::load_default().unwrap();
    let summarizer = Summarizer::load(&default_models_dir()).unwrap();
    let scores = evaluate(&summarizer, &corpus, Count::Fixed(7)).unwrap();
    let validation: Vec<_> = scores
        .iter()
        .filter(|s| s.half == Half::Validation)
        .collect();
    assert!(
        validation.len() >= 20,
        "{} validation documents",
        validation.len()
    );

    let all = Totals::of(validation.iter().copied());
    assert!(
        all.brief_percent() >= RECORDED_VALIDATION_PERCENT - MARGIN,
        "validation half: {:.1} % of facts, recorded {RECORDED_VALIDATION_PERCENT} %",
        all.brief_percent()
    );
    let long = Totals::of(validation.iter().copied().filter(|s| s.words > LONG_WORDS));
    assert!(
        long.documents >= 5,
        "{} long validation documents",
        long.documents
    );
    assert!(
        long.brief_percent() >= RECORDED_LONG_PERCENT - MARGIN,
        "long documents: {:.1} % of facts, recorded {RECORDED_LONG_PERCENT} %",
        long.brief_percent()
    );
    let mut kinds: Vec<&str> = validation.iter().map(|s| s.kind.as_str()).collect();
    kinds.sort_unstable();
    kinds.dedup();
    assert_eq!(
        kinds.len(),
        7,
        "every kind of document is in the validation half"
    );
    for kind in kinds {
        let t = Totals::of(validation.iter().copied().filter(|s| s.kind == kind));
        assert!(
            t.brief >= t.first_n,
            "{kind}: Brief covers {} facts, the first 7 sentences {}",
            t.brief,
            t.first_n
        );
    }
}

#[test]
fn no_key_point_is_a_heading_an_aside_or_a_fragment() {
    let corpus = LoadedCorpus::load_default().unwrap();
    let summarizer = Summarizer::load(&default_models_dir()).unwrap();
    let mut points = 0;
    for (statement, doc) in corpus.statements.iter().zip(&corpus.documents) {
        let summary = summarizer
            .summarize(doc, 12, &mut |_, _, _| Ok(()))
            .unwrap();
        for point in &summary.key_points {
            points += 1;
            let sentence = point.evidence[0].sentence;
            let kind = doc.sentences[sentence].kind;
            assert!(
                matches!(
                    kind,
                    SentenceKind::Body | SentenceKind::ListItem | SentenceKind::Quotation
                ),
                "{}: a {kind:?} as a key point: {}",
                statement.file,
                point.text
            );
            assert!(
                point.text.split_whitespace().count() >= 6,
                "{}: a fragment as a key point: {}",
                statement.file,
                point.text
            );
            let lower = point.text.to_lowercase();
            for aside in [
                "(applause",
                "(laughter",
                "[applause",
                "[laughter",
                "(inaudible",
            ] {
                assert!(
                    !lower.contains(aside),
                    "{}: an aside in a key point: {}",
                    statement.file,
                    point.text
                );
            }
        }
    }
    assert!(points > 300, "{points} key points checked");
}
