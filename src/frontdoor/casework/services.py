from datetime import date
from typing import TYPE_CHECKING

from django.db import transaction

from frontdoor.casework.models import Referral
from frontdoor.records.services import record_event

if TYPE_CHECKING:
    from frontdoor.accounts.models import User
    from frontdoor.contacts.models import ContactChild
    from frontdoor.people.models import Person


@transaction.atomic
def open_referral(
    *,
    person: "Person",
    by: "User",
    referral_date: date,
    source: str,
    contact_child: "ContactChild | None" = None,
) -> Referral:
    """Open a CIN episode for a child: the front door's decision that they need children's social care."""
    referral = Referral.objects.create(
        person=person, referral_date=referral_date, source=source, contact_child=contact_child, created_by=by
    )
    record_event(
        kind="referral.opened",
        by=by,
        child=person,
        record=referral,
        summary=f"Opened a referral for {person.full_name}",
        data={"contact_child": contact_child.pk if contact_child else None},
    )
    return referral
