//! The real Brief app in a real window, driven through WebDriver as a person would use it.
//! One harness (display, tauri-driver) for all scenarios; each scenario starts a fresh app.

use brief_e2e::{
    click, click_nth, fixture, search_history, show_points, texts, wait_for_all, wait_for_text,
    wait_for_written, Harness, ScratchFile,
};
use fantoccini::{Client, Locator};
use std::time::Duration;

const STATEMENT: &str = "statement-lt-it-defence-2024-07-02.txt";
const OTHER_STATEMENT: &str = "corpus/uk-mod-nato-defence-ministers-2022-03-17.txt";

type Scenario =
    fn(&Harness) -> std::pin::Pin<Box<dyn std::future::Future<Output = anyhow::Result<()>> + '_>>;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn desktop_app_end_to_end() {
    let harness = Harness::start().expect("display and tauri-driver start");
    let scenarios: [(&str, Scenario); 8] = [
        (
            "key points of a statement opened from the command line, with evidence and copy",
            |h| Box::pin(key_points_evidence_and_copy(h)),
        ),
        (
            "written key points stream in, point at their evidence, copy, and can be stopped and resumed",
            |h| Box::pin(written_points(h)),
        ),
        ("document text is shown literally, never run as HTML", |h| {
            Box::pin(markup_is_literal(h))
        }),
        (
            "a binary file gets an error and the open statement stays",
            |h| Box::pin(binary_file_keeps_open_document(h)),
        ),
        (
            "a Word document and a PDF open with key points from their text",
            |h| Box::pin(word_and_pdf(h)),
        ),
        (
            "two statements keep their own key points when switching",
            |h| Box::pin(switching_documents(h)),
        ),
        (
            "history: a reopened statement shows its stored summary; a vanished file opens from history",
            |h| Box::pin(history_reopen_search_and_vanished_file(h)),
        ),
        (
            "a missing model gets a clear message and the original stays readable",
            |h| Box::pin(missing_model(h)),
        ),
    ];
    let mut failures = Vec::new();
    for (name, scenario) in scenarios {
        match scenario(&harness).await {
            Ok(()) => println!("ok: {name}"),
            Err(err) => failures.push(format!("{name}: {err:#}")),
        }
    }
    drop(harness);
    assert!(
        failures.is_empty(),
        "failed scenarios:\n{}",
        failures.join("\n")
    );
}

/// Runs `steps` against a fresh app, closing it whatever happens. When it opens documents, the
/// points panel is set to show key sentences (the written points go on being written);
/// scenarios about written points switch to them, and those that open documents later set it
/// themselves.
async fn with_app<F, Fut>(harness: &Harness, args: &[String], steps: F) -> anyhow::Result<()>
where
    F: FnOnce(Client) -> Fut,
    Fut: std::future::Future<Output = anyhow::Result<Client>>,
{
    let client = harness.launch(args).await?;
    let session = client.clone();
    let shown = match args.is_empty() {
        true => Ok(()),
        false => show_points(&client, "sentences").await,
    };
    let result = match shown {
        Ok(()) => steps(client).await,
        Err(err) => Err(err),
    };
    let _ = session.close().await;
    result.map(|_| ())
}

async fn key_points_evidence_and_copy(harness: &Harness) -> anyhow::Result<()> {
    let display = harness.display().to_string();
    with_app(harness, &[fixture(STATEMENT)], |client| async move {
        let points = wait_for_all(&client, "[data-testid=key-point]", 5).await?;
        anyhow::ensure!(
            points.len() == 5,
            "expected 5 key points, got {}",
            points.len()
        );
        let point_texts = texts(&client, "[data-testid=point-text]").await?;
        let sentences = texts(&client, "[data-testid=sentence]").await?;
        for point in &point_texts {
            anyhow::ensure!(
                sentences.contains(point),
                "a key point that is not a sentence of the original: {point}"
            );
        }

        // Clicking a point highlights exactly its evidence in the original.
        points[2].click().await?;
        let evidence = points[2].attr("data-evidence").await?.unwrap_or_default();
        tokio::time::sleep(Duration::from_millis(300)).await;
        let highlighted = client
            .find_all(Locator::Css("[data-testid=sentence].highlight"))
            .await?;
        let mut indices = Vec::new();
        for sentence in &highlighted {
            indices.push(sentence.attr("data-sentence").await?.unwrap_or_default());
        }
        anyhow::ensure!(
            indices.join(",") == evidence,
            "highlighted {indices:?}, evidence {evidence}"
        );
        anyhow::ensure!(
            highlighted[0].text().await? == point_texts[2],
            "the highlighted sentence is the point's source"
        );

        // Copy all puts the points on the system clipboard, one per line.
        client
            .find(Locator::Css("[data-testid=copy-all]"))
            .await?
            .click()
            .await?;
        let toast = wait_for_text(&client, "[data-testid=toast]").await?;
        anyhow::ensure!(toast.contains("Copied"), "toast says: {toast}");
        let clipboard = std::process::Command::new("xclip")
            .args(["-o", "-selection", "clipboard"])
            .env("DISPLAY", &display)
            .output()?;
        let copied = String::from_utf8(clipboard.stdout)?;
        anyhow::ensure!(
            copied == point_texts.join("\n"),
            "clipboard holds:\n{copied}"
        );
        Ok(client)
    })
    .await
}

