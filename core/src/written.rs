//! Written key points: the writing model rewrites the key sentences as short points, the way a
//! reader would note them; each point is tied to the sentences that support it and checked by
//! the faithfulness guard.
//!
//! Why rewrite the key sentences rather than ask for a summary of the whole text: asked to
//! summarise a statement, this 1.5B model dropped names, figures and dates, covered fewer facts
//! than the first sentences, and read the whole text (about 9 s per 550 tokens on 2 cores)
//! before writing a word. The key sentences already carry the facts (docs/quality.md); the
//! model's job is to make them short and self-contained, which it does well, from a prompt that
//! stays the same size however long the document is.
//!
//! Shortening is where facts go, so the program, not the model, decides what must stay: the
//! prompt lists under each sentence its names, numbers and dates (`SourceFacts::left_out`). A
//! point that still drops one is shown as the sentence itself (kind `sentence`) at once, and
//! once every point is out the model is asked for it again on its own, naming what to keep; the
//! new point replaces the sentence if it keeps them all. A reader never gets a point that
//! silently lost a figure, a date or who acted.

use crate::document::Document;
use crate::embed::cosine;
use crate::error::{Error, Result};
use crate::extract::signals::can_be_point;
use crate::extract::{candidates, RankingConfig};
use crate::guard::{Check, Issue, SourceFacts};
use crate::summary::{ms, ms_since, Evidence, KeyPoint, PointKind, Summary, Timings};
use crate::words::{is_number_word, is_stop_word};
use brief_writer::points::PointParser;
use brief_writer::{Prompt, Stop, Writer};
use std::collections::{HashMap, HashSet};
use std::ops::ControlFlow;
use std::path::Path;
use std::time::Instant;

pub use brief_writer::{
    MODEL_DIR_NAME as WRITER_MODEL_DIR, MODEL_FILE as WRITER_MODEL_FILE,
    MODEL_NAME as WRITER_MODEL_NAME,
};

/// Tokens the model may spend per point; points are asked to stay under 30 words.
const TOKENS_PER_POINT: usize = 60;
/// At most this many sentences back one written point.
const MAX_EVIDENCE: usize = 3;
/// Below this alignment score no sentence supports the point.
const MIN_SUPPORT: f32 = 0.45;

