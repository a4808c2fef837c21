//! A harness for driving the real Brief app: a virtual display (Xvfb) when there is none,
//! tauri-driver in front of WebKitWebDriver, and a fresh app session per scenario.
//! Everything it starts is stopped when the harness is dropped, even after a failure.

use anyhow::{bail, Context};
use fantoccini::{Client, ClientBuilder, Locator};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

pub struct Harness {
    display: String,
    driver_port: u16,
    /// The app's data folder, as the app sees it.
    data_home: PathBuf,
    /// Set when testing an installed package: the clean system (a chroot) it is installed in.
    root: Option<PathBuf>,
    children: Vec<Child>,
}

fn free_port() -> anyhow::Result<u16> {
    Ok(TcpListener::bind("127.0.0.1:0")?.local_addr()?.port())
}

fn wait_until(
    what: &str,
    timeout: Duration,
    mut ready: impl FnMut() -> bool,
) -> anyhow::Result<()> {
    let start = Instant::now();
    while !ready() {
        if start.elapsed() > timeout {
            bail!("timed out waiting for {what}");
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    Ok(())
}

pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

pub fn fixture(name: &str) -> String {
    repo_root()
        .join("tests/fixtures")
        .join(name)
        .display()
        .to_string()
}

impl Harness {
    pub fn start() -> anyhow::Result<Harness> {
        Harness::start_with_env(&[])
    }

    /// Like [`Harness::start`], with extra environment for the app (such as a GTK theme).
    pub fn start_with_env(env: &[(&str, &str)]) -> anyhow::Result<Harness> {
        Harness::start_in(None, env)
    }

    /// Drives the app installed in the clean system at `root` (entered with chroot, where
    /// tauri-driver and WebKitWebDriver are installed too). Its /tmp/.X11-unix must be the
    /// host's (a bind mount), as the display runs on the host.
    pub fn start_installed(root: &Path) -> anyhow::Result<Harness> {
        Harness::start_in(Some(root.to_path_buf()), &[])
    }

    fn start_in(root: Option<PathBuf>, env: &[(&str, &str)]) -> anyhow::Result<Harness> {
        let mut harness = Harness {
            display: std::env::var("DISPLAY").unwrap_or_default(),
            driver_port: free_port()?,
            data_home: std::env::temp_dir().join(format!("brief-e2e-{}", std::process::id())),
            root,
            children: Vec::new(),
        };
        let data_home = harness.host_path(&harness.data_home);
        let _ = std::fs::remove_dir_all(&data_home);
        std::fs::create_dir_all(&data_home)?;
        if harness.display.is_empty() {
            harness.start_xvfb()?;
        }
        let mut driver = match &harness.root {
            Some(root) => {
                let mut chroot = Command::new("chroot");
                chroot.arg(root).arg("/usr/local/bin/tauri-driver");
                chroot
            }
            None => Command::new(tauri_driver()?),
        };
        let driver = driver
            .args(["--port", &harness.driver_port.to_string()])
            .args(["--native-port", &free_port()?.to_string()])
            .env("DISPLAY", &harness.display)
            // The app keeps its recent list and settings here, apart from the person's own.
            .env("XDG_DATA_HOME", &harness.data_home)
            .env("XDG_CONFIG_HOME", &harness.data_home)
            .envs(env.iter().copied())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .context("starting tauri-driver")?;
        harness.children.push(driver);
        let port = harness.driver_port;
        wait_until("tauri-driver", Duration::from_secs(20), || {
            std::net::TcpStream::connect(("127.0.0.1", port)).is_ok()
        })?;
        Ok(harness)
    }

    fn start_xvfb(&mut self) -> anyhow::Result<()> {
        let number = (90..200)
            .find(|n| !Path::new(&format!("/tmp/.X{n}-lock")).exists())
            .context("no free X display number")?;
        let xvfb = Command::new("Xvfb")
            .args([
                &format!(":{number}"),
                "-screen",
                "0",
                "1280x800x24",
                "-nolisten",
                "tcp",
            ])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .context("starting Xvfb (scripts/system-packages.sh installs it)")?;
        self.children.push(xvfb);
        let socket = format!("/tmp/.X11-unix/X{number}");
        wait_until("Xvfb", Duration::from_secs(10), || {
            Path::new(&socket).exists()
        })?;
        self.display = format!(":{number}");
        Ok(())
    }

    pub fn display(&self) -> &str {
        &self.display
    }

    /// Where a path of the app's system is on the host.
    pub fn host_path(&self, path: &Path) -> PathBuf {
        match &self.root {
            Some(root) => root.join(path.strip_prefix("/").unwrap_or(path)),
            None => path.to_path_buf(),
        }
    }

    /// Starts the app with `args` (files to open, as "Open with" passes them) in a new session.
    pub async fn launch(&self, args: &[String]) -> anyhow::Result<Client> {
        let app = match self.root {
            Some(_) => PathBuf::from("/usr/bin/brief-app"),
            None => app_binary()?,
        };
        let capabilities = serde_json::json!({
            "tauri:options": { "application": app, "args": args },
        });
        let serde_json::Value::Object(capabilities) = capabilities else {
            unreachable!("a JSON object")
        };
        // tauri-driver sometimes drops the very first request while WebKitWebDriver starts
        // (seen as "webdriver server did not respond"); a session is asked for again then.
        let mut attempt = 1;
        loop {
            let session =
                ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
                    .capabilities(capabilities.clone())
                    .connect(&format!("http://127.0.0.1:{}", self.driver_port))
                    .await;
            match session {
                Ok(client) => return Ok(client),
                Err(_) if attempt < 3 => {
                    attempt += 1;
                    tokio::time::sleep(Duration::from_secs(2)).await;
                }
                Err(err) => return Err(err).context("starting a WebDriver session with the app"),
            }
        }
    }
}

impl Drop for Harness {
    fn drop(&mut self) {
        for child in self.children.iter_mut().rev() {
            let _ = child.kill();
            let _ = child.wait();
        }
        let _ = std::fs::remove_dir_all(self.host_path(&self.data_home));
    }
}

fn tauri_driver() -> anyhow::Result<PathBuf> {
    let on_path = std::env::var_os("PATH")
        .map(|paths| {
            std::env::split_paths(&paths)
                .map(|dir| dir.join("tauri-driver"))
                .collect::<Vec<_>>()
        })
        .unwrap_or_default();
    let cargo_bin =
        std::env::var_os("HOME").map(|home| Path::new(&home).join(".cargo/bin/tauri-driver"));
    on_path
        .into_iter()
        .chain(cargo_bin)
        .find(|candidate| candidate.is_file())
        .context("tauri-driver is not installed; run scripts/test-tools.sh")
}

fn app_binary() -> anyhow::Result<PathBuf> {
    let app = match std::env::var_os("BRIEF_APP") {
        Some(path) => PathBuf::from(path),
        None => repo_root().join("target/debug/brief-app"),
    };
    if !app.is_file() {
        bail!(
            "{} is missing; build it with `cargo build -p brief-app`",
            app.display()
        );
    }
    Ok(app)
}

/// A file written for one scenario, removed (with its folder) when dropped.
pub struct ScratchFile {
    dir: PathBuf,
    path: PathBuf,
}

impl ScratchFile {
    pub fn new(name: &str, contents: &[u8]) -> anyhow::Result<ScratchFile> {
        let dir = std::env::temp_dir().join(format!("brief-e2e-{}-{name}", std::process::id()));
        std::fs::create_dir_all(&dir)?;
        let path = dir.join(name);
        std::fs::write(&path, contents)?;
        Ok(ScratchFile { dir, path })
    }

    pub fn arg(&self) -> String {
        self.path.display().to_string()
    }
}

impl Drop for ScratchFile {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// Waits until `css` matches at least `count` elements and returns them all.
pub async fn wait_for_all(
    client: &Client,
    css: &str,
    count: usize,
) -> anyhow::Result<Vec<fantoccini::elements::Element>> {
    let start = Instant::now();
    loop {
        let found = client.find_all(Locator::Css(css)).await?;
        if found.len() >= count {
            return Ok(found);
        }
        if start.elapsed() > Duration::from_secs(60) {
            bail!("waited 60 s for {count} × {css}, found {}", found.len());
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

/// Waits until the element matching `css` shows some text (banners and toasts are always in the
/// page, empty until they have something to say) and returns it.
pub async fn wait_for_text(client: &Client, css: &str) -> anyhow::Result<String> {
    let start = Instant::now();
    loop {
        if let Ok(element) = client.find(Locator::Css(css)).await {
            let text = element.text().await?;
            if !text.trim().is_empty() {
                return Ok(text);
            }
        }
        if start.elapsed() > Duration::from_secs(60) {
            bail!("waited 60 s for text in {css}");
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

/// The text of every element matching `css`, in document order. Lists are rebuilt as results
/// arrive (written points, history rows), so an element can go stale between finding it and
/// reading it; then the list is read again.
pub async fn texts(client: &Client, css: &str) -> anyhow::Result<Vec<String>> {
    let mut attempts = 0;
    loop {
        let mut out = Vec::new();
        let mut stale = None;
        for element in client.find_all(Locator::Css(css)).await? {
            match element.text().await {
                Ok(text) => out.push(text),
                Err(err) => {
                    stale = Some(err);
                    break;
                }
            }
        }
        match stale {
            None => return Ok(out),
            Some(err) if attempts == 5 => return Err(err.into()),
            Some(_) => attempts += 1,
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

/// Opens the history panel with the toolbar button and types `query` into its emptied search
/// field.
pub async fn search_history(client: &Client, query: &str) -> anyhow::Result<()> {
    client
        .find(Locator::Css("[data-testid=history-button]"))
        .await?
        .click()
        .await?;
    let search = client
        .wait()
        .for_element(Locator::Css("[data-testid=history-search]"))
        .await?;
    search.clear().await?;
    search.send_keys(query).await?;
    Ok(())
}

/// Clicks the points panel's toggle: "sentences" or "written".
pub async fn show_points(client: &Client, view: &str) -> anyhow::Result<()> {
    click(client, &format!("[data-testid=points-view-{view}]")).await
}

/// Clicks the element matching `css` once it is there.
pub async fn click(client: &Client, css: &str) -> anyhow::Result<()> {
    click_nth(client, css, 0).await
}

/// Clicks the `n`th element matching `css` once it is there. The panels and tabs are rebuilt
/// as results arrive, so a click that meets an element just replaced is tried again on the new
/// one.
pub async fn click_nth(client: &Client, css: &str, n: usize) -> anyhow::Result<()> {
    let start = Instant::now();
    loop {
        let element = client
            .find_all(Locator::Css(css))
            .await
            .ok()
            .and_then(|found| found.into_iter().nth(n));
        let clicked = match element {
            Some(element) => element
                .click()
                .await
                .map(|_| ())
                .map_err(anyhow::Error::from),
            None => Err(anyhow::anyhow!("no element {n} matches")),
        };
        match clicked {
            Ok(()) => return Ok(()),
            Err(err) if start.elapsed() > Duration::from_secs(60) => {
                return Err(err.context(format!("clicking {css}")))
            }
            Err(_) => tokio::time::sleep(Duration::from_millis(200)).await,
        }
    }
}

/// The points once writing has finished: `count` of them, written by the model (except a key
/// sentence it left out, kept verbatim). The model takes 10–30 s on 2 cores.
pub async fn wait_for_written(client: &Client, count: usize) -> anyhow::Result<Vec<String>> {
    let start = Instant::now();
    loop {
        let found = |css: &'static str| {
            let client = client.clone();
            async move { client.find_all(Locator::Css(css)).await.map(|f| f.len()) }
        };
        let done = found("[data-testid=writing-progress]").await? == 0
            && found("[data-testid=writing-note]").await? == 0
            && found("[data-testid=key-point][data-kind=written]").await? > 0
            && found("[data-testid=key-point]").await? >= count;
        if done {
            return texts(client, "[data-testid=point-text]").await;
        }
        anyhow::ensure!(
            start.elapsed() < Duration::from_secs(180),
            "waited 180 s for {count} written points"
        );
        tokio::time::sleep(Duration::from_millis(300)).await;
    }
}
