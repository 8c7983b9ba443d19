from django.conf import settings
from django.db import models
from django.utils import timezone


class ClosureDay(models.Model):
    """A day the council's offices are closed that is not a bank holiday."""

    date = models.DateField(unique=True)
    reason = models.CharField(max_length=100)
    added_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    added_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["date"]

    def __str__(self) -> str:
        return f"{self.date:%-d %B %Y}: {self.reason}"