async fn written_points(harness: &Harness) -> anyhow::Result<()> {
    let display = harness.display().to_string();
    with_app(harness, &[fixture(STATEMENT)], |client| async move {
        // Stopped while it writes, the writer says so; asked again, it writes the points.
        show_points(&client, "written").await?;
        click(&client, "[data-testid=writing-cancel]").await?;
        let stopped = wait_for_text(&client, "[data-testid=writing-stopped]").await?;
        anyhow::ensure!(stopped.starts_with("Stopped"), "says: {stopped}");
        click(&client, "[data-testid=writing-restart]").await?;
        let written = wait_for_written(&client, 5).await?;
        let sentences = texts(&client, "[data-testid=sentence]").await?;
        let rewritten = written.iter().filter(|p| !sentences.contains(p)).count();
        anyhow::ensure!(
            written.len() == 5 && rewritten >= 3,
            "expected 5 points, mostly in the model's words: {written:?}"
        );

        // A written point highlights the sentences it is based on, as a key sentence does.
        click(&client, "[data-testid=key-point][data-index='1']").await?;
        let evidence = client
            .find(Locator::Css("[data-testid=key-point][data-index='1']"))
            .await?
            .attr("data-evidence")
            .await?
            .unwrap_or_default();
        anyhow::ensure!(!evidence.is_empty(), "point 2 has evidence");
        tokio::time::sleep(Duration::from_millis(300)).await;
        let mut highlighted = Vec::new();
        for sentence in client
            .find_all(Locator::Css("[data-testid=sentence].highlight"))
            .await?
        {
            highlighted.push(sentence.attr("data-sentence").await?.unwrap_or_default());
        }
        anyhow::ensure!(
            highlighted.join(",") == evidence,
            "highlighted {highlighted:?}, evidence {evidence}"
        );

        // Copy all copies what is shown: the written points, each flag with its point.
        client
            .find(Locator::Css("[data-testid=copy-all]"))
            .await?
            .click()
            .await?;
        wait_for_text(&client, "[data-testid=toast]").await?;
        let clipboard = std::process::Command::new("xclip")
            .args(["-o", "-selection", "clipboard"])
            .env("DISPLAY", &display)
            .output()?;
        let copied = String::from_utf8(clipboard.stdout)?;
        let flags = client
            .find_all(Locator::Css("[data-testid=point-flag]"))
            .await?
            .len();
        anyhow::ensure!(
            written.iter().all(|p| copied.contains(p.as_str()))
                && copied.matches("[Check: ").count() == flags,
            "clipboard holds:\n{copied}\nwith {flags} flagged points"
        );

        // The toggle shows the key sentences, which are sentences of the original.
        show_points(&client, "sentences").await?;
        let key = texts(&client, "[data-testid=point-text]").await?;
        anyhow::ensure!(key.iter().all(|p| sentences.contains(p)), "{key:?}");

        Ok(client)
    })
    .await
}

