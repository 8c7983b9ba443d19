"""Check a census file against the schema one child at a time, so that memory stays flat and every child's
mistakes are named, not just the first in the file."""

import copy
from functools import cache
from pathlib import Path

from lxml import etree

SCHEMA = Path(__file__).with_name("cin_census_2026.xsd")
MOST_MESSAGES = 500


@cache
def schema() -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(SCHEMA)))


def as_message(element: etree._Element) -> etree._Element:
    """A one-child (or header-only) message: the schema only knows whole messages."""
    message = etree.Element("Message")
    children = etree.Element("Children")
    if element.tag == "Header":
        message.append(copy.deepcopy(element))
    else:
        children.append(copy.deepcopy(element))
    message.append(children)
    return message


def schema_errors(path: Path) -> list[tuple[str, str]]:
    """The schema's complaints as (LA child ID, message); the ID is blank for the header or the file itself."""
    errors: list[tuple[str, str]] = []
    try:
        for _, element in etree.iterparse(str(path), events=("end",), tag=("Header", "Child")):
            if not schema().validate(as_message(element)):
                child_id = element.findtext("ChildIdentifiers/LAchildID") or ""
                errors += [(child_id, entry.message) for entry in schema().error_log]
            element.clear(keep_tail=True)
            while element.getprevious() is not None:
                del element.getparent()[0]
    except etree.XMLSyntaxError as error:
        errors.append(("", str(error)))
    return errors[:MOST_MESSAGES]
