"""Every indicator on the dashboards, in the order they appear."""

from frontdoor.accounts.models import Team
from frontdoor.insight.indicators import casework, front_door, workforce
from frontdoor.insight.indicators.base import Indicator
from frontdoor.insight.indicators.workforce import Snapshot

INDICATORS: list[Indicator] = [
    front_door.ContactsReceived(),
    front_door.ContactOutcomes(),
    front_door.ContactsToReferral(),
    front_door.DecisionsInTime(),
    front_door.ReferralRate(),
    front_door.ReReferrals(),
    front_door.ReferralsNfa(),
    front_door.CallsAnswered(),
    front_door.CallsAbandoned(),
    front_door.HandoversAcknowledged(),
    front_door.PoliceTriaged(),
    casework.AssessmentsInTime(),
    casework.AssessmentDays(),
    casework.ChildSeen(),
    casework.ViewsRecorded(),
    casework.ConferencesInTime(),
    casework.SecondPlans(),
    casework.ReviewsInTime(),
    casework.VisitsInTime(),
    casework.EarlyHelpAssessments(),
]
SNAPSHOTS: list[Snapshot] = [workforce.Caseloads(), workforce.SupervisionCompliance()]

BY_SLUG: dict[str, Indicator] = {indicator.slug: indicator for indicator in INDICATORS}


def for_team(team: Team | None) -> tuple[list[Indicator], list[Snapshot]]:
    """A team's dashboard shows the indicators of its kind of work; the council's shows them all."""
    if team is None:
        return INDICATORS, SNAPSHOTS
    return (
        [indicator for indicator in INDICATORS if team.kind in indicator.team_kinds],
        [snapshot for snapshot in SNAPSHOTS if team.kind in snapshot.team_kinds],
    )