const INSTRUCTIONS: &str = "You turn sentences from an official statement into short key points for a busy reader.
Rules:
- Write exactly one point per numbered sentence, in the same order, numbered the same way.
- Each point is one sentence of at most 25 words that says who did what.
- Each point must contain every item listed under \"Keep\" for its sentence, written the same way.
- Keep every name, number, amount, percentage and date exactly as written.
- Replace \"he\", \"she\", \"we\" or \"the minister\" with the person or country the statement names.
- Keep what is not done yet as not done: an invitation, call, plan, proposal, expectation or hope stays one (\"invited Italy to contribute\", \"plans to deploy\", \"expects\").
- Use only facts in the statement. Write nothing else.";

/// For a second try at one point that left a fact of its sentence out.
const REWRITE_INSTRUCTIONS: &str = "You turn a sentence from an official statement into one short key point for a busy reader: one sentence of at most 25 words that says who did what.
It must contain every item listed under \"Keep\", written the same way.
Keep what is not done yet as not done: an invitation, call, plan, proposal, expectation or hope stays one.
Use only facts in the sentence. Answer with \"1. \" and the point, nothing else.";

/// What the writer is doing, for progress displays.
pub enum Progress<'a> {
    /// Reading the prompt (the first point comes after this).
    Reading,
    /// Point `index` is written, aligned and checked. A point may come again at the same
    /// index: the model's second try replacing the sentence that stood in for it.
    Point { index: usize, point: &'a KeyPoint },
}

/// Unit-length sentence embeddings of the texts, in order (the key-sentence embedder's; the app
/// lends it per call so that it is never held for a whole written summary).
pub type Embed<'a> = &'a dyn Fn(&[&str]) -> Result<Vec<Vec<f32>>>;

/// The writing model, loaded once for many documents.
pub struct PointWriter {
    writer: Writer,
}

impl PointWriter {
    /// Loads the model and reads the instructions every document's prompt starts with (about 3
    /// seconds on 2 cores, paid here once instead of before each document's first point). The
    /// second-try instructions are kept after their first use.
    pub fn load(models_dir: &Path) -> Result<PointWriter> {
        let writer = Writer::load(&brief_writer::model_path(models_dir))?;
        writer.prepare(INSTRUCTIONS)?;
        Ok(PointWriter { writer })
    }

    /// How many tokens `text` is for the writing model.
    pub fn count_tokens(&self, text: &str) -> usize {
        self.writer.count_tokens(text)
    }

    /// Reuse of the instructions read once on (the default) or off: the same points, at
    /// different speeds (see `brief_writer::Writer::prepare`).
    pub fn set_reuse_instructions(&mut self, on: bool) {
        self.writer.set_reuse_instructions(on);
    }

    /// Rewrites the key sentences of `doc` (a summary of kind `Sentence`) as written points,
    /// reporting each as soon as it is checked. A key sentence the model leaves out is kept
    /// as it is, so nothing the key sentences covered is lost. `cancelled` is polled while
    /// the model reads and writes; when it turns true the result is [`Error::Cancelled`].
    pub fn write(
        &self,
        embed: Embed,
        doc: &Document,
        key_sentences: &Summary,
        cancelled: &dyn Fn() -> bool,
        observe: &mut dyn FnMut(Progress),
    ) -> Result<Summary> {
        let started = Instant::now();
        let keys: Vec<&KeyPoint> = key_sentences
            .key_points
            .iter()
            .filter(|point| !point.evidence.is_empty())
            .collect();
        let sources: Vec<usize> = keys
            .iter()
            .map(|point| point.evidence[0].sentence)
            .collect();
        let mut aligner = Aligner::new(embed, doc, &sources);
        let facts = SourceFacts::new(&doc.text);
        let rarity = SentenceCounts::of(doc);
        let keep_lists: Vec<KeepList> = sources
            .iter()
            .map(|&i| KeepList::new(&facts, &rarity, doc.point_text(i).into_owned()))
            .collect();
        // What each point must keep: listed in the prompt, named again in a second try.
        let keep: Vec<Vec<String>> = keep_lists.iter().map(|list| list.left_out("")).collect();
        let request = request(doc, &sources, &keep);
        let prompt = Prompt {
            system: INSTRUCTIONS,
            user: &request,
        };

        observe(Progress::Reading);
        let mut parser = PointParser::new(sources.len());
        let mut written: Vec<KeyPoint> = Vec::new();
        let mut failure = None;
        let mut embed_ms = 0.0;
        let mut first_point_ms = None;
        // Points parsed so far: the model was asked to write point k from key sentence k.
        let mut parsed = 0;
        // Points that left a fact of their sentence out: (place in `written`, key sentence).
        // The sentence stands in at once; the model tries again once the list is complete.
        let mut second_tries: Vec<(usize, usize)> = Vec::new();
        let mut take = |texts: Vec<String>, written: &mut Vec<KeyPoint>| -> Result<()> {
            for text in texts {
                let hint = parsed;
                parsed += 1;
                let aligned = Instant::now();
                let evidence = aligner.evidence(&text, sources.get(hint).copied())?;
                embed_ms += ms_since(aligned);
                let point = match written_from(&sources, hint, &evidence) {
                    Some(k) if !keep_lists[k].left_out(&text).is_empty() => {
                        // The sentence itself, once: two points may come from one sentence.
                        if written.iter().any(|p| p.text == keys[k].text) {
                            continue;
                        }
                        second_tries.push((written.len(), k));
                        keys[k].clone()
                    }
                    _ => written_point(&facts, doc, text, evidence),
                };
                written.push(point);
                let index = written.len() - 1;
                first_point_ms.get_or_insert_with(|| ms_since(started));
                observe(Progress::Point {
                    index,
                    point: &written[index],
                });
            }
            Ok(())
        };
        let generation = self.writer.generate(
            &prompt,
            TOKENS_PER_POINT * sources.len(),
            cancelled,
            &mut |piece| {
                if let Err(err) = take(parser.push(piece), &mut written) {
                    failure = Some(err);
                    return ControlFlow::Break(());
                }
                if parser.is_full() {
                    ControlFlow::Break(())
                } else {
                    ControlFlow::Continue(())
                }
            },
        )?;
        if let Some(err) = failure {
            return Err(err);
        }
        if generation.stop == Stop::Cancelled {
            return Err(Error::Cancelled);
        }
        take(parser.finish(), &mut written)?;

        let mut write_ms = ms(generation.prompt_time + generation.generate_time);
        for (index, k) in second_tries {
            let rewriting = Instant::now();
            let again = self.rewrite(doc, &keep_lists[k], &keep[k], cancelled)?;
            write_ms += ms_since(rewriting);
            if let Some(text) = again {
                let aligned = Instant::now();
                let evidence = aligner.evidence(&text, Some(sources[k]))?;
                embed_ms += ms_since(aligned);
                written[index] = written_point(&facts, doc, text, evidence);
                observe(Progress::Point {
                    index,
                    point: &written[index],
                });
            }
        }

        let key_points = with_uncovered_sentences(written, key_sentences);
        Ok(Summary {
            key_points,
            kind: PointKind::Written,
            auto_count: key_sentences.auto_count,
            model: WRITER_MODEL_NAME.to_string(),
            timings_ms: Timings {
                embed_ms,
                rank_ms: 0.0,
                write_ms,
                first_point_ms: first_point_ms.unwrap_or_default(),
                total_ms: ms_since(started),
            },
        })
    }

    /// Asks the model once more for one point from the key sentence of `list`, naming what it
    /// must `keep`; the point, or `None` when it still leaves something out.
    fn rewrite(
        &self,
        doc: &Document,
        list: &KeepList,
        keep: &[String],
        cancelled: &dyn Fn() -> bool,
    ) -> Result<Option<String>> {
        let source = &list.source;
        let request = format!(
            "{}\n\nSentence: {source}\nKeep: {}",
            heading(doc),
            keep.join("; ")
        );
        let prompt = Prompt {
            system: REWRITE_INSTRUCTIONS,
            user: &request,
        };
        let (points, generation) = self
            .writer
            .points(&prompt, 1, TOKENS_PER_POINT, cancelled)?;
        if generation.stop == Stop::Cancelled {
            return Err(Error::Cancelled);
        }
        Ok(points
            .into_iter()
            .next()
            .filter(|point| list.left_out(point).is_empty()))
    }
}

/// What a point written from one key sentence must keep: the sentence's names, numbers and
/// dates (`SourceFacts::left_out`), and its distinctive phrases: runs of two or more lower-case
/// content words, one of them found in at most two sentences of the document ("mid-range air
/// defence system", "consecutive rotations"). Rewording those loses what the sentence is
/// about, which names and numbers alone don't catch.
struct KeepList<'a> {
    facts: &'a SourceFacts,
    source: String,
    phrases: Vec<String>,
}

