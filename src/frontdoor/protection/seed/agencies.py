"""Who took part: the child's own GP, health visitor or school where the people seed named them, else the council's.

The police officers, health staff and schools are the people seed's professionals (people.Professional); a
child's involvements name the ones who know them. Conference chairs are made up here, a few for the council.
"""

import random
from collections.abc import Iterable
from datetime import date

from faker import Faker

from frontdoor.people.models import Involvement, Professional
from frontdoor.protection.models import Agency

Role = Professional.Role
OTHER_AGENCIES = {
    Role.PROBATION.value: Agency.PROBATION.value,
    Role.HOUSING.value: Agency.HOUSING.value,
    Role.YOUTH_JUSTICE.value: Agency.OTHER.value,
}
ROLE_LABELS = {role.value: str(role.label) for role in Role}
PEOPLE_PER_QUERY = 2_000

Person = tuple[str, str]  # (name, role), each within 150 characters


def as_person(name: str, role: str, organisation: str) -> Person:
    label = ROLE_LABELS.get(role, role)
    if role == Role.SCHOOL.value:
        label = "Designated safeguarding lead"
    return name[:150], f"{label}, {organisation}"[:150]


class Agencies:
    def __init__(self, rng: random.Random, faker: Faker, large: bool) -> None:
        self.rng = rng
        self.pools: dict[str, list[Person]] = {}
        rows = Professional.objects.order_by("id").values_list("name", "role", "organisation")
        for name, role, organisation in rows:
            self.pools.setdefault(role, []).append(as_person(name, role, organisation))
        # Names of our own when the people seed made no professionals.
        self.fallback_police = [
            (f"DC {faker.first_name()} {faker.last_name()}", "Child Abuse Investigation Team") for _ in range(4)
        ]
        self.fallback_health = [(f"{faker.first_name()} {faker.last_name()}", "Named nurse for safeguarding")]
        self.chairs = [
            f"{faker.first_name()} {faker.last_name()}, child protection chair" for _ in range(8 if large else 3)
        ]
        self.known: dict[int, dict[str, list[Person]]] = {}

    def load(self, people: Iterable[int]) -> None:
        """The professionals who know each child, by role."""
        wanted = sorted(set(people))
        for start in range(0, len(wanted), PEOPLE_PER_QUERY):
            rows = (
                Involvement.objects.filter(person_id__in=wanted[start : start + PEOPLE_PER_QUERY])
                .order_by("id")
                .values_list("person_id", "professional__name", "professional__role", "professional__organisation")
            )
            for person, name, role, organisation in rows:
                self.known.setdefault(person, {}).setdefault(role, []).append(as_person(name, role, organisation))

    def pick(self, person: int, roles: tuple[str, ...]) -> Person | None:
        """The child's own professional in the first role they have, else one of the council's in that role."""
        known = self.known.get(person, {})
        for role in roles:
            if known.get(role):
                return known[role][0]
        for role in roles:
            if self.pools.get(role):
                return self.rng.choice(self.pools[role])
        return None

    def police(self) -> Person:
        return self.rng.choice(self.pools.get(Role.POLICE.value) or self.fallback_police)

    def health(self, person: int, born: date | None, on: date) -> Person:
        age = (on - born).days / 365.25 if born is not None else -1.0
        if age < 0:
            roles: tuple[str, ...] = (Role.MIDWIFE.value, Role.GP.value)
        elif age < 5:
            roles = (Role.HEALTH_VISITOR.value, Role.PAEDIATRICIAN.value, Role.GP.value)
        else:
            roles = (Role.SCHOOL_NURSE.value, Role.GP.value, Role.CAMHS.value)
        return self.pick(person, roles) or self.rng.choice(self.fallback_health)

    def education(self, person: int, born: date | None, on: date) -> Person | None:
        if born is None or (on - born).days < 2 * 365:
            return None
        return self.pick(person, (Role.SCHOOL.value, Role.EARLY_YEARS.value))

    def other(self) -> tuple[str, Person] | None:
        """Now and then probation, housing or youth justice."""
        role = self.rng.choice(list(OTHER_AGENCIES))
        pool = self.pools.get(role)
        return (OTHER_AGENCIES[role], self.rng.choice(pool)) if pool else None

    def chair(self) -> str:
        return self.rng.choice(self.chairs)
