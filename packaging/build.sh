#!/usr/bin/env bash
# Build the one-folder bundle: dist/dossier/ (and dist/Dossier.app on macOS).
#   packaging/build.sh            uses `python3` (or $PYTHON), which must have the
#                                 app and PyInstaller installed (the locked versions:
#                                 pip install --require-hashes -r requirements/bundle.txt
#                                 and pip install --no-deps -e .)
#   make bundle                   does the install into .venv, then runs this.
# On Linux it also packs dist/dossier-VERSION-linux-ARCH.tar.gz: the bundle with
# install.sh, the menu entry and the AppStream file, ready to hand out.
# Prints the bundle size at the end; fails if it is over the 300 MB budget.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}
BUDGET_MB=${BUDGET_MB:-300}
DIST=${DIST:-dist}                  # where the bundle goes (tests use a temp folder)
WORK=${WORK:-build/pyinstaller}     # PyInstaller's scratch folder

"$PYTHON" -c "import PyInstaller" 2>/dev/null || {
    echo "packaging: PyInstaller is missing; run: $PYTHON -m pip install --require-hashes -r requirements/bundle.txt" >&2
    exit 1
}

"$PYTHON" -m PyInstaller --noconfirm --clean --log-level WARN \
    --distpath "$DIST" --workpath "$WORK" packaging/dossier.spec

if [ "$(uname -s)" = Linux ] && command -v strip >/dev/null && command -v readelf >/dev/null; then
    # Debug symbols are most of libpython's and sqlcipher's size. Only files that
    # carry them, and never the auditwheel-patched libraries in *.libs/ folders
    # (rewriting those breaks their ELF layout).
    find "$DIST/dossier/_internal" -type f -name '*.so*' -not -path '*.libs/*' -print0 |
        while IFS= read -r -d '' lib; do
            if readelf -S "$lib" 2>/dev/null | grep '\.debug_info' >/dev/null; then
                strip --strip-debug "$lib"
            fi
        done
fi

BUNDLE=$DIST/dossier
[ -d "$DIST/Dossier.app" ] && BUNDLE=$DIST/Dossier.app
size_kb=$(du -sk "$BUNDLE" | cut -f1)
size_mb=$(( (size_kb + 1023) / 1024 ))
files=$(find "$BUNDLE" -type f | wc -l)
echo "bundle: $BUNDLE  ${size_mb} MB in ${files} files (budget ${BUDGET_MB} MB)"
if [ "$size_mb" -gt "$BUDGET_MB" ]; then
    echo "packaging: the bundle is over budget; see packaging/README.md (what is excluded)" >&2
    exit 1
fi

if [ "$(uname -s)" = Linux ]; then
    version=$("$PYTHON" -c 'import tomllib; print(tomllib.load(open("pyproject.toml", "rb"))["project"]["version"])')
    name=dossier-$version-linux-$(uname -m)
    stage=$WORK/release/$name
    rm -rf "$WORK/release" && mkdir -p "$stage"
    cp -a "$DIST/dossier" "$stage/dossier"
    cp packaging/linux/install.sh packaging/linux/org.dossier.Dossier.desktop \
        packaging/linux/org.dossier.Dossier.metainfo.xml "$stage/"
    tar -C "$WORK/release" -czf "$DIST/$name.tar.gz" "$name"
    rm -rf "$WORK/release"
    echo "release: $DIST/$name.tar.gz  $(( $(du -k "$DIST/$name.tar.gz" | cut -f1) / 1024 )) MB" \
         "(unpack, then ./install.sh or sudo ./install.sh --system)"
fi
