from django.conf import settings
from django.db import models
from django.utils import timezone


class EarlyHelpRequest(models.Model):
    """A child the front door has asked the early help team to work with."""

    class Status(models.TextChoices):
        OPEN = "open", "Waiting for the early help team"
        ACCEPTED = "accepted", "Accepted"
        CLOSED = "closed", "Closed"

    person = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="early_help_requests")
    contact_child = models.OneToOneField(
        "contacts.ContactChild", on_delete=models.PROTECT, null=True, blank=True, related_name="early_help_request"
    )
    requested_on = models.DateField()
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.OPEN)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-requested_on", "-id"]

    def __str__(self) -> str:
        return f"Early help for {self.person} from {self.requested_on:%-d %B %Y}"
