"""Checks every uploaded CSV passes before an import reads it: its name, its size and its content.

Imports trust nothing they are sent: a file renamed to .csv may be a spreadsheet, an executable or
an image, and a file of any size would otherwise be read into memory. Each refusal is a message
naming the file and the rule, shown on the form (or as a 400 problem on the API).
"""

import codecs

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile

# Enough of the file to tell text from binary without reading all of it.
SNIFF_BYTES = 64 * 1024
# Byte signatures of the files most often uploaded in place of a CSV.
BINARY_SIGNATURES = {
    b"PK\x03\x04": "a zipped file, such as an Excel workbook",
    b"\xd0\xcf\x11\xe0": "an old Excel or Word file",
    b"%PDF": "a PDF",
    b"MZ": "a program",
    b"\x89PNG": "an image",
    b"\xff\xd8\xff": "an image",
    b"GIF8": "an image",
}


def max_upload_bytes() -> int:
    return int(settings.UPLOAD_MAX_MEGABYTES) * 1024 * 1024


def check_csv_upload(file: UploadedFile) -> UploadedFile:
    """The file, if it is a CSV of UTF-8 text within the size limit; else a ValidationError saying why."""
    if not (file.name or "").lower().endswith(".csv"):
        raise ValidationError("The selected file must be a CSV (its name ending .csv)", code="extension")
    if (file.size or 0) > max_upload_bytes():
        raise ValidationError(
            f"The selected file must be smaller than {settings.UPLOAD_MAX_MEGABYTES} MB", code="too_big"
        )
    file.seek(0)
    start = file.read(SNIFF_BYTES)
    file.seek(0)
    if isinstance(start, str):
        start = start.encode()
    for signature, kind in BINARY_SIGNATURES.items():
        if start.startswith(signature):
            raise ValidationError(
                f"The selected file is {kind}, not a CSV: save it as CSV (UTF-8) and try again", code="binary"
            )
    if b"\x00" in start:
        raise ValidationError("The selected file is not text: save it as CSV (UTF-8) and try again", code="binary")
    try:
        # Incremental, so a character cut in two at the end of the sample is not taken for bad text.
        codecs.getincrementaldecoder("utf-8-sig")().decode(start, final=False)
    except UnicodeDecodeError:
        raise ValidationError(
            "The selected file must be saved as UTF-8 text (in Excel: CSV UTF-8)", code="encoding"
        ) from None
    return file
