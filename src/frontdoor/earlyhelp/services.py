from datetime import date
from typing import TYPE_CHECKING

from django.db import transaction

from frontdoor.earlyhelp.models import EarlyHelpRequest
from frontdoor.records.services import record_event

if TYPE_CHECKING:
    from frontdoor.accounts.models import User
    from frontdoor.contacts.models import ContactChild
    from frontdoor.people.models import Person


@transaction.atomic
def request_early_help(
    *, person: "Person", by: "User", requested_on: date, contact_child: "ContactChild | None" = None
) -> EarlyHelpRequest:
    """Ask the early help team to work with a child and their family."""
    request = EarlyHelpRequest.objects.create(
        person=person, requested_on=requested_on, contact_child=contact_child, created_by=by
    )
    record_event(
        kind="early_help.requested",
        by=by,
        child=person,
        record=request,
        summary=f"Asked the early help team to work with {person.full_name}",
    )
    return request
