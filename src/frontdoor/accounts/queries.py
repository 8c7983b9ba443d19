import datetime as dt
from dataclasses import dataclass
from datetime import datetime

from django.db.models import Prefetch, QuerySet
from django.utils import timezone

from frontdoor.accounts.models import LocalAuthority, Team, User
from frontdoor.timescales.calendar import is_working_day, next_working_day
from frontdoor.timescales.clocks import due_for
from frontdoor.timescales.regimes import Step, timescale_for


@dataclass(frozen=True)
class Today:
    """What every home page shows about the day: is it a working day, are the offices open."""

    now: datetime
    date: dt.date
    is_working_day: bool
    next_working_day: dt.date
    office_hours: bool
    contact_decision_due: dt.date
    edt_handover_due: datetime


def today_at(council: LocalAuthority, now: datetime | None = None) -> Today:
    now = now or timezone.now()
    day = timezone.localdate(now)
    regime = council.regime_on(day)
    decision = timescale_for(Step.CONTACT_DECISION, regime=regime)
    handover = timescale_for(Step.EDT_HANDOVER, regime=regime)
    return Today(
        now=now,
        date=day,
        is_working_day=is_working_day(day),
        next_working_day=next_working_day(day),
        office_hours=council.is_office_hours(now),
        contact_decision_due=timezone.localtime(due_for(decision, day)).date(),
        edt_handover_due=timezone.localtime(due_for(handover, day)),
    )


def council_setup_gaps(council: LocalAuthority) -> list[str]:
    """What an administrator still has to fill in before the returns and pages are right."""
    gaps = []
    if not council.la_code:
        gaps.append("the DfE local authority code (the census and Annex A need it)")
    if not council.front_door_phone:
        gaps.append("the front door phone number (partners see it)")
    if not council.out_of_hours_phone:
        gaps.append("the out of hours phone number (partners see it)")
    return gaps


def teams_with_members() -> QuerySet[Team]:
    active_members = User.objects.filter(is_active=True).order_by("last_name", "first_name")
    return Team.objects.filter(is_active=True).prefetch_related(
        Prefetch("members", queryset=active_members, to_attr="active_members")
    )


def team_members(team: Team | None) -> QuerySet[User]:
    if team is None:
        return User.objects.none()
    return team.members.filter(is_active=True).order_by("last_name", "first_name")


def staff_list(*, team_id: str = "", role: str = "", include_closed: bool = False) -> QuerySet[User]:
    staff = User.objects.select_related("team").order_by("last_name", "first_name")
    if not include_closed:
        staff = staff.filter(is_active=True)
    if team_id == "none":
        staff = staff.filter(team__isnull=True)
    elif team_id.isdigit():
        staff = staff.filter(team_id=int(team_id))
    if role:
        staff = staff.filter(role=role)
    return staff
