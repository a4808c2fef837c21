//! Brief's key sentences must cover more of the facts a reader needs than the first N
//! sentences do, on real public statements (tests/fixtures/corpus).

use brief_core::embed::default_models_dir;
use brief_core::quality::evaluate;
use brief_core::Summarizer;
use std::path::Path;

#[test]
fn key_sentences_cover_more_facts_than_the_first_sentences() {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/corpus");
    let summarizer = Summarizer::load(&default_models_dir()).unwrap();
    for n in [3, 5, 7] {
        let scores = evaluate(&summarizer, &corpus, n).unwrap();
        assert!(
            scores.len() >= 10,
            "the corpus has {} statements",
            scores.len()
        );
        let brief: usize = scores.iter().map(|s| s.brief).sum();
        let first: usize = scores.iter().map(|s| s.first_n).sum();
        assert!(
            brief > first,
            "at {n} points Brief covers {brief} facts, the first {n} sentences {first}"
        );
    }
}
