#!/usr/bin/env bash
# Install (or remove) the Dossier bundle on Linux, with its menu entry and icons.
#
#   ./install.sh                 for this user: ~/.local/lib/dossier, ~/.local/bin/dossier,
#                                ~/.local/share/{applications,icons,metainfo}
#   sudo ./install.sh --system   for everyone: /opt/dossier, /usr/local/bin/dossier,
#                                /usr/local/share/{applications,icons,metainfo}
#   ./install.sh --uninstall [--system]
#                                removes the program, menu entry and icons; the user's
#                                dossier stores (~/.local/share/Dossier) are left in place.
# Options: --bundle DIR (default: ./dossier beside this script, else dist/dossier of a
# source tree); --root DIR installs under DIR as if it were / (for packagers and tests).
set -euo pipefail

APP_ID=org.dossier.Dossier
HERE=$(cd "$(dirname "$0")" && pwd)
mode=user action=install bundle="" root=""

usage() { sed -n '2,13s/^# \{0,1\}//p' "$0"; }
while [ $# -gt 0 ]; do
    case $1 in
        --system) mode=system ;;
        --user) mode=user ;;
        --uninstall) action=uninstall ;;
        --bundle) bundle=${2:?--bundle needs a folder}; shift ;;
        --root) root=${2:?--root needs a folder}; shift ;;
        -h|--help) usage; exit 0 ;;
        *) echo "install.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
    esac
    shift
done

if [ "$mode" = system ] && [ -z "$root" ] && [ "$(id -u)" != 0 ]; then
    echo "install.sh: --system writes to /opt and /usr/local: run it with sudo" >&2
    exit 1
fi
if [ "$mode" = system ]; then
    app_dir=$root/opt/dossier
    bin_dir=$root/usr/local/bin
    share=$root/usr/local/share
else
    home=${HOME:?HOME is not set}
    app_dir=$root$home/.local/lib/dossier
    bin_dir=$root$home/.local/bin
    share=$root${XDG_DATA_HOME:-$home/.local/share}
fi
desktop=$share/applications/$APP_ID.desktop
metainfo=$share/metainfo/$APP_ID.metainfo.xml
icons=$share/icons/hicolor
SIZES="16 24 32 48 64 128 256 512"

refresh_caches() {
    # Menus and icon themes cache their contents; refresh them when the tools exist.
    if command -v update-desktop-database >/dev/null; then
        update-desktop-database -q "$share/applications" 2>/dev/null || true
    fi
    if command -v gtk-update-icon-cache >/dev/null && [ -f "$icons/index.theme" ]; then
        gtk-update-icon-cache -q -t "$icons" 2>/dev/null || true
    fi
}

if [ "$action" = uninstall ]; then
    if [ ! -e "$app_dir/dossier" ] && [ ! -e "$desktop" ]; then
        echo "Dossier is not installed in $app_dir; nothing to remove."
        exit 0
    fi
    # Only our files: the launcher link is removed only if it points into app_dir.
    if [ -L "$bin_dir/dossier" ] && [ "$(readlink "$bin_dir/dossier")" = "${app_dir#"$root"}/dossier" ]; then
        rm -f "$bin_dir/dossier"
    fi
    rm -rf "$app_dir"
    rm -f "$desktop" "$metainfo" "$icons/scalable/apps/$APP_ID.svg"
    for size in $SIZES; do rm -f "$icons/${size}x${size}/apps/$APP_ID.png"; done
    refresh_caches
    echo "Removed Dossier from $app_dir."
    echo "Your dossier stores were not touched (by default in ~/.local/share/Dossier)."
    exit 0
fi

# --- install ---------------------------------------------------------------------
if [ -z "$bundle" ]; then
    if [ -x "$HERE/dossier/dossier" ]; then bundle=$HERE/dossier           # release tarball
    else bundle=$HERE/../../dist/dossier; fi                                # source tree
fi
if [ ! -x "$bundle/dossier" ]; then
    echo "install.sh: no bundle at $bundle (build it with packaging/build.sh, or pass --bundle)" >&2
    exit 1
fi
bundle=$(cd "$bundle" && pwd)
icon_src=$bundle/_internal/dossier/_data/resources/icons
for f in "$HERE/$APP_ID.desktop" "$HERE/$APP_ID.metainfo.xml" "$icon_src/dossier.svg"; do
    [ -f "$f" ] || { echo "install.sh: missing $f" >&2; exit 1; }
done

# Copy into a fresh folder, then swap it in: an upgrade never leaves half a program.
mkdir -p "$(dirname "$app_dir")" "$bin_dir" "$share/applications" "$share/metainfo"
staging=$(mktemp -d "$(dirname "$app_dir")/.dossier-new.XXXXXX")
trap 'rm -rf "$staging"' EXIT
cp -a "$bundle/." "$staging/"
chmod 755 "$staging"
rm -rf "$app_dir.old"
[ -e "$app_dir" ] && mv "$app_dir" "$app_dir.old"
mv "$staging" "$app_dir"
rm -rf "$app_dir.old"
trap - EXIT

# The launcher: a symlink, so that `dossier` on PATH is the installed one. With
# --root, links and the menu entry name the final place, not the staging root.
exe=${app_dir#"$root"}/dossier
ln -sfn "$exe" "$bin_dir/dossier"

# The menu entry runs the installed program by its full path (~/.local/bin is not
# always on a desktop session's PATH); a path with spaces is quoted, as Exec wants.
exec_arg=$exe
case $exe in *[[:space:]]*) exec_arg="\"$exe\"" ;; esac
while IFS= read -r line; do
    case $line in
        Exec=dossier*) line="Exec=$exec_arg${line#Exec=dossier}" ;;
        TryExec=dossier) line="TryExec=$exe" ;;
    esac
    printf '%s\n' "$line"
done <"$HERE/$APP_ID.desktop" >"$desktop"
chmod 644 "$desktop"
install -m 644 "$HERE/$APP_ID.metainfo.xml" "$metainfo"
install -D -m 644 "$icon_src/dossier.svg" "$icons/scalable/apps/$APP_ID.svg"
for size in $SIZES; do
    if [ -f "$icon_src/dossier-$size.png" ]; then
        install -D -m 644 "$icon_src/dossier-$size.png" "$icons/${size}x${size}/apps/$APP_ID.png"
    fi
done
refresh_caches

version=$("$app_dir/dossier" --version 2>/dev/null || echo "dossier (version unknown)")
echo "Installed $version in $app_dir"
echo "  command: $bin_dir/dossier   menu entry: $desktop"
case ":$PATH:" in
    *":${bin_dir#"$root"}:"*) ;;
    *) echo "  note: ${bin_dir#"$root"} is not on your PATH; the menu entry works regardless." ;;
esac
