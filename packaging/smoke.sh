#!/usr/bin/env bash
# Smoke test of the bundle: runs the bundled `dossier` the way a laptop would, with
# no Python on PATH, a fresh HOME, no network (when `unshare` may cut it) and the
# offscreen Qt platform. Exits 0 only if every step passed.
#
#   packaging/smoke.sh [BUNDLE_DIR]        default: dist/dossier
#
# Steps: --version; about; the sample brief (PDF, read back with pdftotext when present);
# `check` on a fresh store; a capture of the Baku report shipped in the bundle;
# `gui --smoke` offscreen (and on Xvfb through the xcb plugin when xvfb-run exists).
# SMOKE_ALLOW_MISSING=1 skips, rather than fails, commands this build does not have.
set -uo pipefail  # no `grep -q` after a pipe below: its early exit would fail the pipeline
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BUNDLE=$(cd "${1:-$ROOT/dist/dossier}" && pwd) || { echo "smoke: no bundle at ${1:-dist/dossier}" >&2; exit 1; }
EXE="$BUNDLE/dossier"
[ -x "$EXE" ] || { echo "smoke: $EXE is not an executable" >&2; exit 1; }
DATA="$BUNDLE/_internal/dossier/_data"
ALLOW_MISSING=${SMOKE_ALLOW_MISSING:-0}

WORK=$(mktemp -d "${TMPDIR:-/tmp}/dossier-smoke.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$WORK/home" "$WORK/empty-path"

# No network: a private network namespace when the kernel lets us make one.
NONET=()
if unshare -rn true 2>/dev/null; then
    NONET=("$(command -v unshare)" -rn)
    net_note="network: none (unshare -rn)"
else
    net_note="network: not isolated (unshare unavailable); the app opens no socket anyway"
fi

# The app sees an empty PATH (no python anywhere), a fresh HOME and nothing else.
run() {
    ${NONET[@]+"${NONET[@]}"} env -i HOME="$WORK/home" PATH="$WORK/empty-path" LANG=C.UTF-8 \
        XDG_RUNTIME_DIR="$WORK/home" QT_QPA_PLATFORM=offscreen "$EXE" "$@"
}

failures=0
step() {  # step NAME COMMAND...: run, report, count failures
    local name=$1; shift
    local started=$SECONDS
    if "$@" >"$WORK/out.txt" 2>&1; then
        echo "ok    $name ($((SECONDS - started)) s)"
    else
        echo "FAIL  $name"; sed 's/^/      /' "$WORK/out.txt" | tail -20
        failures=$((failures + 1))
    fi
}

has_command() {  # has_command NAME: is this subcommand in the bundled build?
    run "$1" --help >/dev/null 2>&1
}

optional() {  # optional NAME COMMAND...: a step whose command may not exist yet
    local name=$1 cmd=$2; shift 2
    if has_command "$cmd"; then
        step "$name" "$@"
    elif [ "$ALLOW_MISSING" = 1 ]; then
        echo "skip  $name (no \`dossier $cmd\` in this build)"
    else
        echo "FAIL  $name: no \`dossier $cmd\` in this build"
        failures=$((failures + 1))
    fi
}

echo "smoke: $BUNDLE"
echo "$net_note; PATH for the app: (empty)"

check_version() {
    local want shown
    shown=$(run --version) || return 1
    echo "$shown"
    want=$(sed -n 's/^version = "\(.*\)"/\1/p' "$ROOT/pyproject.toml" | head -1)
    [ -z "$want" ] || [ "$shown" = "dossier $want" ] || { echo "expected dossier $want"; return 1; }
}
step "dossier --version matches pyproject.toml" check_version

check_about() {  # the frozen app knows it is a bundle and has its libraries' metadata
    run --store "$WORK/none.db" about >"$WORK/about.txt" || return 1
    cat "$WORK/about.txt"
    grep -q '(bundle)' "$WORK/about.txt" && grep -q 'PySide6 6\.' "$WORK/about.txt" &&
        grep -q 'natasha' "$WORK/about.txt" || { echo "about lacks bundle facts"; return 1; }
}
optional "about names the bundle and the library versions" about check_about

check_brief() {
    run brief --sample --out "$WORK/brief.pdf" || return 1
    head -c 5 "$WORK/brief.pdf" | grep '%PDF-' >/dev/null || { echo "not a PDF"; return 1; }
    if command -v pdftotext >/dev/null; then
        # Cyrillic must come out as text: proves the bundled font was embedded.
        pdftotext "$WORK/brief.pdf" - | grep 'Азербайджан' >/dev/null || { echo "no Cyrillic text"; return 1; }
    fi
}
optional "brief --sample writes a PDF with Cyrillic text" brief check_brief

check_store() {
    run sample --out "$WORK/fresh.db" && run --store "$WORK/fresh.db" check
}
step "check on a fresh store" check_store

check_first_run() {  # the default store in the user's data dir, created with the sample
    run list | grep 'AZ' >/dev/null && [ -n "$(find "$WORK/home" -name 'dossier.db')" ]
}
step "first run creates the default store with the sample" check_first_run

check_capture() {
    local article="$DATA/resources/samples/article_baku_visit_ru.txt"
    [ -f "$article" ] || { echo "the bundle lacks $article"; return 1; }
    run --store "$WORK/fresh.db" capture "$article" | tee "$WORK/capture.txt" || return 1
    # natasha's models and pymorphy3's dictionaries must have loaded: the report has
    # "Ильхамом Алиевым", which only the morphology turns into the nominative.
    grep -q 'Ильхам Алиев' "$WORK/capture.txt" || { echo "Ильхам Алиев not recognised"; return 1; }
}
optional "capture the Baku report (natasha models)" capture check_capture

check_gui() {
    run --store "$WORK/fresh.db" gui --smoke
}
gui_out=$(run --store "$WORK/fresh.db" gui --smoke 2>&1)
if grep -q 'not built yet' <<<"$gui_out"; then
    if [ "$ALLOW_MISSING" = 1 ]; then
        echo "skip  gui --smoke (the desktop app is not in this build)"
    else
        echo "FAIL  gui --smoke: the desktop app is not in this build"
        failures=$((failures + 1))
    fi
else
    step "gui --smoke (offscreen)" check_gui
    if command -v xvfb-run >/dev/null && [ "${SMOKE_XCB:-1}" = 1 ]; then
        # The xcb plugin and its bundled libraries, on a virtual X server.
        check_gui_xcb() {
            xvfb-run -a -s "-screen 0 1280x800x24" bash -c \
                "env -i HOME='$WORK/home' PATH='$WORK/empty-path' LANG=C.UTF-8 \
                 XDG_RUNTIME_DIR='$WORK/home' QT_QPA_PLATFORM=xcb DISPLAY=\$DISPLAY \
                 XAUTHORITY=\$XAUTHORITY \
                 '$EXE' --store '$WORK/fresh.db' gui --smoke"
        }
        step "gui --smoke on X11 (xcb, Xvfb)" check_gui_xcb
    fi
fi

if [ "$failures" -gt 0 ]; then
    echo "smoke: $failures step(s) failed"
    exit 1
fi
echo "smoke: all steps passed"
