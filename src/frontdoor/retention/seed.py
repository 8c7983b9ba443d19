"""Young adults whose childhood records are past their 25th birthday, so the retention review has work.

The synthetic council's history is five years long, so none of its children
is old enough; these people were known as teenagers, in the system the
council used before (their episodes are not in Front Door's history, whose
casework, returns and figures the other seeds keep consistent).
The demo runs the review at once, so its queue starts with them; the large
council leaves the review to be timed on its own.
"""

from datetime import date, datetime, time, timedelta

from django.utils import timezone

from frontdoor.people.models import Address, Person, PersonName, Residence
from frontdoor.people.search_index import name_rows
from frontdoor.people.services import assign_la_child_ids
from frontdoor.records.services import record_event
from frontdoor.retention.services import find_records_due
from frontdoor.seeding import SeedContext

PAST_RETENTION = {"demo": 6, "large": 60}  # even: they share homes in pairs
# The letters a postcode's last two places may use.
INWARD_LETTERS = "ABDEFGHJLNPQRSTUWXYZ"


def seed(context: SeedContext) -> None:
    rng, faker, today = context.rng, context.faker, context.today
    zone = timezone.get_current_timezone()
    people = []
    for _ in range(PAST_RETENTION[context.size]):
        sex = rng.choice("MF")
        first = faker.first_name_male() if sex == "M" else faker.first_name_female()
        born = date(today.year - rng.randint(26, 34), rng.randint(1, 12), rng.randint(1, 28))
        created = datetime.combine(born + timedelta(days=365 * 13), time(10), tzinfo=zone)
        people.append(
            Person(first_name=first, last_name=faker.last_name(), date_of_birth=born, sex=sex, created_at=created)
        )
    Person.objects.bulk_create(people)
    PersonName.objects.bulk_create(
        [row for p in people for row in name_rows(p.pk, [(p.first_name, p.last_name, False)], p.date_of_birth)]
    )
    assign_la_child_ids()
    homes = Address.objects.bulk_create(
        Address(
            line_1=f"{rng.randint(1, 120)} {faker.street_name()}",
            town="Northbridge",
            postcode=f"NB{rng.randint(1, 9)} {rng.randint(1, 9)}{rng.choice(INWARD_LETTERS)}{rng.choice(INWARD_LETTERS)}",
        )
        for _ in people[::2]
    )
    # Two to a home, flat-sharing: the people index has no household of one.
    Residence.objects.bulk_create(
        Residence(person=person, address=homes[i // 2], moved_in=today - timedelta(days=rng.randint(30, 2000)))
        for i, person in enumerate(people)
    )
    due = find_records_due(today=today).newly_due if not context.is_large else 0
    # Last, so the app's summary event is the last seed event before the history step's.
    record_event(
        kind="seed.retention",
        by=None,
        summary=f"Added {len(people)} young adults with records past their retention date",
        data={"people": len(people), "queued_for_review": due},
    )
