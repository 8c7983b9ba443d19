"""Early help's lists, scoped to what the user may see: a restricted child shows only to those granted."""

from django.db.models import OuterRef, Prefetch, Q, QuerySet, Subquery

from frontdoor.accounts.models import User
from frontdoor.earlyhelp.models import EarlyHelpEpisode, EarlyHelpRequest, LeadProfessional
from frontdoor.people.access import restricted_ids_visible_to


def visible_to[Scoped: (EarlyHelpEpisode, EarlyHelpRequest)](user: User, found: QuerySet[Scoped]) -> QuerySet[Scoped]:
    restricted = found.filter(person__is_restricted=True).values_list("person_id", flat=True)
    granted = restricted_ids_visible_to(user, set(restricted))
    return found.exclude(Q(person__is_restricted=True) & ~Q(person_id__in=granted))


def waiting_requests(user: User) -> QuerySet[EarlyHelpRequest]:
    found = EarlyHelpRequest.objects.filter(status=EarlyHelpRequest.Status.OPEN).select_related("person")
    return visible_to(user, found.order_by("requested_on", "id"))


def current_lead(field: str) -> Subquery:
    leads = LeadProfessional.objects.filter(episode=OuterRef("pk"), ended_on=None)
    return Subquery(leads.values(field)[:1])


def open_episodes(user: User) -> QuerySet[EarlyHelpEpisode]:
    """Episodes not closed, with their current lead professional; the next review due first."""
    found = (
        EarlyHelpEpisode.objects.exclude(status=EarlyHelpEpisode.Status.CLOSED)
        .select_related("person")
        .annotate(lead_name=current_lead("name"), lead_agency=current_lead("agency"))
        .order_by("status", "next_review_on", "accepted_on", "id")
    )
    return visible_to(user, found)


EPISODE_PAGE = EarlyHelpEpisode.objects.select_related(
    "request__contact_child__contact", "accepted_by", "closed_by", "stepped_up_to", "assessment"
).prefetch_related(
    "lead_professionals",
    Prefetch("taf_meetings__attendees"),
    "plan_actions",
    "plan_reviews",
)
