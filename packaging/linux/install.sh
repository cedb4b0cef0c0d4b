#!/bin/sh
# Install or update Inspector from this folder: for the current user (default, into
# ~/.local), or for everyone with --system (into /usr/local; run as root).
#   ./install.sh [--system] [--prefix DIR]      install, or replace an installed build
#   ./install.sh --uninstall [--system]         remove the program (never the data)
# The data folder (~/.local/share/Inspector: database, photos, backups, logs) is never
# touched: a newer build installed over an older one finds it as it was and upgrades the
# database after taking a backup (packaging/README.md).
set -eu

here=$(cd "$(dirname "$0")" && pwd)
prefix="$HOME/.local"
action=install
while [ $# -gt 0 ]; do
  case "$1" in
    --system) prefix=/usr/local ;;
    --prefix) prefix="$2"; shift ;;
    --uninstall) action=uninstall ;;
    *) echo "install.sh: unknown option $1" >&2; exit 2 ;;
  esac
  shift
done

program="$prefix/lib/inspector"
bin="$prefix/bin"
share="$prefix/share"
sizes="16 24 32 48 64 128 256 512"

remove_program() {
  rm -f "$bin/inspector-app" "$bin/inspector" \
        "$share/applications/inspector-app.desktop" \
        "$share/metainfo/org.inspector.Inspector.metainfo.xml"
  for s in $sizes; do rm -f "$share/icons/hicolor/${s}x${s}/apps/inspector-app.png"; done
}

refresh_desktop() {
  command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q "$share/applications" 2>/dev/null || true
  command -v gtk-update-icon-cache >/dev/null 2>&1 && gtk-update-icon-cache -q -t "$share/icons/hicolor" 2>/dev/null || true
}

if [ "$action" = uninstall ]; then
  remove_program
  rm -rf "$program"
  refresh_desktop
  echo "Inspector removed from $prefix (the data folder is kept)."
  exit 0
fi

# Copy the new build beside the old one, then swap: an interrupted update leaves the old
# build working.
mkdir -p "$prefix/lib" "$bin" "$share/applications" "$share/metainfo"
rm -rf "$program.new"
cp -a "$here" "$program.new"
rm -rf "$program.old"
[ -e "$program" ] && mv "$program" "$program.old"
mv "$program.new" "$program"
rm -rf "$program.old"

remove_program
ln -s "$program/inspector-app" "$bin/inspector-app"
ln -s "$program/inspector" "$bin/inspector"
sed "s|^Exec=inspector-app|Exec=$bin/inspector-app|" "$here/share/applications/inspector-app.desktop" \
  > "$share/applications/inspector-app.desktop"
cp "$here/share/metainfo/org.inspector.Inspector.metainfo.xml" "$share/metainfo/"
for s in $sizes; do
  mkdir -p "$share/icons/hicolor/${s}x${s}/apps"
  cp "$here/share/icons/hicolor/${s}x${s}/apps/inspector-app.png" "$share/icons/hicolor/${s}x${s}/apps/"
done
refresh_desktop
echo "Inspector $("$program/inspector" --version | cut -d' ' -f2) installed in $program; run inspector-app (or inspector on the command line)."
