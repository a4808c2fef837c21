// Written by `cargo run --release -p brief-core --example fit_ranking`; do not edit by hand.
//! The ranking's learned weights, fitted on the tuning half of the quality corpus.
//! tuning half: 27 documents; at 5 + 7 points 201 of 388 facts, each document ranked by weights fitted on the others; L2 penalty 10.

/// The weight of each signal by its name in `signals::NAMES`.
pub const WEIGHTS: &[(&str, f32)] = &[
    ("bias", -3.2710),
    ("centrality", -0.0794),
    ("lead", 1.3872),
    ("relative position", -0.2388),
    ("opens paragraph", -0.0222),
    ("opens section", -0.3592),
    ("lead in section", -1.0905),
    ("figures", 1.2249),
    ("amount", 1.0553),
    ("date", 0.5180),
    ("names", 0.4706),
    ("decision words", 0.2307),
    ("future or plan", 0.9815),
    ("attribution", 0.0546),
    ("quotation", -0.5841),
    ("list item", -0.1939),
    ("log words", 0.6576),
    ("over 50 words", -0.3018),
    ("courtesy", 0.2593),
    ("question", -0.2300),
    ("first person singular", -0.2936),
    ("lead in a long document", -0.6051),
    ("centrality in a long document", 0.2207),
    ("topic words", 0.0145),
    ("news words", 0.3421),
    ("amount size", 0.3179),
    ("a questioner speaking", -0.4902),
];
/// How much similarity to a chosen sentence costs.
pub const REDUNDANCY_WEIGHT: f32 = 0.5;
/// Whether major sections each get a point before any gets a second.
pub const COVER_SECTIONS: bool = true;
