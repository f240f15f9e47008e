"""Writing large .xlsx files fast (plain XML in a zip) for the limit tests."""

from __future__ import annotations

import zipfile
from pathlib import Path

_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
_DOC = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml"
PARTS = {
    "[Content_Types].xml": (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
        'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
        f'<Override PartName="/xl/workbook.xml" ContentType="{_TYPE}.sheet.main+xml"/>'
        f'<Override PartName="/xl/worksheets/sheet1.xml" ContentType="{_TYPE}.worksheet+xml"/>'
        "</Types>"
    ),
    "_rels/.rels": (
        f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{_RELS}">'
        f'<Relationship Id="rId1" Type="{_DOC}/officeDocument" Target="xl/workbook.xml"/>'
        "</Relationships>"
    ),
    "xl/workbook.xml": (
        f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{_MAIN}" xmlns:r="{_DOC}">'
        '<sheets><sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>'
    ),
    "xl/_rels/workbook.xml.rels": (
        f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{_RELS}">'
        f'<Relationship Id="rId1" Type="{_DOC}/worksheet" Target="worksheets/sheet1.xml"/>'
        "</Relationships>"
    ),
}


def write_sheet(path: Path, rows: int, *, padding: int = 0) -> Path:
    """A sheet of a header and `rows` rows of three numbers; `padding` bytes of
    blanks inside the sheet's XML (they compress to almost nothing: a zip bomb)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in PARTS.items():
            archive.writestr(name, text)
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as sheet:
            sheet.write(
                f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{_MAIN}">'.encode()
            )
            sheet.write(b"<sheetData>")
            head = "".join(
                f'<c r="{c}1" t="inlineStr"><is><t>{name}</t></is></c>'
                for c, name in zip("ABC", ("year", "export", "import"), strict=True)
            )
            sheet.write(f'<row r="1">{head}</row>'.encode())
            for r in range(2, rows + 2):
                cells = "".join(
                    f'<c r="{c}{r}"><v>{r * 3 + i}</v></c>' for i, c in enumerate("ABC")
                )
                sheet.write(f'<row r="{r}">{cells}</row>'.encode())
            blank = b" " * (1 << 20)
            for _ in range(padding // len(blank)):
                sheet.write(blank)
            sheet.write(b"</sheetData></worksheet>")
    return path