/// At most this many phrases per sentence: each one more is one more way to fail the check.
const MAX_PHRASES: usize = 2;

impl<'a> KeepList<'a> {
    fn new(facts: &'a SourceFacts, rarity: &SentenceCounts, source: String) -> KeepList<'a> {
        let phrases = distinctive_phrases(&source, rarity);
        KeepList {
            facts,
            source,
            phrases,
        }
    }

    /// What `point` leaves out; with an empty point, everything to keep.
    fn left_out(&self, point: &str) -> Vec<String> {
        let mut left = self.facts.left_out(&self.source, point);
        let lower = point.to_lowercase();
        left.extend(
            self.phrases
                .iter()
                .filter(|phrase| !lower.contains(&phrase.to_lowercase()))
                .cloned(),
        );
        left
    }
}

/// In how many sentences of a document each lower-case word occurs.
struct SentenceCounts(HashMap<String, usize>);

impl SentenceCounts {
    fn of(doc: &Document) -> SentenceCounts {
        let mut counts = HashMap::new();
        for i in 0..doc.sentences.len() {
            let words: HashSet<String> = doc
                .sentence(i)
                .split(|c: char| !(c.is_alphanumeric() || c == '-'))
                .map(str::to_lowercase)
                .collect();
            for word in words {
                *counts.entry(word).or_insert(0) += 1;
            }
        }
        SentenceCounts(counts)
    }

