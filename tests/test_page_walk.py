"""Every page of a seeded council, with script, SQL and attribute-breaking text in every free-text field.

The free-text fields are found, not listed: every model CharField or TextField without choices whose
name a form or serializer takes. Each is set to the payloads on every row, then every page the URL
resolver knows is rendered as the first role that may see it. The payloads must never come back
unescaped, the tables must still be there, and every form that posts must carry the CSRF token.
"""

import re
from collections.abc import Callable, Iterator
from datetime import date
from typing import Any

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db import IntegrityError, connection, models, transaction
from django.forms import BaseForm
from django.test import Client
from pytest_django import DjangoDbBlocker
from rest_framework.serializers import BaseSerializer
from webauthn.helpers import bytes_to_base64url

from frontdoor.accounts.models import Passkey, User
from frontdoor.accounts.passkeys import RelyingParty
from frontdoor.accounts.roles import Role
from frontdoor.accounts.services import register_passkey
from frontdoor.casework.models import Assessment, CinPlan, Referral
from frontdoor.contacts.models import ContactChild, QualitySample, ThresholdCriterion, ThresholdDecision, ThresholdLevel
from frontdoor.earlyhelp.models import EarlyHelpEpisode, EarlyHelpRequest
from frontdoor.insight.indicators import INDICATORS
from frontdoor.partners.models import (
    InformationRequest,
    NotificationPerson,
    PoliceNotification,
    PortalReferral,
    TriageDecision,
    TriageMeeting,
)
from frontdoor.people.merging import merge_people
from frontdoor.people.models import (
    DuplicateCandidate,
    Involvement,
    Merge,
    Person,
    Relationship,
    Residence,
    RestrictionGrant,
    Warning,
)
from frontdoor.people.services import create_person
from frontdoor.protection.models import ChildProtectionPlan, Section47, StrategyDiscussion
from frontdoor.quality.models import Audit, AuditAction, AuditProgramme, AuditTemplate
from frontdoor.quality.services import add_audit_action
from frontdoor.records.models import AppendOnlyModel, ChronologyEntry
from frontdoor.retention.models import RetentionReview, RetentionRule
from frontdoor.returns.models import ReturnBuild
from frontdoor.returns.services import request_annex_a
from frontdoor.seeding import seed_council
from frontdoor.timescales.models import ClosureDay
from frontdoor.timescales.services import add_closure_day
from frontdoor.workforce.models import SupervisionSession
from tests.accounts.authenticator import SoftwareAuthenticator
from tests.conftest import make_user
from tests.pages import Page, all_pages, real_kwargs

TODAY = date(2026, 11, 26)
SCRIPT = "<script>alert(1)</script>"
SQL = "'; DROP TABLE people_person; --"
ATTRIBUTE = '" onmouseover="x'
PAYLOADS = [SCRIPT, SQL, ATTRIBUTE]
# Who tries each page, in turn, until one may see it.
ROLES = [
    Role.SERVICE_MANAGER,
    Role.TEAM_MANAGER,
    Role.SOCIAL_WORKER,
    Role.CONTACT_OFFICER,
    Role.EARLY_HELP_PRACTITIONER,
    Role.EDT_WORKER,
    Role.QA_OFFICER,
    Role.PERFORMANCE_ANALYST,
    Role.ADMINISTRATOR,
    Role.PARTNER,
]
# Fields code reads as identifiers or keys rather than showing as written.
NOT_FREE_TEXT = {"username", "password", "email", "key_hash", "prefix", "idempotency_key"}


def _first(model: type[models.Model], **where: Any) -> Callable[[dict[str, Any]], Any]:
    """The first record (of the page's person where the model has one), else the first of any."""

    def find(kwargs: dict[str, Any]) -> Any:
        rows = model._default_manager.order_by("pk")
        scoped = {key: kwargs[value] for key, value in where.items() if value in kwargs}
        return (rows.filter(**scoped).values_list("pk", flat=True).first()) or rows.values_list("pk", flat=True).first()

    return find


def _person(kwargs: dict[str, Any]) -> Any:
    return Referral.objects.filter(person__is_restricted=False).order_by("pk").values_list("person_id", flat=True)[0]


def _partner_referral(kwargs: dict[str, Any]) -> Any:
    partner = User.objects.filter(role=Role.PARTNER, is_active=True).order_by("pk").first()
    return PortalReferral.objects.filter(submitted_by=partner).order_by("pk").values_list("pk", flat=True).first()


