//! The main text of a saved web page: the article, without menus, headers, footers, cookie
//! banners or scripts.

use crate::error::{Error, Result};
use ego_tree::iter::Edge;
use scraper::node::Element;
use scraper::{ElementRef, Html, Node, Selector};

pub(super) struct Page {
    pub text: String,
    pub title: Option<String>,
    /// `YYYY-MM-DD` from the page's publication metadata.
    pub date: Option<String>,
}

/// Elements whose content is never statement text.
const SKIPPED: &[&str] = &[
    "script", "style", "noscript", "template", "head", "nav", "aside", "form", "button", "select",
    "iframe", "svg", "canvas", "object", "menu", "dialog",
];

/// Page furniture, skipped when no article was found and the whole body is read. Inside an
/// article a header carries its title, so it is kept there.
const FURNITURE: &[&str] = &["header", "footer"];

/// ARIA roles of page furniture.
const FURNITURE_ROLES: &[&str] = &[
    "navigation",
    "banner",
    "contentinfo",
    "search",
    "complementary",
    "menu",
    "dialog",
];

/// Words in a class or id that mark boilerplate on government sites.
const BOILERPLATE: &[&str] = &[
    "cookie",
    "breadcrumb",
    "share",
    "social",
    "navbar",
    "menu",
    "sidebar",
    "related",
    "newsletter",
    "footer",
    "skip-link",
];

/// Elements that start and end a paragraph.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "main",
    "header",
    "footer",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "blockquote",
    "pre",
    "table",
    "tr",
    "figure",
    "figcaption",
    "hr",
    "address",
    "body",
];

/// Real pages nest a few dozen levels; the HTML parser's time grows with the square of the
/// depth, so a page nested deeper than this is refused rather than parsed for minutes.
const MAX_NESTING: usize = 1_000;

pub(super) fn main_text(source: &str) -> Result<Page> {
    if nesting_depth(source) > MAX_NESTING {
        return Err(Error::Damaged {
            format: "web page",
            reason: format!("its elements are nested more than {MAX_NESTING} levels deep"),
        });
    }
    let html = Html::parse_document(source);
    let (root, whole_body) = match main_element(&html) {
        Some(main) => (main, false),
        None => (body(&html), true),
    };
    Ok(Page {
        text: text_of(root, whole_body),
        title: page_title(&html),
        date: page_date(&html),
    })
}

/// Elements without an end tag, or whose end tag pages routinely leave out: they don't deepen
/// the nesting.
const UNNESTED: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr", "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "thead", "tbody",
    "tfoot", "colgroup", "rb", "rt", "rp", "html", "head", "body",
];

/// The deepest nesting of start tags, from a scan of the source without parsing it.
fn nesting_depth(source: &str) -> usize {
    let (mut depth, mut deepest) = (0usize, 0usize);
    for tag in source.split('<').skip(1) {
        let (closing, rest) = match tag.strip_prefix('/') {
            Some(rest) => (true, rest),
            None => (false, tag),
        };
        let name_len = rest
            .find(|c: char| !c.is_ascii_alphanumeric())
            .unwrap_or(rest.len());
        let name = rest[..name_len].to_ascii_lowercase();
        let self_closed = rest.split('>').next().is_some_and(|t| t.ends_with('/'));
        if name.is_empty() || UNNESTED.contains(&name.as_str()) || self_closed {
            continue;
        }
        if closing {
            depth = depth.saturating_sub(1);
        } else {
            depth += 1;
            deepest = deepest.max(depth);
        }
    }
    deepest
}

/// The largest `<article>`, `<main>` or `role="main"` element, if the page has one.
fn main_element(html: &Html) -> Option<ElementRef<'_>> {
    let selector = Selector::parse("article, main, [role=main]").expect("valid selector");
    html.select(&selector)
        .map(|element| (text_of(element, false).len(), element))
        .filter(|(len, _)| *len > 0)
        .max_by_key(|(len, _)| *len)
        .map(|(_, element)| element)
}