async fn markup_is_literal(harness: &Harness) -> anyhow::Result<()> {
    let markup = ScratchFile::new(
        "markup.txt",
        b"The ministry published the report <script>window.__brief_pwned = 1</script> on 4 May 2024.\n\
         The annex <img src=x onerror=\"window.__brief_pwned = 2\"> lists 12 projects worth EUR 40 million.\n\
         The minister signed the decision in Vilnius on 5 May 2024 after talks with the delegation.\n",
    )?;
    with_app(harness, &[markup.arg()], |client| async move {
        wait_for_all(&client, "[data-testid=key-point]", 1).await?;
        let original = client.find(Locator::Css("[data-testid=original]")).await?.text().await?;
        anyhow::ensure!(original.contains("<script>window.__brief_pwned = 1</script>"), "the script tag is shown as text");
        anyhow::ensure!(original.contains("<img src=x onerror="), "the img tag is shown as text");
        let elements = client
            .find_all(Locator::Css("[data-testid=original] img, [data-testid=original] script, [data-testid=key-points] img"))
            .await?;
        anyhow::ensure!(elements.is_empty(), "markup from the document became elements");
        let pwned = client.execute("return window.__brief_pwned === undefined;", vec![]).await?;
        anyhow::ensure!(pwned == serde_json::Value::Bool(true), "document script ran");
        Ok(client)
    })
    .await
}

async fn binary_file_keeps_open_document(harness: &Harness) -> anyhow::Result<()> {
    let binary = ScratchFile::new(
        "photo.txt",
        b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0\0\0\x01\0\x08\x06\0\0\0",
    )?;
    let args = [fixture(STATEMENT), binary.arg()];
    with_app(harness, &args, |client| async move {
        let message = wait_for_text(&client, "[data-testid=error-banner]").await?;
        anyhow::ensure!(
            message.contains("this is a PNG image, not a document"),
            "error banner says: {message}"
        );
        let tabs = client.find_all(Locator::Css("[data-testid=tab]")).await?;
        anyhow::ensure!(tabs.len() == 1, "one tab stays open, found {}", tabs.len());
        let path = tabs[0].attr("data-path").await?.unwrap_or_default();
        anyhow::ensure!(
            path.ends_with(STATEMENT),
            "the open tab is the statement: {path}"
        );
        wait_for_all(&client, "[data-testid=key-point]", 5).await?;
        Ok(client)
    })
    .await
}

async fn word_and_pdf(harness: &Harness) -> anyhow::Result<()> {
    let args = [
        fixture("formats/statement.docx"),
        fixture("formats/statement.pdf"),
    ];
    with_app(harness, &args, |client| async move {
        let tabs = wait_for_all(&client, "[data-testid=tab]", 2).await?;
        for tab in [&tabs[0], &tabs[1]] {
            tab.click().await?;
            tokio::time::sleep(Duration::from_millis(300)).await;
            wait_for_all(&client, "[data-testid=key-point]", 5).await?;
            let points = texts(&client, "[data-testid=point-text]").await?;
            let sentences = texts(&client, "[data-testid=sentence]").await?;
            anyhow::ensure!(
                points.iter().all(|p| sentences.contains(p)),
                "points are sentences of the extracted text: {points:?}"
            );
            anyhow::ensure!(
                sentences.iter().any(|s| s.contains("Leonardo")),
                "the text is read to the end"
            );
        }
        Ok(client)
    })
    .await
}

async fn switching_documents(harness: &Harness) -> anyhow::Result<()> {
    let args = [fixture(STATEMENT), fixture(OTHER_STATEMENT)];
    with_app(harness, &args, |client| async move {
        wait_for_all(&client, "[data-testid=tab]", 2).await?;
        wait_for_all(&client, "[data-testid=key-point]", 5).await?;
        let second = texts(&client, "[data-testid=point-text]").await?;
        anyhow::ensure!(
            second.iter().any(|p| p.contains("NATO")),
            "second statement's points: {second:?}"
        );
        click_nth(&client, "[data-testid=tab]", 0).await?;
        let first = wait_for_points_other_than(&client, &second).await?;
        anyhow::ensure!(
            first.iter().any(|p| p.contains("Italy")),
            "first statement's points: {first:?}"
        );
        click_nth(&client, "[data-testid=tab]", 1).await?;
        let back = wait_for_points_other_than(&client, &first).await?;
        anyhow::ensure!(back == second, "switching back shows the same points");
        Ok(client)
    })
    .await
}

