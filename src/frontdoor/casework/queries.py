from django.db.models import QuerySet

from frontdoor.casework.models import Referral


def open_referrals_of(person_ids: list[int]) -> QuerySet[Referral]:
    return Referral.objects.filter(person_id__in=person_ids, closed_on__isnull=True)
