"""`dossier capture FILE`: JSON in the issue's shape, --accept-all, clear refusals."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dossier.cli import main
from dossier.paths import resource
from dossier.store import open_store

BAKU = resource("samples", "article_baku_visit_ru.txt")


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_json_has_the_documented_shape(
    capsys: pytest.CaptureFixture[str], store_file: Path
) -> None:
    code, out, _ = run(
        capsys,
        "--store",
        str(store_file),
        "capture",
        str(BAKU),
        "--country",
        "AZ",
        "--date",
        "2013-11",
        "--json",
    )
    assert code == 0
    data = json.loads(out)
    assert data["source"]["publisher"] == "ИТАР-ТАСС"
    assert data["source"]["language"] == "ru"
    officials = {o["name"]: o for o in data["officials"]}
    assert officials["Ильхам Алиев"]["country"] == "AZ"
    assert all(o["match"] is not None for o in data["officials"])  # the sample has them
    figure = next(t for t in data["trade_figures"] if t["amount"] == 223_300_000)
    assert (figure["currency"], figure["period_start"], figure["period_end"]) == (
        "USD",
        "2012-01-01",
        "2012-12-31",
    )
    assert {"flow", "growth_factor", "span"} <= set(figure)
    supply = next(p for p in data["projects"] if p["partner"] == "Амкодор")
    assert supply["quantity"] == "80 экскаваторов"
    assert any(q["speaker"] == "Александр Лукашенко" for q in data["quotes"])
    assert {o["name"] for o in data["organisations"]} >= {"Амкодор"}


def test_accept_all_stores_into_the_dossier_without_duplicates(
    capsys: pytest.CaptureFixture[str], store_file: Path, tmp_path: Path
) -> None:
    article = tmp_path / "en.txt"
    article.write_text(
        "Trade between Belarus and Azerbaijan rose to $215 million in 2012.\n"
        "President Ilham Aliyev met Ambassador Nikolai Patskevich.\n",
        encoding="utf-8",
    )
    code, out, _ = run(
        capsys,
        "--store",
        str(store_file),
        "capture",
        str(article),
        "--country",
        "AZ",
        "--accept-all",
    )
    assert code == 0
    assert "Stored in AZ: 1 added, 2 updated" in out
    store = open_store(store_file)
    try:
        assert store.officials.count() == 3
        assert any(t.amount == 215 for t in store.trade.list())
        assert store.sources.count() == 2
    finally:
        store.close()


def test_summary_without_a_store(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "capture", str(BAKU), "--date", "2013-11-20")
    assert code == 0
    assert "Officials (3):" in out
    assert "turnover 216 million USD Jan–Sep 2013" in out


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"\xd0\x9f\xd1\x80\xd0\xb8 \xff\xfe broken", "not UTF-8 text"),
        (b"", "empty"),
        (b"\x00\x01\x02\x03" * 100, "binary"),
    ],
)
def test_bad_files_are_refused_and_nothing_is_stored(
    capsys: pytest.CaptureFixture[str],
    store_file: Path,
    tmp_path: Path,
    content: bytes,
    message: str,
) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    code, _out, err = run(
        capsys, "--store", str(store_file), "capture", str(path), "--country", "AZ", "--accept-all"
    )
    assert code == 1
    assert message in err
    assert "Traceback" not in err
    store = open_store(store_file)
    try:
        assert store.sources.count() == 1
    finally:
        store.close()


def test_accept_all_needs_a_country(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "capture", str(BAKU), "--accept-all")
    assert code == 1
    assert "--country" in err


def test_missing_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run(capsys, "capture", str(tmp_path / "nope.txt"))
    assert code == 1
    assert "No such file" in err


def test_a_text_without_a_date_leaves_the_period_open_with_a_warning(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    # Issue 17, item 3: the CLI never reads "этого года" against today's date.
    path = tmp_path / "undated.txt"
    path.write_text(
        "В январе-сентябре этого года товарооборот Беларуси и Азербайджана достиг "
        "216 млн долларов.",
        encoding="utf-8",
    )
    code, out, _ = run(capsys, "capture", str(path))
    assert code == 0
    assert "left open" in out
    assert "--date" in out
    assert "[ ]" in out
    assert "period unclear: no date" in out
    code, out, _ = run(capsys, "capture", str(path), "--json")
    figure = json.loads(out)["trade_figures"][0]
    assert (figure["period_start"], figure["period_end"], figure["ticked"]) == (None, None, False)