fn body(html: &Html) -> ElementRef<'_> {
    let selector = Selector::parse("body").expect("valid selector");
    html.select(&selector)
        .next()
        .unwrap_or_else(|| html.root_element())
}

/// The text under `root` with block elements as paragraph breaks. Iterative, so a page nested
/// a hundred thousand levels deep can't overflow the stack.
fn text_of(root: ElementRef<'_>, whole_body: bool) -> String {
    let mut out = String::new();
    // Depth inside a skipped element; 0 when reading.
    let mut skipping = 0usize;
    let mut preformatted = 0usize;
    for edge in root.traverse() {
        match edge {
            Edge::Open(node) => match node.value() {
                Node::Element(_) if skipping > 0 => skipping += 1,
                Node::Text(_) if skipping > 0 => {}
                Node::Text(text) if preformatted > 0 => out.push_str(text),
                Node::Text(text) => push_collapsed(&mut out, text),
                Node::Element(element) => {
                    if node.id() != root.id() && is_boilerplate(element, whole_body) {
                        skipping = 1;
                        continue;
                    }
                    match element.name() {
                        "br" => out.push('\n'),
                        "pre" => {
                            preformatted += 1;
                            out.push_str("\n\n");
                        }
                        "td" | "th" => out.push(' '),
                        // Markers tell brief-document's structure what the line is; they are
                        // not part of any sentence, so the original pane does not show them.
                        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => out.push_str("\n\n## "),
                        "li" => out.push_str("\n\n• "),
                        name if BLOCKS.contains(&name) => out.push_str("\n\n"),
                        _ => {}
                    }
                }
                _ => {}
            },
            Edge::Close(node) => match node.value() {
                Node::Element(_) if skipping > 0 => skipping -= 1,
                Node::Element(element) => {
                    if element.name() == "pre" {
                        preformatted = preformatted.saturating_sub(1);
                    }
                    if BLOCKS.contains(&element.name()) {
                        out.push_str("\n\n");
                    }
                }
                _ => {}
            },
        }
    }
    // A heading or list item with no text leaves its marker alone on a line.
    out.lines()
        .filter(|line| !matches!(line.trim(), "##" | "•"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// HTML white space (line breaks in the source included) is one space.
fn push_collapsed(out: &mut String, text: &str) {
    let mut words = text.split_whitespace();
    if text.starts_with(char::is_whitespace) {
        out.push(' ');
    }
    if let Some(first) = words.next() {
        out.push_str(first);
        for word in words {
            out.push(' ');
            out.push_str(word);
        }
        if text.ends_with(char::is_whitespace) {
            out.push(' ');
        }
    }
}

fn is_boilerplate(element: &Element, whole_body: bool) -> bool {
    let name = element.name();
    if SKIPPED.contains(&name) || (whole_body && FURNITURE.contains(&name)) {
        return true;
    }
    if element
        .attr("role")
        .is_some_and(|role| FURNITURE_ROLES.contains(&role.trim()))
    {
        return true;
    }
    if element.attr("hidden").is_some() || element.attr("aria-hidden") == Some("true") {
        return true;
    }
    let marked = |value: &str| {
        let value = value.to_ascii_lowercase();
        BOILERPLATE.iter().any(|word| value.contains(word))
    };
    element.id().is_some_and(marked) || element.classes().any(marked)
}

/// The `<title>`, without the site name that usually follows a separator.
fn page_title(html: &Html) -> Option<String> {
    let selector = Selector::parse("title").expect("valid selector");
    let title = html.select(&selector).next()?.text().collect::<String>();
    let title = title.split_whitespace().collect::<Vec<_>>().join(" ");
    let title = [" | ", " – ", " — ", " - "]
        .iter()
        .find_map(|sep| title.split_once(sep).map(|(page, _)| page.to_string()))
        .unwrap_or(title);
    (!title.is_empty()).then_some(title)
}

/// The publication date from Open Graph metadata or the first `<time datetime>`.
fn page_date(html: &Html) -> Option<String> {
    let selector =
        Selector::parse(r#"meta[property="article:published_time"], time[datetime]"#).ok()?;
    html.select(&selector).find_map(|element| {
        let value = element
            .value()
            .attr("content")
            .or(element.value().attr("datetime"))?;
        let date = value.get(..10)?;
        let well_formed = date.char_indices().all(|(i, c)| match i {
            4 | 7 => c == '-',
            _ => c.is_ascii_digit(),
        });
        well_formed.then(|| date.to_string())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<!DOCTYPE html>
<html><head><title>Minister meets Italian counterpart | Ministry of National Defence</title>
<script>var tracking = "Never shown.";</script><style>p { color: red }</style></head>
<body>
<header><a href="/">Home</a> <nav><ul><li><a href="/news">News</a></li><li>Contacts</li></ul></nav></header>
<div class="cookie-banner">We use cookies. Accept all?</div>
<div class="breadcrumbs">Home / News / 2024</div>
<main>
  <article>
    <header><h1>Minister meets Italian counterpart</h1>
      <time datetime="2024-07-02T10:00:00+03:00">2 July 2024</time></header>
    <p>The minister met his Italian
       counterpart in Vilnius.</p>
    <p>They discussed <b>air defence</b> and the 4,000 troops.<br>A new line.</p>
    <ul><li>First item.</li><li>Second item.</li></ul>
    <div class="share-buttons">Share on X</div>
  </article>
  <aside>Related news: other things.</aside>
</main>
<footer>© Ministry. All rights reserved.</footer>
</body></html>"#;

    #[test]
    fn keeps_the_article_and_drops_the_furniture() {
        let page = main_text(PAGE).unwrap();
        let text = crate::decode::normalise(&page.text);
        assert_eq!(
            text,
            "## Minister meets Italian counterpart\n\n2 July 2024\n\nThe minister met his Italian counterpart in Vilnius.\n\nThey discussed air defence and the 4,000 troops.\nA new line.\n\n• First item.\n\n• Second item."
        );
        // The markers say what each line is; the sentences leave them out.
        let doc = crate::Document::parse(PAGE.as_bytes(), None).unwrap();
        assert_eq!(
            doc.title.as_deref(),
            Some("Minister meets Italian counterpart")
        );
        let items: Vec<&str> = (0..doc.sentences.len())
            .filter(|&i| doc.kind(i) == crate::SentenceKind::ListItem)
            .map(|i| doc.sentence(i))
            .collect();
        assert_eq!(items, ["First item.", "Second item."]);
        assert_eq!(
            page.title.as_deref(),
            Some("Minister meets Italian counterpart")
        );
        assert_eq!(page.date.as_deref(), Some("2024-07-02"));
    }

    #[test]
    fn a_page_without_an_article_is_read_without_its_header_and_footer() {
        let page = main_text(
            "<html><body><header>Site name</header><p>Only text here.</p><footer>Legal</footer></body></html>",
        )
        .unwrap();
        assert_eq!(crate::decode::normalise(&page.text), "Only text here.");
    }

    #[test]
    fn deep_nesting_is_read_up_to_a_bound_and_refused_beyond() {
        let nested = |depth: usize| {
            format!(
                "{}<p>Deep text.</p>{}",
                "<div>".repeat(depth),
                "</div>".repeat(depth)
            )
        };
        let page = main_text(&nested(MAX_NESTING)).unwrap();
        assert!(crate::decode::normalise(&page.text).contains("Deep text."));
        let err = main_text(&nested(100_000)).err().unwrap();
        assert!(err.to_string().contains("nested more than"), "{err}");
        // Paragraphs and list items that are never closed are ordinary, not deep.
        let sloppy = "<div><p>One.<p>Two.<ul><li>A<li>B</ul></div>".repeat(5_000);
        assert!(main_text(&sloppy).is_ok());
    }
}
