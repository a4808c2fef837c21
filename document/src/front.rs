//! Front matter of a statement: a leading ` date YYYY-MM-DD` and a heading line.

/// What precedes the body of a statement, and where the body starts.
pub struct FrontMatter<'a> {
    pub date: Option<String>,
    pub title: Option<String>,
    pub body: &'a str,
}

/// Splits the date marker and the heading off normalised text. The date marker comes either on
/// a line of its own or directly followed by the text on the same line.
pub fn split_front_matter(text: &str) -> FrontMatter<'_> {
    let (mut date, rest) = match leading_date(text) {
        Some((date, rest)) => (Some(date), rest.trim_start()),
        None => (None, text),
    };
    let (title, mut body) = match rest.split_once('\n') {
        Some((first, after)) if is_heading(first) && !after.trim().is_empty() => (
            Some(first.trim_start_matches('#').trim().to_string()),
            after.trim_start(),
        ),
        _ => (None, rest),
    };
    // A dateline under the title ("2 July 2024") is the statement's date, not its text.
    if let Some((line, after)) = body.split_once('\n') {
        if let Some(found) = dateline(line).filter(|_| !after.trim().is_empty()) {
            date.get_or_insert(found);
            body = after.trim_start();
        }
    }
    FrontMatter { date, title, body }
}

/// The month names in order, lower-case: for datelines here, in `structure`, and in the
/// ranking's date signal.
pub const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// A line that is only a date: `2024-07-02`, `2 July 2024` or `July 2, 2024`, as
/// `YYYY-MM-DD`.
fn dateline(line: &str) -> Option<String> {
    let words: Vec<String> = line
        .split_whitespace()
        .map(|w| w.trim_end_matches([',', '.']).to_lowercase())
        .collect();
    let month = |word: &str| MONTHS.iter().position(|m| *m == word).map(|i| i as u32 + 1);
    let number = |word: &str| word.parse::<u32>().ok();
    let (year, month, day) = match words.as_slice() {
        [iso] => {
            let parts: Vec<&str> = iso.split('-').collect();
            match parts.as_slice() {
                [y, m, d] if y.len() == 4 && m.len() == 2 && d.len() == 2 => {
                    (number(y)?, number(m)?, number(d)?)
                }
                _ => return None,
            }
        }
        [d, m, y] if month(m).is_some() => (number(y)?, month(m)?, number(d)?),
        [m, d, y] if month(m).is_some() => (number(y)?, month(m)?, number(d)?),
        _ => return None,
    };
    ((1000..=9999).contains(&year) && (1..=12).contains(&month) && (1..=31).contains(&day))
        .then(|| format!("{year:04}-{month:02}-{day:02}"))
}

fn leading_date(text: &str) -> Option<(String, &str)> {
    let head = text.get(..5)?;
    if !head.eq_ignore_ascii_case("date ") {
        return None;
    }
    let candidate = text.get(5..15)?;
    let ok = candidate.char_indices().all(|(i, c)| match i {
        4 | 7 => c == '-',
        _ => c.is_ascii_digit(),
    });
    let month: u32 = candidate.get(5..7)?.parse().ok()?;
    let day: u32 = candidate.get(8..10)?.parse().ok()?;
    let rest = &text[15..];
    let separated = rest.is_empty() || rest.starts_with([' ', '\n']);
    (ok && (1..=12).contains(&month) && (1..=31).contains(&day) && separated)
        .then(|| (candidate.to_string(), rest))
}

/// A heading is a Markdown `#` line, or a short line that does not read as a sentence.
fn is_heading(line: &str) -> bool {
    let line = line.trim();
    if line.starts_with('#') {
        return true;
    }
    let words = line.split_whitespace().count();
    // "$1 million for Afghanistan", "“Safe and sound”: …" start well too.
    let starts_well = line.chars().next().is_some_and(|c| {
        c.is_uppercase() || c.is_ascii_digit() || matches!(c, '“' | '"' | '‘' | '$' | '€' | '£')
    });
    let ends_like_sentence = line.ends_with(['.', '!', '?', ':', ';', ',', '”', '"', '…']);
    starts_well && (1..=20).contains(&words) && line.len() <= 200 && !ends_like_sentence
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_followed_by_text_on_the_same_line() {
        let front =
            split_front_matter("date 2024-07-02 “Lithuania’s priorities remain unchanged.”");
        assert_eq!(front.date.as_deref(), Some("2024-07-02"));
        assert_eq!(front.title, None);
        assert_eq!(front.body, "“Lithuania’s priorities remain unchanged.”");
    }

    #[test]
    fn date_on_its_own_line_then_a_heading() {
        let front = split_front_matter(
            "date 2023-11-05\nMinisters agree new energy package\nThe ministers agreed today.",
        );
        assert_eq!(front.date.as_deref(), Some("2023-11-05"));
        assert_eq!(
            front.title.as_deref(),
            Some("Ministers agree new energy package")
        );
        assert_eq!(front.body, "The ministers agreed today.");
    }

    #[test]
    fn a_dateline_under_the_title_is_the_date() {
        for (line, date) in [
            ("2024-07-02", "2024-07-02"),
            ("2 July 2024", "2024-07-02"),
            ("July 2, 2024", "2024-07-02"),
        ] {
            let text = format!("Ministers meet in Vilnius\n\n{line}\n\nThe ministers met today.");
            let front = split_front_matter(&text);
            assert_eq!(front.title.as_deref(), Some("Ministers meet in Vilnius"));
            assert_eq!(front.date.as_deref(), Some(date), "{line}");
            assert_eq!(front.body, "The ministers met today.");
        }
        // A sentence that mentions a date stays text.
        let front = split_front_matter("Talks\n\nOn 2 July 2024 they met.\nMore.");
        assert_eq!(front.date, None);
        assert_eq!(front.body, "On 2 July 2024 they met.\nMore.");
    }

    #[test]
    fn markdown_heading_is_a_title() {
        let front = split_front_matter("# Joint statement\n\nThe two governments agree.");
        assert_eq!(front.title.as_deref(), Some("Joint statement"));
        assert_eq!(front.body, "The two governments agree.");
    }

    #[test]
    fn no_front_matter() {
        for text in [
            "The minister said the talks went well. More will follow.",
            "date of the meeting is unknown. It was postponed.",
            "date 2024-13-40 is not a date.",
            "Only one short line",
        ] {
            let front = split_front_matter(text);
            assert_eq!((front.date, front.title, front.body), (None, None, text));
        }
    }
}
