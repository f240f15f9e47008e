#!/usr/bin/env bash
# Refresh the hashed lock files from pyproject.toml: `make lock` runs this.
#
#   requirements/runtime.txt   the app's dependencies (offline wheelhouse)
#   requirements/test.txt      + the `test` extra (make test, CI, make lint)
#   requirements/bundle.txt    + the `package` extra (make bundle)
#
# One resolution of everything first, then each file within it, so a package has
# the same version in all three. Resolved for CPython 3.11 on x86-64 Linux (glibc
# 2.34+, as the Qt 6.12 wheels need); each pin lists the hashes of all its files,
# so Windows and macOS installs check them too. Needs network access to PyPI.
# Re-run after changing dependencies in pyproject.toml, and commit the result.
set -euo pipefail
cd "$(dirname "$0")/.."
UV=${UV:-.venv/bin/uv}
PYTHON_VERSION=${LOCK_PYTHON_VERSION:-3.11}
PLATFORM=${LOCK_PLATFORM:-x86_64-manylinux_2_34}
common=(--quiet --generate-hashes --python-version "$PYTHON_VERSION"
        --python-platform "$PLATFORM" --custom-compile-command "make lock")
# The upgrade is the point of `make lock`: the newest versions pyproject allows.
"$UV" pip compile pyproject.toml --all-extras --upgrade "${common[@]}" -o requirements/all.txt
"$UV" pip compile pyproject.toml -c requirements/all.txt "${common[@]}" -o requirements/runtime.txt
"$UV" pip compile pyproject.toml --extra test -c requirements/all.txt "${common[@]}" \
    -o requirements/test.txt
"$UV" pip compile pyproject.toml --extra package -c requirements/all.txt "${common[@]}" \
    -o requirements/bundle.txt
rm requirements/all.txt
# The "via" notes would name the temporary file among the reasons for each pin.
sed -i.bak '/^    #   -c requirements\/all.txt$/d; s/^    # via -c requirements\/all.txt$/    # via pyproject.toml/' \
    requirements/runtime.txt requirements/test.txt requirements/bundle.txt
rm -f requirements/*.bak
for f in runtime test bundle; do
    echo "requirements/$f.txt: $(grep -c '==' "requirements/$f.txt") packages"
done
