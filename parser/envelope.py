"""The envelope: a bare document, or a full EDGAR submission with a header and several documents."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .model import Document

_SUBMISSION = re.compile(r"^\s*<(?:SEC-DOCUMENT|SEC-HEADER|IMS-DOCUMENT|IMS-HEADER|DOCUMENT)>", re.I)
_HEADER_OPEN = re.compile(r"^\s*<(?:SEC|IMS)-HEADER>", re.I)
_HEADER_CLOSE = re.compile(r"^\s*</(?:SEC|IMS)-HEADER>", re.I)
_FIELD = re.compile(r"^\s*([A-Z][A-Z0-9 .\-/]+?):\s+(\S.*?)\s*$")
_DOC_OPEN = re.compile(r"^\s*<DOCUMENT>", re.I)
_DOC_CLOSE = re.compile(r"^\s*</DOCUMENT>", re.I)
_TYPE = re.compile(r"^\s*<TYPE>\s*(\S+)", re.I)
_DESCRIPTION = re.compile(r"^\s*<DESCRIPTION>\s*(.*\S)", re.I)
_TEXT_OPEN = re.compile(r"^\s*<TEXT>", re.I)
_TEXT_CLOSE = re.compile(r"^\s*</TEXT>", re.I)
_TAG_FIELD = re.compile(r"^\s*<([A-Z][A-Z-]+)>\s*(\S.*?)\s*$")
# The dissemination (.nc) header's tags, by the SEC header field each stands for.
_TAG_FIELDS = {
    "ACCESSION-NUMBER": "ACCESSION NUMBER",
    "TYPE": "CONFORMED SUBMISSION TYPE",
    "PERIOD": "CONFORMED PERIOD OF REPORT",
    "FILING-DATE": "FILED AS OF DATE",
    "CONFORMED-NAME": "COMPANY CONFORMED NAME",
    "CIK": "CENTRAL INDEX KEY",
    "FISCAL-YEAR-END": "FISCAL YEAR END",
    "FORM-TYPE": "FORM TYPE",
}


@dataclass
class Envelope:
    """Header fields, documents, and the 0-based [start, stop) line range of each body."""

    fields: dict[str, str] = field(default_factory=dict)
    documents: list[Document] = field(default_factory=list)
    bodies: list[tuple[int, int]] = field(default_factory=list)
    header_span: tuple[int, int] | None = None
    warnings: list[str] = field(default_factory=list)


def read_envelope(lines: list[str]) -> Envelope:
    """Find the header and the documents; a bare filing is one document spanning the file."""
    head = lines[:400]
    if not any(_SUBMISSION.match(line) for line in head):
        return Envelope(documents=[Document("", 1, len(lines))], bodies=[(0, len(lines))])
    envelope = Envelope()
    _read_header(lines, envelope)
    if envelope.header_span is None:
        _read_tag_header(lines, envelope)
    _read_documents(lines, envelope)
    if not envelope.documents:
        start = envelope.header_span[1] if envelope.header_span else 0
        envelope.documents.append(Document("", start + 1, len(lines)))
        envelope.bodies.append((start, len(lines)))
    return envelope


def _read_header(lines: list[str], envelope: Envelope) -> None:
    opened = None
    filers: list[list[str]] = []
    for index, line in enumerate(lines):
        if opened is None and _HEADER_OPEN.match(line):
            opened = index
        elif opened is not None and (_HEADER_CLOSE.match(line) or _DOC_OPEN.match(line)):
            envelope.header_span = (opened, index + 1)
            break
        elif opened is not None:
            match = _FIELD.match(line)
            if match:
                key, value = match.group(1).strip().upper(), match.group(2).strip()
                envelope.fields.setdefault(key, value)
                if key == "COMPANY CONFORMED NAME":
                    filers.append([value, ""])
                elif key == "CENTRAL INDEX KEY" and filers and not filers[-1][1]:
                    filers[-1][1] = value
    else:
        if opened is not None:
            envelope.header_span = (opened, len(lines))
            envelope.warnings.append(f"line {opened + 1}: SEC header not closed")
    _choose_filer(envelope.fields, filers)


def _read_tag_header(lines: list[str], envelope: Envelope) -> None:
    """The header of a dissemination (.nc) file: `<CONFORMED-NAME>...` tags before the first
    document, read into the SEC header's field names."""
    filers: list[list[str]] = []
    for line in lines[:400]:
        if _DOC_OPEN.match(line):
            break
        match = _TAG_FIELD.match(line)
        if not match or match.group(1) not in _TAG_FIELDS:
            continue
        key, value = _TAG_FIELDS[match.group(1)], match.group(2)
        envelope.fields.setdefault(key, value)
        if key == "COMPANY CONFORMED NAME":
            filers.append([value, ""])
        elif key == "CENTRAL INDEX KEY" and filers and not filers[-1][1]:
            filers[-1][1] = value
    _choose_filer(envelope.fields, filers)


def _choose_filer(fields: dict[str, str], filers: list[list[str]]) -> None:
    """With several filers, the company is the one whose CIK begins the accession number."""
    accession = fields.get("ACCESSION NUMBER", "")
    filer_id = accession.split("-")[0].lstrip("0")
    for name, cik in filers:
        if filer_id and cik.lstrip("0") == filer_id:
            fields["COMPANY CONFORMED NAME"] = name
            fields["CENTRAL INDEX KEY"] = cik
            return


def _read_documents(lines: list[str], envelope: Envelope) -> None:
    index = 0
    total = len(lines)
    while index < total:
        if not _DOC_OPEN.match(lines[index]):
            index += 1
            continue
        start = index
        doc_type, description, body_start, body_stop = "", "", None, None
        index += 1
        while index < total and not _DOC_CLOSE.match(lines[index]) and not _DOC_OPEN.match(lines[index]):
            line = lines[index]
            if body_start is None:
                if (match := _TYPE.match(line)) and not doc_type:
                    doc_type = match.group(1)
                elif (match := _DESCRIPTION.match(line)) and not description:
                    description = match.group(1)
                elif _TEXT_OPEN.match(line):
                    body_start = index + 1
            elif body_stop is None and _TEXT_CLOSE.match(line):
                body_stop = index
            index += 1
        end = index if index < total and _DOC_CLOSE.match(lines[index]) else index - 1
        if index >= total or not _DOC_CLOSE.match(lines[index]):
            envelope.warnings.append(f"line {start + 1}: document {doc_type or '?'} not closed")
        if body_start is None:
            body_start = start + 1
        if body_stop is None:
            body_stop = min(index, total)
        envelope.documents.append(Document(doc_type, start + 1, min(end, total - 1) + 1, description))
        envelope.bodies.append((body_start, body_stop))
        if index < total and _DOC_CLOSE.match(lines[index]):
            index += 1
