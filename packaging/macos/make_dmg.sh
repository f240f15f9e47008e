#!/usr/bin/env bash
# macOS: turn dist/Dossier.app (from packaging/build.sh) into a drag-to-install DMG.
#   packaging/macos/make_dmg.sh            -> dist/Dossier-<version>.dmg
# Optional signing: set CODESIGN_ID="Developer ID Application: ..." (and notarise
# afterwards, see packaging/README.md). Needs hdiutil, i.e. a Mac.
set -euo pipefail
cd "$(dirname "$0")/../.."
APP=dist/Dossier.app
[ -d "$APP" ] || { echo "make_dmg: build the app first: packaging/build.sh" >&2; exit 1; }
version=$(/usr/libexec/PlistBuddy -c "Print CFBundleShortVersionString" "$APP/Contents/Info.plist")

if [ -n "${CODESIGN_ID:-}" ]; then
    codesign --force --deep --options runtime --timestamp --sign "$CODESIGN_ID" "$APP"
    codesign --verify --deep --strict "$APP"
fi

stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
cp -R "$APP" "$stage/"
ln -s /Applications "$stage/Applications"   # drag the app onto this link to install
dmg=dist/Dossier-$version.dmg
rm -f "$dmg"
hdiutil create -volname "Dossier $version" -srcfolder "$stage" -fs HFS+ -format UDZO -ov "$dmg"
[ -n "${CODESIGN_ID:-}" ] && codesign --sign "$CODESIGN_ID" --timestamp "$dmg"
echo "dmg: $dmg ($(du -h "$dmg" | cut -f1))"
