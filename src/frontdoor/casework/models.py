from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone

from frontdoor.codes import PrimaryNeed, ReasonForClosure, ReferralSource


class Referral(models.Model):
    """A CIN episode: a request for children's social care services for one child.

    The front door opens it; assessments, plans and closure come with the
    referrals and assessments work.
    """

    person = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="referrals")
    contact_child = models.OneToOneField(
        "contacts.ContactChild", on_delete=models.PROTECT, null=True, blank=True, related_name="referral"
    )
    referral_date = models.DateField()
    source = models.CharField(max_length=2, choices=ReferralSource.choices)
    primary_need = models.CharField(max_length=2, choices=PrimaryNeed.choices, blank=True)
    is_nfa = models.BooleanField("referral with no further action", default=False)
    closed_on = models.DateField(null=True, blank=True)
    closure_reason = models.CharField(max_length=3, choices=ReasonForClosure.choices, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-referral_date", "-id"]
        indexes = [models.Index(fields=["person", "-referral_date"], name="referral_person_date")]

    def __str__(self) -> str:
        return f"Referral of {self.person} on {self.referral_date:%-d %B %Y}"

    def get_absolute_url(self) -> str:
        return reverse("people:detail", args=[self.person_id])

    @property
    def is_open(self) -> bool:
        return self.closed_on is None
