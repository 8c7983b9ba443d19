from datetime import timedelta
from typing import Any

from django.core.management.base import BaseCommand
from django.utils import timezone

from frontdoor.contacts.quality import draw_quality_sample, week_starting


class Command(BaseCommand):
    help = "Sample last week's closed contacts for quality assurance (run every Monday morning)."

    def handle(self, *args: Any, **options: Any) -> None:
        last_week = week_starting(timezone.localdate()) - timedelta(days=7)
        samples = draw_quality_sample(week_start=last_week)
        self.stdout.write(f"{len(samples)} contact(s) sampled from the week of {last_week:%-d %B %Y}")
