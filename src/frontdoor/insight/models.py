"""The dashboards' daily summary: each indicator's counts by day, kept so a dashboard need not recount years.

A dashboard reads two years of records for each of twenty indicators; on the large council that took
seconds. Records stop changing soon after the day they count on, so the summary holds the counts of
each day, made by the indicators' own counting code (insight.services.refresh_summary), and a dashboard
recounts live only the recent days that may still change. Nothing here is a record of its own: the
summary can be emptied and rebuilt at any time from the records.
"""

from django.db import models
from django.db.models import Q


class DailyTally(models.Model):
    """One indicator's count of one day's records, for one split, for a team or the whole council."""

    indicator = models.CharField(max_length=60, help_text="The indicator's slug.")
    # Empty: the whole council. An indicator counted the same for every team is kept for the council only.
    team = models.ForeignKey("accounts.Team", on_delete=models.CASCADE, null=True, blank=True, related_name="+")
    day = models.DateField()
    split = models.CharField(max_length=40, blank=True)
    hits = models.PositiveIntegerField(help_text="Records meeting the indicator's condition.")
    total = models.PositiveIntegerField(help_text="Records counted.")
    # For a median: every record's value, so the median over any days is exact, not a median of medians.
    values = models.JSONField(default=list, blank=True)

    class Meta:
        # NULL teams are distinct in a plain unique constraint, so the council's rows have one of their own.
        # Each constraint's index also serves the dashboard's read: indicator, team, then a range of days.
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "team", "day", "split"],
                condition=Q(team__isnull=False),
                name="daily_tally_team_day",
            ),
            models.UniqueConstraint(
                fields=["indicator", "day", "split"], condition=Q(team__isnull=True), name="daily_tally_council_day"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.indicator} {self.day} {self.split}: {self.hits}/{self.total}"


class SummaryRange(models.Model):
    """The days the summary holds for one indicator and team, and up to when they can be trusted.

    A day's counts are settled once the day is older than the recount window (insight.services.RECOUNT_DAYS):
    they were last counted when their records had stopped changing. Days after `settled_through` are
    counted live, whatever rows the summary has for them.
    """

    indicator = models.CharField(max_length=60)
    team = models.ForeignKey("accounts.Team", on_delete=models.CASCADE, null=True, blank=True, related_name="+")
    # Empty: from the first record there is.
    first_day = models.DateField(null=True, blank=True)
    settled_through = models.DateField()
    refreshed_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "team"], condition=Q(team__isnull=False), name="summary_range_team"
            ),
            models.UniqueConstraint(fields=["indicator"], condition=Q(team__isnull=True), name="summary_range_council"),
        ]

    def __str__(self) -> str:
        return f"{self.indicator}: from {self.first_day or 'the start'}, settled through {self.settled_through}"
