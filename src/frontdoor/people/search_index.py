"""The name index search reads: one PersonName row per name of each person."""

from collections.abc import Iterable
from datetime import date

from frontdoor.people.matching import clean, first_name_group, sound_key, soundex
from frontdoor.people.models import OtherName, Person, PersonName


def name_rows(person_id: int, names: Iterable[tuple[str, str, bool]], born: date | None) -> list[PersonName]:
    """Index rows for (first, last, is another name) triples, without saving them."""
    rows = []
    seen = set()
    for first, last, is_other in names:
        key = (clean(first), clean(last))
        if key in seen or not any(key):
            continue
        seen.add(key)
        rows.append(
            PersonName(
                person_id=person_id,
                is_other_name=is_other,
                first=key[0][:100],
                last=key[1][:100],
                first_key=sound_key(first),
                last_key=sound_key(last),
                last_sound=soundex(last),
                first_group=first_name_group(first),
                born=born,
            )
        )
    return rows


def reindex_person(person: Person) -> None:
    """Rebuild one person's index rows; call it inside the service that changed a name."""
    other_names = OtherName.objects.filter(person=person).values_list("first_name", "last_name")
    names = [(person.first_name, person.last_name, False)]
    names += [(first or person.first_name, last or person.last_name, True) for first, last in other_names]
    PersonName.objects.filter(person=person).delete()
    born = person.date_of_birth or person.expected_date_of_birth
    PersonName.objects.bulk_create(name_rows(person.pk, names, born))
