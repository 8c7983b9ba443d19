"""What the audit pages read: the audits waiting for someone, and grades by theme, team and month."""

from dataclasses import dataclass, field
from datetime import date

from django.db.models import Count, QuerySet

from frontdoor.accounts.models import User
from frontdoor.quality.models import Audit, AuditProgramme, Grade


def my_audits(user: User) -> QuerySet[Audit]:
    return Audit.objects.filter(auditor=user, status=Audit.Status.ASSIGNED).select_related(
        "programme", "referral__person", "contact", "team"
    )


def awaiting_moderation(user: User) -> QuerySet[Audit]:
    return (
        Audit.objects.filter(status=Audit.Status.GRADED)
        .exclude(auditor=user)
        .select_related("programme", "referral__person", "contact", "team", "auditor")
    )


@dataclass
class ReportRow:
    month: date
    theme: str
    team: str
    grades: dict[str, int] = field(default_factory=lambda: dict.fromkeys(Grade.values, 0))

    @property
    def total(self) -> int:
        return sum(self.grades.values())

    def counts(self) -> list[int]:
        return [self.grades[grade] for grade in Grade.values]


def grade_report() -> list[ReportRow]:
    """Final grades (moderated where moderation changed them) of every graded audit, by month, theme and team."""
    done = Audit.objects.exclude(status=Audit.Status.ASSIGNED)
    rows: dict[tuple[date, str, str], ReportRow] = {}
    counted = (
        done.values_list("programme__month", "programme__theme", "team__name", "grade", "moderated_grade")
        .annotate(n=Count("id"))
        .order_by("-programme__month", "programme__theme", "team__name")
    )
    themes = dict(AuditProgramme.Theme.choices)
    for month, theme, team, grade, moderated, n in counted:
        key = (month, themes.get(theme, theme), team or "No team")
        row = rows.setdefault(key, ReportRow(*key))
        row.grades[moderated or grade] += n
    return list(rows.values())
