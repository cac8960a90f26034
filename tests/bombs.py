"""Hostile files, written for real: what issue 12 saw crash or hang ingestion (tests and bench/ share them).

Each writer streams its content, so a file that expands to hundreds of megabytes costs little to make.
``WRITERS`` make the files at the size the issue saw (bench/); ``OVER_THE_LIMITS`` make each just past the
default limit its refusal names (the tests), which is what the refusal depends on, in a fraction of the time.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path

import docx
import openpyxl

MB = 1024 * 1024
CENTRAL_HEADER = b"PK\x01\x02"
CENTRAL_SIZE_AT = 24  # offset of "uncompressed size" in a central directory header
SHARED_STRINGS_PART = {  # what registers xl/sharedStrings.xml in a workbook openpyxl wrote without one
    "[Content_Types].xml": (b"</Types>", b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
                            b'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>'),
    "xl/_rels/workbook.xml.rels": (b"</Relationships>", b'<Relationship Type="http://schemas.openxmlformats.org/'
                                   b'officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml" '
                                   b'Id="rId9"/></Relationships>'),
}


def clause_bomb_txt(path: Path, megabytes: float = 4.8) -> Path:
    """Several MB of Chinese in short lines without one 。: a single paragraph to the old parser."""
    line = "各地应当按照有关要求认真组织申报工作确保材料真实完整" * 3 + "\n"
    path.write_text(line * int(megabytes * MB / len(line.encode())), encoding="utf-8")
    return path


def expanding_pdf(path: Path, pages: int = 20, stream_mb: float = 2.0) -> Path:
    """A small PDF whose pages all draw one shared content stream of ``stream_mb`` MB of text."""
    show = b"(" + b"Apply for the programme " * 40 + b") Tj T* "
    content = b"BT /F1 1 Tf 1 TL " + show * int(stream_mb * MB / len(show)) + b"ET"
    return write_pdf(path, pages, zlib.compress(content, 9))


def inflating_pdf(path: Path, megabytes: int = 110) -> Path:
    """A one-page PDF whose content stream inflates to ``megabytes`` MB: over pypdf's decompression limit."""
    return write_pdf(path, 1, deflate(repeat(b"0 0 m ", megabytes * MB)))


def write_pdf(path: Path, pages: int, content: bytes) -> Path:
    """Catalog, page tree, ``pages`` pages sharing one Flate content stream and a standard font."""
    kids = " ".join(f"{5 + n} 0 R" for n in range(pages)).encode()
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               b"<< /Type /Pages /Kids [" + kids + b"] /Count " + str(pages).encode() + b" >>",
               b"<< /Length " + str(len(content)).encode() + b" /Filter /FlateDecode >>\nstream\n" + content
               + b"\nendstream",
               b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    objects += [b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 3 0 R "
                b"/Resources << /Font << /F1 4 0 R >> >> >>"] * pages
    out, offsets = io.BytesIO(), []
    out.write(b"%PDF-1.4\n")
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(f"{number} 0 obj\n".encode() + body + b"\nendobj\n")
    xref = out.tell()
    out.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    out.write(b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets))
    out.write(f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode())
    path.write_bytes(out.getvalue())
    return path


def docx_bomb(path: Path, megabytes: int = 1024, declared: int | None = None) -> Path:
    """A small .docx whose ``word/document.xml`` expands to ``megabytes`` MB (``declared``: what it claims)."""
    template = io.BytesIO()
    docx.Document().save(template)
    paragraphs = repeat(b"<w:p><w:r><w:t>" + "申报单位".encode() * 20 + b"</w:t></w:r></w:p>", megabytes * MB)
    body = chain(b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>',
                 paragraphs, b"</w:body></w:document>")
    return replace_member(template, path, "word/document.xml", body, declared)


def xlsx_bomb(path: Path, megabytes: int = 1024) -> Path:
    """A small .xlsx whose shared strings (read whole when a workbook opens) expand to ``megabytes`` MB."""
    strings = repeat(b"<si><t>" + "申报单位".encode() * 20 + b"</t></si>", megabytes * MB)
    return replace_member(workbook_template(), path, "xl/sharedStrings.xml",
                          chain(b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">', strings,
                                b"</sst>"), patches=SHARED_STRINGS_PART)


