import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from frontdoor.accounts.models import User
from frontdoor.accounts.roles import Role
from frontdoor.casework.models import Referral
from frontdoor.casework.services import open_referral
from frontdoor.contacts import services
from frontdoor.contacts.models import Contact, ThresholdDecision
from frontdoor.earlyhelp.models import EarlyHelpRequest
from frontdoor.records.models import Event
from tests.conftest import make_user
from tests.factories import PersonFactory


def decide(child, by, level, outcome, rationale="Bruising with a consistent account from the child", **extra):  # type: ignore[no-untyped-def]
    return services.decide(
        contact_child=child,
        by=by,
        level=level,
        outcome=outcome,
        rationale=rationale,
        rag=extra.pop("rag", "amber"),
        **extra,
    )


@pytest.fixture
def service_manager(db: None) -> User:
    return make_user(Role.SERVICE_MANAGER)


def test_a_referral_decision_opens_a_referral_and_closes_the_contact(contact_officer, record, ruby, levels) -> None:
    contact = record(contact_officer, ruby)
    decision = decide(contact.children.get(), contact_officer, levels[4], "strategy", rag="red")
    contact.refresh_from_db()
    assert decision.status == ThresholdDecision.Status.DECIDED
    assert contact.status == Contact.Status.CLOSED
    assert contact.rag == "red"
    referral = Referral.objects.get()
    assert (referral.person, referral.source, referral.contact_child) == (ruby, "2A", contact.children.get())


def test_early_help_opens_a_request_to_the_early_help_team(contact_officer, record, ruby, levels) -> None:
    contact = record(contact_officer, ruby)
    decide(contact.children.get(), contact_officer, levels[2], "early_help", rag="green")
    assert EarlyHelpRequest.objects.get().person == ruby


def test_a_decision_needs_reasons(contact_officer, record, ruby, levels) -> None:
    contact = record(contact_officer, ruby)
    with pytest.raises(ValidationError, match="Enter the reasons for the decision"):
        decide(contact.children.get(), contact_officer, levels[3], "assessment", rationale="  ")


def test_an_outcome_the_level_does_not_allow_is_refused_with_the_reason(contact_officer, record, ruby, levels) -> None:
    contact = record(contact_officer, ruby)
    with pytest.raises(ValidationError, match="Level 1: Universal does not allow 'strategy discussion now'"):
        decide(contact.children.get(), contact_officer, levels[1], "strategy")
    assert not ThresholdDecision.objects.exists()


def test_criteria_must_come_from_the_level_decided(contact_officer, record, ruby, levels) -> None:
    contact = record(contact_officer, ruby)
    with pytest.raises(ValidationError, match="Choose criteria from the level you decided"):
        decide(
            contact.children.get(),
            contact_officer,
            levels[3],
            "assessment",
            criteria=list(levels[4].criteria.all()[:1]),
        )


def test_no_further_action_waits_for_a_manager(contact_officer, team_manager, record, ruby, levels) -> None:
    contact = record(contact_officer, ruby)
    decision = decide(contact.children.get(), contact_officer, levels[1], "nfa", rag="green")
    contact.refresh_from_db()
    assert decision.status == ThresholdDecision.Status.AWAITING_AUTHORISATION
    assert contact.status == Contact.Status.AWAITING_AUTHORISATION
    services.authorise_decision(decision=decision, by=team_manager)
    contact.refresh_from_db()
    assert contact.status == Contact.Status.CLOSED
    assert contact.closed_at is not None


def test_a_returned_decision_reopens_the_contact_for_a_new_decision(
    contact_officer, team_manager, record, ruby, levels
) -> None:
    contact = record(contact_officer, ruby)
    child = contact.children.get()
    first = decide(child, contact_officer, levels[1], "advice", rag="green")
    services.return_decision(decision=first, by=team_manager, comment="Three contacts this year: check with school")
    contact.refresh_from_db()
    assert contact.status == Contact.Status.OPEN
    second = decide(child, contact_officer, levels[3], "assessment")
    contact.refresh_from_db()
    assert contact.status == Contact.Status.CLOSED
    assert list(child.decisions.order_by("decided_at")) == [first, second]
    first.refresh_from_db()
    assert first.manager_comment == "Three contacts this year: check with school"


def test_returning_a_decision_needs_a_comment(contact_officer, team_manager, record, ruby, levels) -> None:
    decision = decide(record(contact_officer, ruby).children.get(), contact_officer, levels[1], "nfa")
    with pytest.raises(ValidationError, match="what the decision-maker should reconsider"):
        services.return_decision(decision=decision, by=team_manager, comment="")


def test_only_managers_authorise_and_never_their_own_decisions(
    contact_officer, record, ruby, levels, service_manager
) -> None:
    contact = record(contact_officer, ruby)
    decision = decide(contact.children.get(), contact_officer, levels[1], "signpost")
    with pytest.raises(PermissionDenied):
        services.authorise_decision(decision=decision, by=contact_officer)
    own = decide(record(service_manager, ruby).children.get(), service_manager, levels[1], "nfa")
    with pytest.raises(PermissionDenied, match="Another manager must agree your own decision"):
        services.authorise_decision(decision=own, by=service_manager)