/// Searches the history; returns the rows shown once a snippet shows the query.
async fn find_in_history(
    client: &Client,
    query: &str,
) -> anyhow::Result<Vec<fantoccini::elements::Element>> {
    search_history(client, query).await?;
    for _ in 0..50 {
        let snippets = texts(client, "[data-testid=history-snippet]").await?;
        if snippets.iter().any(|s| s.contains(query)) {
            return Ok(client
                .find_all(Locator::Css("[data-testid=history-entry]"))
                .await?);
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    anyhow::bail!("no history entry shows {query:?} in its snippet")
}

async fn history_reopen_search_and_vanished_file(harness: &Harness) -> anyhow::Result<()> {
    // A statement of its own, so that the search finds it alone.
    let mut text = std::fs::read(fixture(STATEMENT))?;
    text.extend_from_slice(b"\nThe Zanzibar liaison office opens in 2027.\n");
    let scratch = ScratchFile::new("remembered.txt", &text)?;

    // First open: the summary is computed (and stored).
    let first = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
    let kept = first.clone();
    with_app(harness, &[scratch.arg()], |client| async move {
        wait_for_all(&client, "[data-testid=key-point]", 5).await?;
        *kept.lock().unwrap() = texts(&client, "[data-testid=point-text]").await?;
        let stored = client
            .find_all(Locator::Css("[data-testid=summary-stored]"))
            .await?;
        anyhow::ensure!(stored.is_empty(), "a first summary is not from history");
        Ok(client)
    })
    .await?;
    let first = first.lock().unwrap().clone();

    // A new start: found by a word of its text, reopened with the stored summary.
    let expected = first.clone();
    with_app(harness, &[], |client| async move {
        let rows = find_in_history(&client, "Zanzibar").await?;
        anyhow::ensure!(rows.len() == 1, "one entry matches, found {}", rows.len());
        rows[0].click().await?;
        show_points(&client, "sentences").await?;
        let label = wait_for_text(&client, "[data-testid=summary-stored]").await?;
        anyhow::ensure!(label.contains("From history"), "label says: {label}");
        let points = texts(&client, "[data-testid=point-text]").await?;
        anyhow::ensure!(points == expected, "the stored points: {points:?}");
        Ok(client)
    })
    .await?;

    // The file vanishes: the history still opens its text, and says so.
    let path = scratch.arg();
    std::fs::remove_file(&path)?;
    with_app(harness, &[], |client| async move {
        let rows = find_in_history(&client, "Zanzibar").await?;
        rows[0].click().await?;
        show_points(&client, "sentences").await?;
        let notice = wait_for_text(&client, "[data-testid=document-notice]").await?;
        anyhow::ensure!(
            notice.contains("can't be read now") && notice.contains("copy of its text"),
            "notice says: {notice}"
        );
        let sentences = texts(&client, "[data-testid=sentence]").await?;
        anyhow::ensure!(
            sentences.iter().any(|s| s.contains("Zanzibar")),
            "the stored text is shown"
        );
        wait_for_all(&client, "[data-testid=key-point]", 5).await?;

        // Deleting the entry removes it from the history.
        search_history(&client, "Zanzibar").await?;
        let delete = client
            .wait()
            .for_element(Locator::Css("[data-testid=history-delete]"))
            .await?;
        delete.click().await?;
        wait_for_text(&client, "[data-testid=history-empty]").await?;
        Ok(client)
    })
    .await
}

async fn wait_for_points_other_than(
    client: &Client,
    previous: &[String],
) -> anyhow::Result<Vec<String>> {
    for _ in 0..100 {
        let now = texts(client, "[data-testid=point-text]").await?;
        if !now.is_empty() && now != previous {
            return Ok(now);
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    anyhow::bail!("the key points did not change after switching tabs")
}

/// Runs on a harness of its own, whose app environment has no models.
async fn missing_model(_shared: &Harness) -> anyhow::Result<()> {
    // The app finds its models through BRIEF_MODELS: point it at an empty folder.
    let empty = std::env::temp_dir().join(format!("brief-e2e-no-models-{}", std::process::id()));
    std::fs::create_dir_all(&empty)?;
    let models = empty.display().to_string();
    let harness = Harness::start_with_env(&[("BRIEF_MODELS", &models)])?;
    let result = with_app(&harness, &[fixture(STATEMENT)], |client| async move {
        let message = wait_for_text(&client, ".notice.failed .notice-text").await?;
        anyhow::ensure!(
            message.contains("model is missing") && message.contains("scripts/setup.sh"),
            "the points panel says: {message}"
        );
        let sentences = texts(&client, "[data-testid=sentence]").await?;
        anyhow::ensure!(sentences.len() > 10, "the original is still shown");
        Ok(client)
    })
    .await;
    drop(harness);
    let _ = std::fs::remove_dir_all(&empty);
    result
}
