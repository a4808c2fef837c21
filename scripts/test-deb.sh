#!/usr/bin/env bash
# Installs Brief's Debian package into a fresh, minimal Debian 12 system (debootstrap) and checks
# that it works there: every library resolves, `brief` summarises the sample on the command line,
# and the installed desktop app shows key points under Xvfb, driven through WebDriver.
# Builds the package first if target/release/bundle/deb has none. Needs root (chroot, mounts).
set -euo pipefail
cd "$(dirname "$0")/.."
started=$(date +%s)

version=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -n 1)
deb="target/release/bundle/deb/Brief_${version}_amd64.deb"
[ -f "$deb" ] || scripts/package-deb.sh
scripts/test-tools.sh
command -v debootstrap >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap

root="$PWD/target/deb-root"
unmount() {
  for m in tmp/.X11-unix dev/pts dev sys proc; do
    mountpoint -q "$root/$m" && umount -l "$root/$m"
  done
  return 0
}
trap unmount EXIT
unmount
rm -rf "$root"

# The same Debian mirror this machine's apt uses.
mirror=$(sed -n 's/^URIs: //p' /etc/apt/sources.list.d/debian.sources 2>/dev/null | head -n 1)
mirror=${mirror:-$(awk '/^deb /{print $2; exit}' /etc/apt/sources.list)}
echo "test-deb: creating a clean Debian 12 system in $root"
debootstrap --variant=minbase bookworm "$root" "$mirror" >/dev/null
cp /etc/resolv.conf "$root/etc/resolv.conf"
mount --bind /proc "$root/proc"
mount --bind /sys "$root/sys"
mount --bind /dev "$root/dev"
mount --bind /dev/pts "$root/dev/pts"
mkdir -p /tmp/.X11-unix "$root/tmp/.X11-unix"
mount --bind /tmp/.X11-unix "$root/tmp/.X11-unix"

echo "test-deb: installing $deb with apt (its declared dependencies only)"
cp "$deb" "$root/tmp/brief.deb"
chroot "$root" apt-get update -qq
chroot "$root" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends /tmp/brief.deb >/dev/null
missing=$(chroot "$root" sh -c 'ldd /usr/bin/brief-app /usr/bin/brief' | grep "not found" || true)
if [ -n "$missing" ]; then
  echo "test-deb: libraries not found in the installed system:"; echo "$missing"; exit 1
fi
grep -q '^MimeType=text/plain;' "$root/usr/share/applications/Brief.desktop"

echo "test-deb: the installed command line"
cp tests/fixtures/statement-lt-it-defence-2024-07-02.txt "$root/tmp/sample.txt"
chroot "$root" brief summarize -n 3 /tmp/sample.txt

echo "test-deb: the installed desktop app, through WebDriver"
chroot "$root" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends webkit2gtk-driver >/dev/null
cp "$(command -v tauri-driver || echo "$HOME/.cargo/bin/tauri-driver")" "$root/usr/local/bin/tauri-driver"
BRIEF_INSTALLED_ROOT="$root" cargo test -q -p brief-e2e --test installed -- --ignored

echo "test-deb: passed in $(( $(date +%s) - started )) s"
