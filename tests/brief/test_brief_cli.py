"""`dossier brief` from the command line."""

from __future__ import annotations

import io

from pypdf import PdfReader

from dossier.cli import main


def test_sample_brief_from_the_command_line(tmp_path, capsys, pdf) -> None:
    out = tmp_path / "sample-brief.pdf"
    code = main(
        [
            "brief",
            "--sample",
            "--out",
            str(out),
            "--date",
            "2026-11-25",
            "--title",
            "Official visit to Baku",
            "--lang",
            "en",
            "--paper",
            "letter",
            "--marking",
            "RESTRICTED",
            "--prepared-by",
            "CIS desk",
        ]
    )
    assert code == 0
    assert str(out) in capsys.readouterr().out
    data = out.read_bytes()
    text = pdf.text(data)
    assert "Official visit to Baku" in text
    assert "RESTRICTED" in text
    assert "CIS desk" in text
    assert "25 November 2026" in text
    assert round(float(PdfReader(io.BytesIO(data)).pages[0].mediabox.width)) == 612


def test_brief_of_a_stored_dossier_releasable(store_file, tmp_path, pdf) -> None:
    out = tmp_path / "az.pdf"
    code = main(
        [
            "--store",
            str(store_file),
            "brief",
            "AZ",
            "--out",
            str(out),
            "--releasable",
            "--sections",
            "points,sources",
        ]
    )
    assert code == 0
    text = pdf.text(out.read_bytes())
    assert "Значительно нарастить" in text
    assert "совместной структуры по реализации" not in text  # the background-only point


def test_errors_are_one_line_and_nonzero(store_file, tmp_path, capsys) -> None:
    out = tmp_path / "x.pdf"
    cases = [
        (["brief", "--sample", "--out", str(out), "--date", "25/11/2026"], "--date"),
        (["brief", "--sample", "--out", str(out), "--sections", "cover,gossip"], "gossip"),
        (["--store", str(store_file), "brief", "XX", "--out", str(out)], "XX"),
        (["brief", "--sample", "--out", str(tmp_path)], "folder"),
    ]
    for argv, word in cases:
        assert main(argv) == 1
        err = capsys.readouterr().err
        assert err.count("\n") == 1, err
        assert word in err
        assert "Traceback" not in err
    assert not out.exists()
