"""Concern templates filled in the children's names, with pronouns and verbs that agree."""

import random
from typing import Any

from frontdoor.contacts.seed import data
from frontdoor.contacts.seed.plans import Kid


def clean_name(name: str) -> str:
    return "".join(letter for letter in name.lower() if letter.isalpha())


def joined_names(kids: list[Kid]) -> str:
    names = [kid.first for kid in kids]
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


def fits(tags: str, *, source: str, one: bool, youngest: float, oldest: float) -> bool:
    """Whether a concern template fits the children, and the words of the source (its "@" tags)."""
    sources = [tag[1:] for tag in tags.split() if tag.startswith("@")]
    if sources and source not in sources and data.SOURCE_GROUPS[source] not in sources:
        return False
    for tag in tags.split():
        if (
            (tag == "one" and not one)
            or (tag == "school" and (youngest < 5 or oldest >= 17))
            or (tag == "young" and oldest >= 5)
            or (tag == "older" and youngest < 10)
        ):
            return False
    return True


PRONOUNS = {
    "M": ("he", "him", "his", "himself"),
    "F": ("she", "her", "her", "herself"),
    "": ("they", "them", "their", "themselves"),
}


def fill(template: str, kids: list[Kid], rng: random.Random) -> str:
    """A template in the children's names, with pronouns and verbs that agree, and the family's adults."""
    sex = kids[0].sex if len(kids) == 1 and kids[0].sex in ("M", "F") else ""
    they, them, their, self_ = PRONOUNS[sex]
    singular = sex != ""
    first = kids[0]
    parent = "dad" if first.father and (not first.mother or rng.random() < 0.2) else "mum"
    if first.step:
        partner, abuser = "her partner", "stepdad"
    elif first.father:
        partner = abuser = "dad"
    else:
        partner, abuser = "her ex-partner", "mum's ex-partner"
    words: dict[str, Any] = {
        "child": joined_names(kids),
        "they": they,
        "them": them,
        "their": their,
        "self": self_,
        "They": they.capitalize(),
        "Their": their.capitalize(),
        "is": "is" if singular else "are",
        "was": "was" if singular else "were",
        "has": "has" if singular else "have",
        "says": "says" if singular else "say",
        "s": "s" if singular else "",
        "parent": parent,
        "Parent": parent.capitalize(),
        "partner": partner,
        "abuser": abuser,
        "Abuser": abuser[0].upper() + abuser[1:],
    }
    text = template.format_map(words)
    return text[0].upper() + text[1:]
