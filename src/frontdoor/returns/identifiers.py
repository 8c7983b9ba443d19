"""The child's identifier in every return: the same string in Annex A and the CIN census."""

import re

# LAchildID in the CIN census: 1 to 20 letters and digits. Annex A's Child Unique ID asks for the same.
_LA_CHILD_ID = re.compile(r"^[A-Za-z0-9]{1,20}$")
# The prefix the people services give a generated LA child ID (people.services.LA_CHILD_ID_PREFIX),
# so a fallback is the ID the person would be given anyway.
_FALLBACK_PREFIX = "FD"


def child_unique_id(person_pk: int, la_child_id: str) -> str:
    """The person's LA child ID, or FD and the zero-padded record number when it is blank or not usable.

    The fallback is the ID `people.services.assign_la_child_ids` would give the person, so a child
    exported before that ran keeps the same ID afterwards.
    """
    value = (la_child_id or "").strip()
    if _LA_CHILD_ID.match(value):
        return value
    return f"{_FALLBACK_PREFIX}{person_pk:08d}"