    fn get(&self, word: &str) -> usize {
        self.0.get(word).copied().unwrap_or(0)
    }
}

/// The sentence's distinctive phrases, rarest first (see [`KeepList`]).
fn distinctive_phrases(sentence: &str, rarity: &SentenceCounts) -> Vec<String> {
    let mut runs: Vec<Vec<&str>> = vec![Vec::new()];
    for token in sentence.split_whitespace() {
        let word = token.trim_matches(|c: char| !c.is_alphanumeric());
        let content = word.chars().count() >= 3
            && word.starts_with(|c: char| c.is_lowercase())
            && word.chars().all(|c| c.is_alphabetic() || c == '-')
            && !is_stop_word(word)
            && !is_number_word(word);
        // Punctuation before or after a word breaks its run: "defence, and" is not a phrase.
        if !content || !token.starts_with(word) {
            runs.push(Vec::new());
        }
        if content {
            runs.last_mut().expect("one run at least").push(word);
            if !token.ends_with(word) {
                runs.push(Vec::new());
            }
        }
    }
    let mut phrases: Vec<(usize, String)> = runs
        .into_iter()
        .filter(|run| run.len() >= 2)
        .filter_map(|run| {
            let rarest = run.iter().map(|w| rarity.get(&w.to_lowercase())).min()?;
            (rarest <= 2).then(|| (rarest, run.join(" ")))
        })
        .collect();
    phrases.sort_by_key(|(rarest, phrase)| (*rarest, std::cmp::Reverse(phrase.len())));
    phrases
        .into_iter()
        .take(MAX_PHRASES)
        .map(|(_, phrase)| phrase)
        .collect()
}

/// A point in the model's words, with what the guard found.
fn written_point(
    facts: &SourceFacts,
    doc: &Document,
    text: String,
    evidence: Vec<Evidence>,
) -> KeyPoint {
    let issues = check(facts, doc, &text, &evidence);
    KeyPoint {
        text,
        evidence,
        kind: PointKind::Written,
        issues,
    }
}

/// The request: what the statement is, then the numbered key sentences, each with the facts its
/// point must keep.
fn request(doc: &Document, sources: &[usize], keep: &[Vec<String>]) -> String {
    let mut request = heading(doc);
    // The opening names the speaker and the occasion, which later sentences call "he".
    let opening = (0..doc.sentences.len()).find(|&i| can_be_point(doc, i));
    if let Some(opening) = opening.filter(|o| sources.first().is_some_and(|first| first > o)) {
        request.push_str(&format!("\nIt opens: {}", doc.point_text(opening)));
    }
    request.push_str("\n\nSentences:\n");
    for (n, (&i, keep)) in sources.iter().zip(keep).enumerate() {
        request.push_str(&format!("{}. {}\n", n + 1, doc.point_text(i)));
        if !keep.is_empty() {
            request.push_str(&format!("   Keep: {}\n", keep.join("; ")));
        }
    }
    request
}

/// What the statement is: `Statement: <title> (<date>)`, as far as the document says.
fn heading(doc: &Document) -> String {
    let mut heading = String::from("Statement");
    if let Some(title) = &doc.title {
        heading.push_str(&format!(": {title}"));
    }
    if let Some(date) = &doc.date {
        heading.push_str(&format!(" ({date})"));
    }
    heading
}

/// Which key sentence (index into `sources`) a point was written from: the one the model was
/// asked to write as point `hint` when it supports the point, else the first key sentence among
/// the point's evidence (the model skipped or merged one), else none.
fn written_from(sources: &[usize], hint: usize, evidence: &[Evidence]) -> Option<usize> {
    let supports = |k: &usize| evidence.iter().any(|e| e.sentence == sources[*k]);
    Some(hint)
        .filter(|k| *k < sources.len() && supports(k))
        .or_else(|| (0..sources.len()).find(supports))
}

/// The guard's findings, plus a missing-evidence issue when no sentence supports the point.
fn check(facts: &SourceFacts, doc: &Document, text: &str, evidence: &[Evidence]) -> Vec<Issue> {
    if evidence.is_empty() {
        return vec![Issue {
            check: Check::Evidence,
            detail: "no sentence of the statement supports this point".into(),
        }];
    }
    let sentences: Vec<&str> = evidence.iter().map(|e| doc.sentence(e.sentence)).collect();
    facts.check(text, &sentences)
}

/// The written points, with each key sentence that no written point draws on added back
/// verbatim (in document order) while there is room.
fn with_uncovered_sentences(mut written: Vec<KeyPoint>, key_sentences: &Summary) -> Vec<KeyPoint> {
    let wanted = key_sentences.key_points.len();
    let used: HashSet<usize> = written
        .iter()
        .flat_map(|p| p.evidence.iter().map(|e| e.sentence))
        .collect();
    let uncovered = key_sentences.key_points.iter().filter(|point| {
        point
            .evidence
            .first()
            .is_some_and(|e| !used.contains(&e.sentence))
    });
    let room = wanted.saturating_sub(written.len());
    written.extend(uncovered.take(room).cloned());
    written.sort_by_key(|p| p.evidence.first().map_or(usize::MAX, |e| e.sentence));
    written
}

/// Finds the sentences that support a written point: meaning (embeddings) plus shared words,
/// among the sentences worth embedding and the neighbours of the sentence it was written from.
struct Aligner<'a> {
    embed: Embed<'a>,
    doc: &'a Document,
    pool: Vec<usize>,
    words: Vec<HashSet<String>>,
    embeddings: Option<Vec<Vec<f32>>>,
}

