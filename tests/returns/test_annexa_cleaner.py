"""The Annex A workbook of the seeded council, read by the public Annex A cleaner (liiatools 0.2.0).

The cleaner runs in its own environment (tests/returns/external.py). Its configuration predates two changes
Front Door follows, and those are its only complaints; anything else it reports fails the test:

- referral source 5D (LA services: early help) joined the DfE's code set after the cleaner was written, so
  it blanks every `p1) 5D: LA services` in Lists 1 and 3 (Data to Insight's value for the new code);
- Ofsted's 2024 template added four columns to List 9 (care leavers), which the cleaner calls unexpected.
  List 9 is empty in Front Door; the columns are there so that current tools read the workbook.
"""

from collections.abc import Iterator
from datetime import date

import pytest
from django.core.management import call_command
from pytest_django import DjangoDbBlocker

from frontdoor.casework.models import Referral
from frontdoor.contacts.models import Contact
from frontdoor.returns.annexa import write_annex_a
from frontdoor.seeding import seed_council
from tests.returns.external import annexa_cleaner_log, annexa_cleaner_problems

pytestmark = [pytest.mark.external, pytest.mark.django_db]

TODAY = date(2026, 11, 26)
LIST_9_2024_COLUMNS = {
    "unexpected column: Unaccompanied Asylum Seeking Child (UASC), or formerly UASC if 18 or over (Y/N)",
    "unexpected column: Allocated Personal Advisor",
    "unexpected column: Latest Pathway Plan Review Date",
    "unexpected column: Latest Date of Contact",
}


@pytest.fixture(scope="module")
def cleaned(
    django_db_setup: None, django_db_blocker: DjangoDbBlocker, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[dict[str, dict[str, int]], dict[str, int]]]:
    with django_db_blocker.unblock():
        call_command("flush", interactive=False, verbosity=0)
        try:
            seed_council(size="demo", seed=20261126, today=TODAY, say=lambda line: None)
            folder = tmp_path_factory.mktemp("annexa")
            workbook = folder / "Annex_A.xlsx"
            write_annex_a(inspection_date=TODAY, out=workbook)
            problems = annexa_cleaner_problems(annexa_cleaner_log(workbook, folder))
            start = date(2026, 5, 26)
            five_d = {
                "List 1": Contact.objects.filter(
                    source="5D", received_at__date__gte=start, children__person__isnull=False
                )
                .values("children")
                .count(),
                "List 3": Referral.objects.filter(source="5D", referral_date__gte=start).count(),
            }
            yield problems, five_d
        finally:
            # Left behind, the seeded council would meet the next test file in this worker.
            call_command("flush", interactive=False, verbosity=0)


def test_the_cleaner_reports_nothing_but_the_changes_it_predates(cleaned) -> None:
    problems, five_d = cleaned
    expected = {
        name: {"blanked: " + ("Contact Source" if name == "List 1" else "Referral Source"): count}
        for name, count in five_d.items()
        if count
    }
    expected["List 9"] = dict.fromkeys(LIST_9_2024_COLUMNS, 1)
    assert problems == expected