def test_a_contact_closes_only_when_every_child_is_decided(contact_officer, team_manager, record, ruby, levels) -> None:
    brother = PersonFactory(first_name="Tobi", last_name="Okafor")
    contact = record(contact_officer, ruby, brother)
    ruby_child, tobi_child = contact.children.all()
    decide(ruby_child, contact_officer, levels[3], "assessment")
    contact.refresh_from_db()
    assert contact.status == Contact.Status.OPEN
    advice = decide(tobi_child, contact_officer, levels[1], "advice")
    contact.refresh_from_db()
    assert contact.status == Contact.Status.AWAITING_AUTHORISATION
    services.authorise_decision(decision=advice, by=team_manager)
    contact.refresh_from_db()
    assert contact.status == Contact.Status.CLOSED


def test_a_child_cannot_be_decided_twice(contact_officer, record, ruby, levels) -> None:
    child = record(contact_officer, ruby).children.get()
    decide(child, contact_officer, levels[3], "assessment")
    with pytest.raises(ValidationError, match=r"closed|already has a decision"):
        decide(child, contact_officer, levels[3], "assessment")


def test_passing_to_an_open_case_needs_an_open_case(contact_officer, record, ruby, levels) -> None:
    child = record(contact_officer, ruby).children.get()
    with pytest.raises(ValidationError, match="no open case"):
        decide(child, contact_officer, levels[3], "open_case")
    open_referral(person=ruby, by=contact_officer, referral_date=child.contact.received_at.date(), source="2A")
    decide(child, contact_officer, levels[3], "open_case")
    assert Referral.objects.count() == 1


def test_a_strategy_decision_for_a_child_with_an_open_referral_continues_it(
    contact_officer, record, ruby, levels
) -> None:
    child = record(contact_officer, ruby).children.get()
    open_referral(person=ruby, by=contact_officer, referral_date=child.contact.received_at.date(), source="2A")
    decide(child, contact_officer, levels[4], "strategy", rag="red")
    assert Referral.objects.filter(person=ruby, closed_on=None).count() == 1


def test_every_step_is_in_the_event_log(contact_officer, team_manager, record, ruby, levels) -> None:
    decision = decide(record(contact_officer, ruby).children.get(), contact_officer, levels[1], "nfa")
    services.authorise_decision(decision=decision, by=team_manager)
    kinds = list(Event.objects.order_by("id").values_list("kind", flat=True))
    assert kinds == ["contact.recorded", "contact.decided", "contact.decision_authorised", "contact.closed"]


def decision_form(level, outcome: str, **extra: str) -> dict[str, str]:  # type: ignore[no-untyped-def]
    return {"level": str(level.pk), "outcome": outcome, "rag": "green", "rationale": "Needs met by school", **extra}


def test_closing_a_contact_through_the_pages_needs_a_manager(
    client_for, contact_officer, team_manager, record, ruby, levels
) -> None:
    contact = record(contact_officer, ruby)
    child = contact.children.get()
    officer = client_for(contact_officer)
    response = officer.post(f"/contacts/{contact.pk}/children/{child.pk}/decide/", decision_form(levels[1], "nfa"))
    assert response["Location"] == f"/contacts/{contact.pk}/"
    contact.refresh_from_db()
    assert contact.status == Contact.Status.AWAITING_AUTHORISATION
    decision = ThresholdDecision.objects.get()
    assert officer.post(f"/contacts/decisions/{decision.pk}/review/", {"action": "agree"}).status_code == 403
    manager = client_for(team_manager)
    assert f"/contacts/decisions/{decision.pk}/review/" in manager.get("/contacts/authorisations/").content.decode()
    manager.post(f"/contacts/decisions/{decision.pk}/review/", {"action": "agree", "comment": "Agreed"})
    contact.refresh_from_db()
    assert contact.status == Contact.Status.CLOSED


def test_the_decision_page_refuses_a_level_outcome_mismatch(client_for, contact_officer, record, ruby, levels) -> None:
    contact = record(contact_officer, ruby)
    child = contact.children.get()
    page = (
        client_for(contact_officer)
        .post(f"/contacts/{contact.pk}/children/{child.pk}/decide/", decision_form(levels[1], "assessment"))
        .content.decode()
    )
    assert "does not allow" in page
    assert not ThresholdDecision.objects.exists()


def test_a_returned_decision_shows_in_the_deciders_work(
    client_for, contact_officer, team_manager, record, ruby, levels
) -> None:
    decision = decide(record(contact_officer, ruby).children.get(), contact_officer, levels[1], "nfa")
    client_for(team_manager).post(
        f"/contacts/decisions/{decision.pk}/review/", {"action": "return", "comment": "Speak to the school first"}
    )
    page = client_for(contact_officer).get("/contacts/mine/").content.decode()
    assert "Speak to the school first" in page
