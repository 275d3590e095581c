"""Where each list is published: the official download addresses, and the layout of a mirror.

``exportctl lists update`` fetches a source's files from here (or from a mirror, for air-gapped sites). A mirror
is a directory or a base URL holding one folder per source, named as the source, with the official file names:

    MIRROR/csl/consolidated.csv
    MIRROR/ofac-sdn/sdn.csv, alt.csv, add.csv, sdn_comments.csv
    MIRROR/ofac-consolidated/consolidated.xml
    MIRROR/un/consolidated.xml
    MIRROR/uk-ofsi/ConList.xlsx
    MIRROR/dpl/dpl.txt

The Entity List, MEU and FCC Covered List files we import are conversions (see data/PROVENANCE.md) with no official
download in that format: they are not updated this way (import a new file with ``lists import``).
"""

from __future__ import annotations

from dataclasses import dataclass

from exportctl.errors import InputError


@dataclass(frozen=True)
class Download:
    """A source's files: ``files`` are (file name, official URL); a folder source (ofac-sdn) has several."""

    source: str
    files: tuple[tuple[str, str], ...]

    @property
    def is_folder(self) -> bool:
        return len(self.files) > 1


_OFAC = "https://www.treasury.gov/ofac/downloads"
DOWNLOADS: dict[str, Download] = {
    d.source: d
    for d in (
        Download(
            "csl",
            (
                (
                    "consolidated.csv",
                    "https://data.trade.gov/downloadable_consolidated_screening_list/v1/consolidated.csv",
                ),
            ),
        ),
        Download(
            "ofac-sdn",
            tuple((name, f"{_OFAC}/{name}") for name in ("sdn.csv", "alt.csv", "add.csv", "sdn_comments.csv")),
        ),
        Download("ofac-consolidated", (("consolidated.xml", f"{_OFAC}/consolidated/consolidated.xml"),)),
        Download("un", (("consolidated.xml", "https://scsanctions.un.org/resources/xml/en/consolidated.xml"),)),
        Download(
            "uk-ofsi",
            (("ConList.xlsx", "https://ofsistorage.blob.core.windows.net/publishlive/2022format/ConList.xlsx"),),
        ),
        Download("dpl", (("dpl.txt", "https://www.bis.doc.gov/dpl/dpl.txt"),)),
    )
}


def download_for(source: str) -> Download:
    """The download of ``source``; InputError naming the updatable sources otherwise."""
    try:
        return DOWNLOADS[source]
    except KeyError:
        valid = ", ".join(DOWNLOADS)
        raise InputError(
            f"{source!r} has no official download to update from (updatable: {valid}); import a file with "
            "`exportctl lists import --source NAME PATH`",
            field="source",
        ) from None


def addresses(download: Download, mirror: str | None) -> tuple[tuple[str, str], ...]:
    """(file name, address) of each file: the official URL, or ``mirror/source/file`` (a path or a URL)."""
    if mirror is None:
        return download.files
    base = mirror.rstrip("/")
    return tuple((name, f"{base}/{download.source}/{name}") for name, _ in download.files)
