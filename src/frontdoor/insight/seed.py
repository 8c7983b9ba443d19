"""The dashboards' daily summary, built once every other app's records are in, as the nightly job would."""

from frontdoor.insight.services import refresh_summary
from frontdoor.seeding import SeedContext


def seed(context: SeedContext) -> None:
    report = refresh_summary(today=context.today, rebuild=True)
    context.say(f"Insight: the dashboards' daily summary, {report.rows:,} days counted in {report.seconds} s")
