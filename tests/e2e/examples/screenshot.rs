//! Takes the screenshots in docs/: the real app under Xvfb with the sample statement open, its
//! written key points in and one point's evidence highlighted, in the light and the dark theme;
//! then the history panel searched, after a few statements in several formats were opened.
//!
//! cargo run -p brief-e2e --example screenshot   (after `cargo build -p brief-app`)

use brief_e2e::{
    fixture, repo_root, search_history, show_points, wait_for_all, wait_for_written, Harness,
};
use fantoccini::Locator;
use std::time::Duration;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    for (theme, file) in [
        ("Adwaita", "screenshot.png"),
        ("Adwaita:dark", "screenshot-dark.png"),
    ] {
        // GTK_THEME decides the window's colours and WebKit's prefers-color-scheme.
        let harness = Harness::start_with_env(&[("GTK_THEME", theme)])?;
        let client = harness
            .launch(&[fixture("statement-lt-it-defence-2024-07-02.txt")])
            .await?;
        show_points(&client, "written").await?;
        wait_for_written(&client, 5).await?;
        let points = client
            .find_all(Locator::Css("[data-testid=key-point]"))
            .await?;
        points[1].click().await?;
        tokio::time::sleep(Duration::from_millis(800)).await;
        let png = client.screenshot().await?;
        let path = repo_root().join("docs").join(file);
        std::fs::write(&path, png)?;
        println!("wrote {}", path.display());
        client.close().await?;
    }

    let harness = Harness::start_with_env(&[("GTK_THEME", "Adwaita")])?;
    let opened = [
        "corpus/uk-mod-nato-defence-ministers-2022-03-17.txt",
        "formats/statement.docx",
        "formats/statement.pdf",
        "formats/statement.html",
    ];
    let client = harness.launch(&opened.map(fixture)).await?;
    wait_for_all(&client, "[data-testid=tab]", opened.len()).await?;
    search_history(&client, "air defence").await?;
    wait_for_all(&client, "[data-testid=history-snippet]", 1).await?;
    tokio::time::sleep(Duration::from_millis(500)).await;
    let path = repo_root().join("docs/screenshot-history.png");
    std::fs::write(&path, client.screenshot().await?)?;
    println!("wrote {}", path.display());
    client.close().await?;
    Ok(())
}
