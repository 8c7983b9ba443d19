"""A handful of deliberately broken records in the demo council, so the data quality page has work to show.

Everything else the seed makes passes the CIN census rules. These few are what a council finds after a
migration from an older system: each is named in the event log (kind "seed.broken_record") with the rule
it breaks, and the test of the census over the seeded council expects exactly these. Only the demo
council has them (`frontdoor seed --size demo`, unless --no-broken-records); the test seeds and the large
council for benchmarks have none.
"""

from datetime import timedelta

from frontdoor.casework.models import Assessment, CinPlan, Referral
from frontdoor.people.models import Person
from frontdoor.records.services import record_event
from frontdoor.seeding import SeedContext

SUMMARY = "Deliberately broken for the data quality demo"


def seed(context: SeedContext) -> None:
    if not context.broken_records:
        return
    rng = context.rng
    recent = context.today - timedelta(days=60)
    referrals = list(
        Referral.objects.filter(is_nfa=False, closed_on=None, referral_date__gte=recent)
        .filter(cin_plans__isnull=False, assessments__status=Assessment.Status.AUTHORISED)
        .exclude(cp_plans__isnull=False)
        .select_related("person")
        .distinct()
        .order_by("id")
    )
    if len(referrals) < 4:
        context.say("Returns: too few referrals to break for the data quality demo")
        return
    early, need, disability, plan = rng.sample(referrals, 4)
    first = Assessment.objects.filter(referral=early).order_by("started_on", "id").first()
    assert first is not None
    Assessment.objects.filter(pk=first.pk).update(started_on=early.referral_date - timedelta(days=2))
    broken(early, "1103", "The assessment was entered as starting two days before the referral")
    Referral.objects.filter(pk=need.pk).update(primary_need="")
    broken(need, "8610", "The primary need was lost")
    Person.objects.filter(pk=disability.person_id).update(disabilities=[])
    broken(disability, "8540", "The child's disability was never recorded")
    CinPlan.objects.filter(referral=plan).update(started_on=plan.referral_date - timedelta(days=7))
    broken(plan, "4015", "The child in need plan was entered as starting a week before the referral")
    context.say("Returns: 4 deliberately broken records for the data quality demo (see the event log)")


def broken(referral: Referral, rule: str, why: str) -> None:
    record_event(
        kind="seed.broken_record",
        by=None,
        summary=f"{SUMMARY}: {why} (CIN census rule {rule})",
        child=referral.person,
        record=referral,
        data={"rule": rule, "person": referral.person_id, "referral": referral.pk},
    )
