import random
from datetime import date

import pytest
from django.core.management import CommandError, call_command
from django.test import override_settings
from faker import Faker

from frontdoor.accounts.models import LocalAuthority, Team, User
from frontdoor.accounts.roles import Role
from frontdoor.records.models import Event


def seed(*args: str) -> None:
    with override_settings(DEBUG=True):
        call_command("seed", *args, verbosity=0, stdout=open("/dev/null", "w"))  # noqa: SIM115


def test_the_demo_council_has_a_login_for_every_role(db: None) -> None:
    seed("--size", "demo", "--seed", "1")
    assert LocalAuthority.load().name == "Northbridge City Council"
    assert set(User.objects.values_list("role", flat=True)) == set(Role)
    demo = User.objects.get(username="contact.officer")
    assert demo.check_password("frontdoor-demo")
    assert Event.objects.filter(kind="seed.loaded").count() == 1


def test_a_seeded_child_has_a_chronology_at_the_records_own_dates(db: None) -> None:
    from frontdoor.casework.models import Referral
    from frontdoor.records.chronology import Category
    from frontdoor.records.models import ChronologyEntry, SignificanceMark
    from frontdoor.records.queries import Chronology, ChronologyFilter

    seed("--size", "demo", "--seed", "1")
    referral = Referral.objects.filter(assessments__isnull=False, worker__isnull=False).order_by("pk").first()
    assert referral is not None
    items = Chronology([referral.person], ChronologyFilter())[0:500]
    categories = {item.category for item in items}
    assert {Category.CONTACT, Category.DECISION, Category.REFERRAL, Category.ASSESSMENT} <= categories
    opened = next(item for item in items if item.summary == "Referral opened")
    assert opened.occurred_on == referral.referral_date
    assert ChronologyEntry.objects.exists() and SignificanceMark.objects.exists()


# Transactional: --force empties the tables with TRUNCATE, which PostgreSQL
# refuses inside a transaction that still has deferred checks to run.
@pytest.mark.django_db(transaction=True)
def test_the_same_seed_builds_the_same_council() -> None:
    seed("--seed", "7")
    first = list(User.objects.order_by("username").values_list("username", "role", "team__name"))
    seed("--seed", "7", "--force")
    assert list(User.objects.order_by("username").values_list("username", "role", "team__name")) == first


def test_seeding_refuses_a_database_with_data(db: None) -> None:
    seed()
    with pytest.raises(CommandError, match="already has data"):
        seed()


def test_if_empty_leaves_a_database_with_data_alone(db: None) -> None:
    seed()
    count = User.objects.count()
    seed("--if-empty")
    assert User.objects.count() == count


def test_seeding_refuses_to_run_in_production(db: None) -> None:
    with pytest.raises(CommandError, match="demos and benchmarks"):
        call_command("seed")


def test_the_large_council_has_150_social_workers_in_12_teams(db: None) -> None:
    # The staff alone: the large council's people take minutes, and the benchmarks build them.
    from frontdoor.accounts.seed import seed as seed_staff
    from frontdoor.seeding import SeedContext

    context = SeedContext(
        size="large",
        seed=1,
        today=date(2026, 11, 26),
        rng=random.Random(1),
        faker=Faker("en_GB"),
        say=print,
    )
    seed_staff(context)
    assert Team.objects.count() == 12
    social_workers = User.objects.filter(role__in=[Role.SOCIAL_WORKER, Role.SENIOR_PRACTITIONER])
    assert 145 <= social_workers.count() <= 165
