//! The installed Debian package on a clean system: scripts/test-deb.sh installs the .deb into a
//! fresh Debian root and runs this with BRIEF_INSTALLED_ROOT set to it.

use brief_e2e::{fixture, texts, wait_for_all, Harness};
use std::path::{Path, PathBuf};

#[tokio::test]
#[ignore = "needs the package installed in a clean root: run scripts/test-deb.sh"]
async fn installed_app_shows_key_points() {
    let root = PathBuf::from(std::env::var("BRIEF_INSTALLED_ROOT").expect("BRIEF_INSTALLED_ROOT"));
    let harness = Harness::start_installed(&root).expect("display and tauri-driver in the root");
    let statement = Path::new("/tmp/statement.txt");
    std::fs::copy(
        fixture("statement-lt-it-defence-2024-07-02.txt"),
        harness.host_path(statement),
    )
    .unwrap();
    let client = harness
        .launch(&[statement.display().to_string()])
        .await
        .expect("the installed app starts");
    let points = wait_for_all(&client, "[data-testid=key-point]", 5).await;
    let texts = texts(&client, "[data-testid=point-text]").await;
    let _ = client.close().await;
    assert_eq!(points.expect("key points appear").len(), 5);
    let texts = texts.unwrap();
    assert!(
        texts.iter().any(|t| t.contains("Air Policing")),
        "{texts:?}"
    );
}