def many_rows_xlsx(path: Path, rows: int = 1_000_000) -> Path:
    """An .xlsx with a header and ``rows`` numeric rows, compact enough to stay under the expanded-size cap."""
    lines = (f'<row r="{n}"><c r="A{n}"><v>{n}</v></c><c r="B{n}"><v>3</v></c></row>'.encode()
             for n in range(2, rows + 2))
    header = b'<row r="1"><c r="A1" t="inlineStr"><is><t>No</t></is></c><c r="B1" t="inlineStr"><is><t>Q</t></is></c></row>'
    return replace_member(workbook_template(), path, "xl/worksheets/sheet1.xml",
                          sheet_xml(chain(header, lines), f"A1:B{rows + 1}"))


def workbook_template() -> io.BytesIO:
    template = io.BytesIO()
    openpyxl.Workbook().save(template)
    return template


def sheet_xml(rows: Iterator[bytes], dimension: str = "A1") -> Iterator[bytes]:
    """A worksheet part; like Excel's, it states its dimension first (openpyxl scans the sheet otherwise)."""
    return chain(b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
                 + f'<dimension ref="{dimension}"/><sheetData>'.encode(), rows, b"</sheetData></worksheet>")


def replace_member(template: io.BytesIO, path: Path, member: str, content: Iterator[bytes],
                   declared: int | None = None, patches: dict[str, tuple[bytes, bytes]] | None = None) -> Path:
    """Copy an Office file with ``member`` (new or replaced) streamed from ``content``; ``declared`` falsifies its
    stated size; ``patches`` replace bytes in other members (old, new)."""
    with zipfile.ZipFile(template) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            if info.filename != member:
                target.writestr(info.filename, source.read(info.filename).replace(*(patches or {}).get(
                    info.filename, (b"", b""))))
        with target.open(member, "w", force_zip64=False) as stream:
            for chunk in content:
                stream.write(chunk)
    if declared is not None:
        falsify_size(path, member, declared)
    return path


def falsify_size(path: Path, member: str, declared: int) -> None:
    """Overwrite the uncompressed size the central directory gives for ``member``."""
    data = bytearray(path.read_bytes())
    at = data.rindex(CENTRAL_HEADER, 0, data.rindex(member.encode()))  # the central directory comes last
    struct.pack_into("<I", data, at + CENTRAL_SIZE_AT, declared)
    path.write_bytes(bytes(data))


def repeat(unit: bytes, size: int) -> Iterator[bytes]:
    """``unit`` repeated to about ``size`` bytes, in 1 MB chunks."""
    chunk = unit * max(1, MB // len(unit))
    for _ in range(max(1, size // len(chunk))):
        yield chunk


def chain(*parts: bytes | Iterator[bytes]) -> Iterator[bytes]:
    for part in parts:
        if isinstance(part, bytes):
            yield part
        else:
            yield from part


def deflate(chunks: Iterator[bytes]) -> bytes:
    compressor = zlib.compressobj(9)
    return b"".join(compressor.compress(chunk) for chunk in chunks) + compressor.flush()


WRITERS: dict[str, Callable[[Path], Path]] = {
    "clause-bomb.txt": clause_bomb_txt,
    "expanding.pdf": expanding_pdf,
    "pypdf-limit.pdf": inflating_pdf,
    "zip-bomb.docx": docx_bomb,
    "lying-zip-bomb.docx": lambda path: docx_bomb(path, megabytes=300, declared=4096),
    "zip-bomb.xlsx": xlsx_bomb,
    "million-rows.xlsx": many_rows_xlsx,
}

OVER_THE_LIMITS: dict[str, Callable[[Path], Path]] = {  # the default limits: 1 000 000 characters, 100 MB, 10 000 rows
    "clause-bomb.txt": clause_bomb_txt,
    "expanding.pdf": expanding_pdf,
    "pypdf-limit.pdf": inflating_pdf,
    "zip-bomb.docx": lambda path: docx_bomb(path, megabytes=150),
    "lying-zip-bomb.docx": lambda path: docx_bomb(path, megabytes=150, declared=4096),
    "zip-bomb.xlsx": lambda path: xlsx_bomb(path, megabytes=150),
    "20000-rows.xlsx": lambda path: many_rows_xlsx(path, rows=20_000),
}