impl<'a> Aligner<'a> {
    fn new(embed: Embed<'a>, doc: &'a Document, sources: &[usize]) -> Aligner<'a> {
        let mut pool = candidates(doc, &RankingConfig::default());
        for &source in sources {
            let last = doc.sentences.len().saturating_sub(1);
            pool.extend(source.saturating_sub(2)..=(source + 2).min(last));
        }
        pool.sort_unstable();
        pool.dedup();
        let words = pool
            .iter()
            .map(|&i| content_words(doc.sentence(i)))
            .collect();
        Aligner {
            embed,
            doc,
            pool,
            words,
            embeddings: None,
        }
    }

    fn evidence(&mut self, point: &str, hint: Option<usize>) -> Result<Vec<Evidence>> {
        if self.embeddings.is_none() {
            let texts: Vec<&str> = self.pool.iter().map(|&i| self.doc.sentence(i)).collect();
            self.embeddings = Some((self.embed)(&texts)?);
        }
        let pool_embeddings = self.embeddings.as_ref().expect("embedded above");
        let point_embedding = (self.embed)(&[point])?.remove(0);
        let point_words = content_words(point);
        if point_words.is_empty() {
            return Ok(Vec::new());
        }
        let share = |words: &HashSet<String>, of: &HashSet<String>| {
            of.intersection(words).count() as f32 / of.len() as f32
        };
        let scores: Vec<f32> = (0..self.pool.len())
            .map(|k| {
                let meaning = cosine(&point_embedding, &pool_embeddings[k]);
                let shared = share(&self.words[k], &point_words);
                // The sentence it was written from wins a near tie.
                let written_from = if Some(self.pool[k]) == hint {
                    0.05
                } else {
                    0.0
                };
                0.5 * meaning + 0.5 * shared + written_from
            })
            .collect();
        let Some(best) = (0..self.pool.len()).max_by(|&a, &b| scores[a].total_cmp(&scores[b]))
        else {
            return Ok(Vec::new());
        };
        if scores[best] < MIN_SUPPORT {
            return Ok(Vec::new());
        }
        // More sentences join when they carry words of the point the chosen ones lack.
        let mut chosen = vec![best];
        let mut covered: HashSet<String> = point_words
            .intersection(&self.words[best])
            .cloned()
            .collect();
        let mut order: Vec<usize> = (0..self.pool.len()).collect();
        order.sort_by(|&a, &b| scores[b].total_cmp(&scores[a]));
        for k in order {
            if chosen.len() == MAX_EVIDENCE {
                break;
            }
            let new: HashSet<String> = point_words
                .intersection(&self.words[k])
                .filter(|w| !covered.contains(*w))
                .cloned()
                .collect();
            if !chosen.contains(&k)
                && new.len() as f32 / point_words.len() as f32 >= 0.2
                && cosine(&point_embedding, &pool_embeddings[k]) >= 0.4
            {
                covered.extend(new);
                chosen.push(k);
            }
        }
        let mut evidence: Vec<Evidence> = chosen
            .into_iter()
            .map(|k| {
                let sentence = self.pool[k];
                let span = self.doc.sentences[sentence].span;
                Evidence {
                    sentence,
                    start: span.start,
                    end: span.end,
                }
            })
            .collect();
        evidence.sort_by_key(|e| e.sentence);
        Ok(evidence)
    }
}