FINDERS: dict[str, Callable[[dict[str, Any]], Any]] = {
    "person_id": _person,
    "relative_id": lambda kwargs: _relative(kwargs),
    "residence_id": _first(Residence, person_id="person_id"),
    "relationship_id": _first(Relationship, person_id="person_id"),
    "involvement_id": _first(Involvement, person_id="person_id"),
    "warning_id": _first(Warning, person_id="person_id"),
    "grant_id": _first(RestrictionGrant),
    "candidate_id": _first(DuplicateCandidate),
    "merge_id": _first(Merge),
    "source": lambda kwargs: "entry",
    "item_id": _first(ChronologyEntry, child_id="person_id"),
    "user_id": lambda kwargs: (
        User.objects.filter(role=Role.SOCIAL_WORKER).order_by("pk").values_list("pk", flat=True)[0]
    ),
    "closure_id": _first(ClosureDay),
    "contact_id": lambda kwargs: ContactChild.objects.order_by("pk").values_list("contact_id", flat=True)[0],
    "child_id": _first(ContactChild, contact_id="contact_id"),
    "decision_id": _first(ThresholdDecision),
    "partners/tasks/:decision_id": _first(TriageDecision),
    "sample_id": _first(QualitySample),
    "level_id": _first(ThresholdLevel),
    "criterion_id": _first(ThresholdCriterion),
    "referral_id": _first(Referral),
    "partners/portal/:referral_id": _partner_referral,
    "plan_id": _first(ChildProtectionPlan),
    "casework/cin-plans/:plan_id": _first(CinPlan),
    "assessment_id": _first(Assessment),
    "discussion_id": _first(StrategyDiscussion),
    "section_47_id": _first(Section47),
    "build_id": _first(ReturnBuild),
    "session_id": _first(SupervisionSession),
    "template_id": _first(AuditTemplate),
    "programme_id": _first(AuditProgramme),
    "audit_id": _first(Audit),
    "action_id": _first(AuditAction),
    "notification_id": _first(PoliceNotification),
    "named_id": _first(NotificationPerson),
    "meeting_id": _first(TriageMeeting),
    "request_id": _first(InformationRequest),
    "early-help/requests/:request_id": _first(EarlyHelpRequest),
    "episode_id": _first(EarlyHelpEpisode),
    "slug": lambda kwargs: INDICATORS[0].slug,
    "review_id": _first(RetentionReview),
    "rule_id": _first(RetentionRule),
    "passkey_id": _first(Passkey),
}


def _relative(kwargs: dict[str, Any]) -> Any:
    rows = Relationship.objects.filter(person_id=kwargs["person_id"]).order_by("pk")
    return rows.values_list("relative_id", flat=True).first()


def _subclasses(cls: type) -> Iterator[type]:
    for sub in cls.__subclasses__():
        yield sub
        yield from _subclasses(sub)


def names_taken_by_forms_and_serializers() -> set[str]:
    names: set[str] = set()
    for form in _subclasses(BaseForm):
        if form.__module__.startswith("frontdoor."):
            names |= set(getattr(form, "base_fields", {}))
    for serializer in _subclasses(BaseSerializer):
        if serializer.__module__.startswith("frontdoor."):
            names |= set(getattr(serializer, "_declared_fields", {}))
            fields = getattr(getattr(serializer, "Meta", None), "fields", ())
            names |= set(fields) if isinstance(fields, list | tuple) else set()
    return names


def free_text_fields() -> list[models.Field]:
    taken = names_taken_by_forms_and_serializers()
    found = []
    for model in apps.get_models():
        if not model.__module__.startswith("frontdoor."):
            continue
        for field in model._meta.concrete_fields:
            if (
                isinstance(field, models.CharField | models.TextField)
                and not field.choices
                and not field.unique
                and field.editable
                and field.name in taken
                and field.name not in NOT_FREE_TEXT
            ):
                found.append(field)
    return found


def payload_for(field: models.Field, index: int) -> str | None:
    combined = "".join(PAYLOADS)
    if field.max_length is None or field.max_length >= len(combined):
        return combined
    fitting = [payload for payload in PAYLOADS if len(payload) <= field.max_length]
    return fitting[index % len(fitting)] if fitting else None


@pytest.fixture(scope="module")
def council_full_of_payloads(django_db_setup: None, django_db_blocker: DjangoDbBlocker) -> Iterator[list[str]]:
    """The seeded council with every free-text field holding the payloads; the fields set, by name."""
    with django_db_blocker.unblock():
        call_command("flush", interactive=False, verbosity=0)
        try:
            seed_council(size="demo", seed=11, today=TODAY, say=lambda line: None)
            add_what_the_seed_leaves_out()
            written = []
            for index, field in enumerate(free_text_fields()):
                value = payload_for(field, index)
                if value is None:
                    continue
                if issubclass(field.model, AppendOnlyModel):
                    continue  # the logs cannot be changed; their text comes from the records above
                try:
                    with transaction.atomic():
                        field.model._default_manager.update(**{field.name: value})
                except IntegrityError:
                    continue  # unique among rows (a council's child ID): one value cannot go in them all
                written.append(f"{field.model.__name__}.{field.name}")
            yield written
        finally:
            # Left behind, the seeded council would meet the next test file in this worker.
            call_command("flush", interactive=False, verbosity=0)


def _user(role: Role) -> User:
    user = User.objects.filter(role=role, is_active=True).order_by("pk").first()
    assert user is not None, role
    return user


