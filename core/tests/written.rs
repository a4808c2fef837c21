//! Written key points with the real writing model, on the shared fixture and corpus statements.

use brief_core::embed::default_models_dir;
use brief_core::guard::SourceFacts;
use brief_core::written::{PointWriter, Progress};
use brief_core::{Document, Error, PointKind, Summarizer, Summary};
use std::cell::Cell;
use std::path::Path;

const FIXTURE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../tests/fixtures/statement-lt-it-defence-2024-07-02.txt"
);

struct Models {
    summarizer: Summarizer,
    writer: PointWriter,
}

impl Models {
    fn load() -> Models {
        let dir = default_models_dir();
        Models {
            summarizer: Summarizer::load(&dir).unwrap(),
            writer: PointWriter::load(&dir).unwrap(),
        }
    }

    fn write(
        &self,
        doc: &Document,
        points: usize,
        cancelled: &dyn Fn() -> bool,
        observe: &mut dyn FnMut(Progress),
    ) -> brief_core::Result<(Summary, Summary)> {
        let key = self
            .summarizer
            .summarize(doc, points, &mut |_, _, _| Ok(()))?;
        let embed = |texts: &[&str]| self.summarizer.embedder().embed(texts, &mut |_, _| Ok(()));
        let written = self.writer.write(&embed, doc, &key, cancelled, observe)?;
        Ok((key, written))
    }
}

#[test]
fn written_points_stream_in_order_are_shorter_and_point_at_their_sentences() {
    let models = Models::load();
    let doc = Document::open(Path::new(FIXTURE)).unwrap();
    let mut streamed = Vec::new();
    let (key, written) = models
        .write(&doc, 5, &|| false, &mut |progress| {
            if let Progress::Point { index, point } = progress {
                streamed.push((index, point.text.clone()));
            }
        })
        .unwrap();
    assert_eq!(written.kind, PointKind::Written);
    assert_eq!(written.key_points.len(), 5, "{:#?}", written.key_points);
    // Every point was shown as it came, numbered in order; a second try at a point that left
    // something out comes after the last one and replaces it in its place.
    let streamed_texts: Vec<&str> = streamed.iter().map(|(_, t)| t.as_str()).collect();
    let mut shown = 0;
    for (index, _) in &streamed {
        assert!(
            *index <= shown,
            "point {index} shown after {shown}: {streamed:#?}"
        );
        shown = shown.max(index + 1);
    }
    assert_eq!(shown, written.key_points.len());
    let facts = SourceFacts::new(&doc.text);
    let key_sentences: Vec<usize> = key
        .key_points
        .iter()
        .map(|k| k.evidence[0].sentence)
        .collect();
    for point in &written.key_points {
        // A written point keeps the names, numbers and dates of the key sentence it rewrites.
        if point.kind == PointKind::Written {
            let mut from = point
                .evidence
                .iter()
                .filter(|e| key_sentences.contains(&e.sentence))
                .peekable();
            let rewrites_one_whole = from.peek().is_none()
                || from.any(|e| {
                    facts
                        .left_out(doc.sentence(e.sentence), &point.text)
                        .is_empty()
                });
            assert!(rewrites_one_whole, "{point:#?} lost facts of its sentence");
        }
        match point.kind {
            PointKind::Written => assert!(streamed_texts.contains(&point.text.as_str())),
            // A key sentence the model left out is kept, verbatim.
            PointKind::Sentence => assert!(key.key_points.iter().any(|k| k.text == point.text)),
        }
        // Evidence highlights sentences of the original, as for key sentences.
        for evidence in &point.evidence {
            assert_eq!(
                &doc.text[evidence.start..evidence.end],
                doc.sentence(evidence.sentence)
            );
        }
        assert!(
            !point.evidence.is_empty() || !point.issues.is_empty(),
            "a point without evidence is flagged: {point:?}"
        );
    }
    let words = |s: &Summary| -> usize {
        s.key_points
            .iter()
            .map(|p| p.text.split_whitespace().count())
            .sum()
    };
    assert!(
        words(&written) < words(&key),
        "written points are shorter than the key sentences: {} vs {}",
        words(&written),
        words(&key)
    );
}

#[test]
fn cancelling_stops_the_writer_and_says_so() {
    let models = Models::load();
    let doc = Document::open(Path::new(FIXTURE)).unwrap();
    let points_seen = Cell::new(0);
    let result = models.write(&doc, 5, &|| points_seen.get() >= 1, &mut |progress| {
        if let Progress::Point { .. } = progress {
            points_seen.set(points_seen.get() + 1);
        }
    });
    assert!(matches!(result, Err(Error::Cancelled)), "{result:?}");
    assert_eq!(points_seen.get(), 1, "no point is written after the cancel");
}

/// Starting every prompt from the instructions read once only makes writing faster: the points
/// are byte for byte those written when every prompt is read whole, on the fixture and on six
/// statements of other kinds.
#[test]
fn instructions_read_once_write_the_same_points() {
    let mut models = Models::load();
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/corpus");
    let files = [
        Path::new(FIXTURE).to_path_buf(),
        corpus.join("jp-mofa-japan-us-telephone-talk-2022-01-06.txt"),
        corpus.join("eu-commission-state-aid-italy-photovoltaic-2024-08-08.txt"),
        corpus.join("us-wh-readout-biden-nato-indo-pacific-partners-2024-07-11.txt"),
        corpus.join("kr-mofa-humanitarian-assistance-ukraine-2022-02-28.txt"),
        corpus.join("us-wh-fact-sheet-strategic-bitcoin-reserve-2025-03-06.txt"),
        corpus.join("au-pm-press-conference-uranium-india-2011-11-15.txt"),
    ];
    let texts =
        |s: &Summary| -> Vec<String> { s.key_points.iter().map(|p| p.text.clone()).collect() };
    let mut written_by_model = 0;
    for file in &files {
        let doc = Document::open(file).unwrap();
        models.writer.set_reuse_instructions(false);
        let (_, plain) = models.write(&doc, 3, &|| false, &mut |_| {}).unwrap();
        models.writer.set_reuse_instructions(true);
        let (_, reused) = models.write(&doc, 3, &|| false, &mut |_| {}).unwrap();
        assert_eq!(texts(&reused), texts(&plain), "{}", file.display());
        written_by_model += plain
            .key_points
            .iter()
            .filter(|p| p.kind == PointKind::Written)
            .count();
    }
    // The comparison is over text the model wrote, not only sentences kept as they are.
    assert!(
        written_by_model >= 10,
        "{written_by_model} points in the model's words"
    );
}