/// Lower-case word stems (first six letters) of the words that carry content.
fn content_words(text: &str) -> HashSet<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 3 || w.chars().any(|c| c.is_ascii_digit()))
        .map(str::to_lowercase)
        .filter(|w| !is_stop_word(w))
        .map(|w| w.chars().take(6).collect())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_point_keeps_the_phrases_that_say_what_its_sentence_is_about() {
        let doc = Document::from_bytes(
            "Italy decided to transfer one more mid-range air defence system to Ukraine. \
             Italy also takes part in the air policing of the Baltic states."
                .as_bytes(),
        )
        .unwrap();
        let facts = SourceFacts::new(&doc.text);
        let rarity = SentenceCounts::of(&doc);
        let list = KeepList::new(&facts, &rarity, doc.sentence(0).to_string());
        assert_eq!(list.phrases, ["mid-range air defence system"]);
        // "Italy" only starts the sentence: a point may name it otherwise (guard's rule).
        assert_eq!(
            list.left_out(""),
            ["Ukraine", "mid-range air defence system"]
        );
        assert!(list
            .left_out("Italy will send another mid-range air defence system to Ukraine.")
            .is_empty());
        assert_eq!(
            list.left_out("Italy will send more air defence to Ukraine."),
            ["mid-range air defence system"]
        );
    }

    #[test]
    fn phrases_stop_at_punctuation_names_and_function_words() {
        let doc = Document::from_bytes(
            b"The fund supports clean energy, rural roads and the Danube Region.",
        )
        .unwrap();
        let phrases = distinctive_phrases(doc.sentence(0), &SentenceCounts::of(&doc));
        assert_eq!(phrases, ["fund supports clean energy", "rural roads"]);
    }
}