def add_what_the_seed_leaves_out() -> None:
    """Records some pages show that the demo council does not have, made as a user would make them."""
    manager = _user(Role.SERVICE_MANAGER)
    add_closure_day(day=date(2027, 3, 15), reason="Council training day", by=_user(Role.ADMINISTRATOR))
    request_annex_a(inspection_date=TODAY, by=manager)
    audit = Audit.objects.exclude(status=Audit.Status.ASSIGNED).order_by("pk").first()
    assert audit is not None
    add_audit_action(
        audit=audit, by=_user(Role.QA_OFFICER), action="Update the plan", owner="Team manager", due_on=date(2027, 1, 8)
    )
    # The first role walked owns it, so its page is rendered (with the payloads in its name).
    add_passkey(manager)
    pair = DuplicateCandidate.objects.order_by("pk").first()
    assert pair is not None
    survivor, merged = pair.person_a, pair.person_b
    merge_people(
        survivor=survivor,
        merged=merged,
        by=manager,
        take_from_merged=[],
        expected_versions=(survivor.version, merged.version),
    )


def add_passkey(user: User) -> None:
    challenge = b"a-challenge-of-at-least-16-bytes"
    answer = SoftwareAuthenticator().register({"challenge": bytes_to_base64url(challenge)})
    relying_party = RelyingParty(id="testserver", origin="http://testserver")
    register_passkey(
        user=user, name="Laptop", credential=answer, challenge=challenge, relying_party=relying_party, by=user
    )


RENDERED: dict[str, tuple[int, str]] = {}


def render(page: Page) -> tuple[int, str]:
    """The page as the first role that may see it: its status and its HTML (cached for the module)."""
    if str(page) not in RENDERED:
        url = page.url(real_kwargs(page, FINDERS))
        status, html = 0, ""
        for role in ROLES:
            client = Client()
            client.force_login(_user(role))
            response = client.get(url)
            status = response.status_code
            if status == 200 and response["Content-Type"].startswith("text/html"):
                html = response.content.decode()
                break
            if status >= 500:
                break
        RENDERED[str(page)] = (status, html)
    return RENDERED[str(page)]


PAGES = [page for page in all_pages() if str(page) not in {"sign-out/"}]


def test_the_payloads_are_in_the_free_text_fields_people_see(council_full_of_payloads: list[str]) -> None:
    assert {"Person.first_name", "Assessment.childs_views"} <= set(council_full_of_payloads)


@pytest.mark.parametrize("walked", PAGES, ids=str)
def test_free_text_comes_back_escaped(walked: Page, council_full_of_payloads: list[str], db: None) -> None:
    status, html = render(walked)
    assert status < 500, f"{walked} failed with {status}"
    # Data for charts goes in <script type="application/json"> by json_script, which escapes < > &:
    # quotes stay as JSON has them, harmless there, and an injected </script> would end the block early.
    html = re.sub(r'<script [^>]*type="application/json"[^>]*>.*?</script>', "", html, flags=re.DOTALL)
    for payload in PAYLOADS:
        assert payload not in html, f"{walked} shows {payload!r} unescaped"
    assert "people_person" in connection.introspection.table_names()


@pytest.mark.parametrize("walked", PAGES, ids=str)
def test_every_form_that_posts_carries_the_csrf_token(
    walked: Page, council_full_of_payloads: list[str], db: None
) -> None:
    _, html = render(walked)
    for form in re.findall(r"<form\b[^>]*>.*?</form>", html, flags=re.DOTALL | re.IGNORECASE):
        opening = form[: form.index(">")]
        if re.search(r"method=[\"']?post", opening, flags=re.IGNORECASE):
            assert 'name="csrfmiddlewaretoken"' in form, f"{walked} has a form that posts without the CSRF token"


def test_the_walk_renders_the_pages_with_forms(council_full_of_payloads: list[str], db: None) -> None:
    with_forms = [page for page in PAGES if re.search(r"<form\b[^>]*method=\"?post", render(page)[1], re.IGNORECASE)]
    assert len(with_forms) >= 40, [str(page) for page in with_forms]
    # The payloads really are on the pages walked, escaped: the escaping test is not passing on empty pages.
    showing = [page for page in PAGES if "&lt;script&gt;alert(1)&lt;/script&gt;" in render(page)[1]]
    assert len(showing) >= 40, [str(page) for page in showing]


def test_a_person_recorded_with_the_payloads_is_shown_escaped_and_a_search_for_sql_is_harmless(db: None) -> None:
    manager = make_user(Role.TEAM_MANAGER)
    person = create_person(
        by=manager, details={"first_name": SCRIPT, "last_name": ATTRIBUTE, "date_of_birth": date(2015, 3, 10)}
    )
    client = Client()
    client.force_login(manager)

    page = client.get(f"/people/{person.pk}/").content.decode()
    results = client.get("/people/", {"q": SQL}).content.decode()

    assert SCRIPT not in page and ATTRIBUTE not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert SQL not in results
    assert Person.objects.filter(pk=person.pk).exists()
