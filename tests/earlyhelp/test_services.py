"""Early help's rules: consent before work, dates that make sense, one closure, step up to the front door."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from frontdoor.accounts.models import User
from frontdoor.codes import ReferralSource
from frontdoor.contacts.models import Contact
from frontdoor.earlyhelp import services
from frontdoor.earlyhelp.models import EarlyHelpEpisode, EarlyHelpRequest
from frontdoor.earlyhelp.services import Attendee
from frontdoor.people.models import Person
from frontdoor.records.models import Event
from tests.earlyhelp.conftest import days_ago


def test_a_partner_request_is_recorded_with_its_agency_and_referrer(practitioner: User, child: Person) -> None:
    made = services.record_partner_request(
        person=child,
        by=practitioner,
        agency="Northgate School",
        referrer_name="Sam Ali",
        reason="Attendance",
        requested_on=days_ago(1),
    )
    assert (made.route, made.agency, made.status) == ("partner", "Northgate School", "open")
    assert Event.objects.get(kind="early_help.requested").child == child


def test_a_partner_request_needs_the_agency_and_cannot_be_dated_in_the_future(
    practitioner: User, child: Person
) -> None:
    with pytest.raises(ValidationError) as refused:
        services.record_partner_request(
            person=child, by=practitioner, agency=" ", referrer_name="Sam", reason="R", requested_on=days_ago(-1)
        )
    assert set(refused.value.message_dict) == {"agency", "requested_on"}


def test_only_the_early_help_team_and_managers_take_requests(social_worker: User, child: Person) -> None:
    with pytest.raises(PermissionDenied, match="Only the early help team"):
        services.record_partner_request(
            person=child, by=social_worker, agency="A", referrer_name="B", reason="C", requested_on=days_ago(0)
        )


def test_accepting_opens_an_episode_waiting_for_consent(waiting: EarlyHelpEpisode) -> None:
    assert waiting.status == EarlyHelpEpisode.Status.WAITING
    assert waiting.request.status == EarlyHelpRequest.Status.ACCEPTED
    with pytest.raises(ValidationError, match="already accepted"):
        services.accept_request(request=waiting.request, by=waiting.accepted_by)


def test_a_request_is_declined_only_with_a_reason(council: object, practitioner: User, child: Person) -> None:
    request = services.request_early_help(person=child, by=practitioner, requested_on=days_ago(3))
    with pytest.raises(ValidationError, match="Say why"):
        services.decline_request(request=request, by=practitioner, reason=" ")
    services.decline_request(request=request, by=practitioner, reason="Already supported by school")
    request.refresh_from_db()
    assert (request.status, request.decline_reason) == ("declined", "Already supported by school")


def test_an_episode_does_not_start_without_consent_or_a_reason(waiting: EarlyHelpEpisode, practitioner: User) -> None:
    with pytest.raises(ValidationError, match="only with the family's consent"):
        services.start_episode(episode=waiting, by=practitioner, started_on=days_ago(5))
    started = services.start_episode(
        episode=waiting, by=practitioner, started_on=days_ago(5), no_consent_reason="Young person, 16, consented"
    )
    assert started.status == EarlyHelpEpisode.Status.OPEN and started.consent_given_on is None


def test_an_episode_starts_neither_in_the_future_nor_before_the_request(
    waiting: EarlyHelpEpisode, practitioner: User
) -> None:
    for day, rule in ((days_ago(-2), "today or in the past"), (days_ago(90), "on or after the request")):
        with pytest.raises(ValidationError, match=rule):
            services.start_episode(
                episode=waiting, by=practitioner, started_on=day, consent_given_by="Mother", consent_given_on=day
            )


def test_no_work_is_recorded_before_the_episode_starts(waiting: EarlyHelpEpisode, practitioner: User) -> None:
    with pytest.raises(ValidationError, match="Start the episode with the family's consent first"):
        services.record_assessment(
            episode=waiting, by=practitioner, started_on=days_ago(1), completed_on=None, organisation="EH", needs="N"
        )


def test_an_assessment_completes_after_it_starts_and_not_in_the_future(
    episode: EarlyHelpEpisode, practitioner: User
) -> None:
    with pytest.raises(ValidationError, match="completed on or after the day it started"):
        services.record_assessment(
            episode=episode,
            by=practitioner,
            started_on=days_ago(10),
            completed_on=days_ago(20),
            organisation="EH",
            needs="N",
        )
    with pytest.raises(ValidationError, match="today or in the past"):
        services.record_assessment(
            episode=episode,
            by=practitioner,
            started_on=days_ago(10),
            completed_on=days_ago(-3),
            organisation="EH",
            needs="N",
        )


def test_an_assessment_is_recorded_then_completed(episode: EarlyHelpEpisode, practitioner: User) -> None:
    services.record_assessment(
        episode=episode,
        by=practitioner,
        started_on=days_ago(40),
        completed_on=None,
        organisation="Family hub",
        needs="Routines",
    )
    done = services.record_assessment(
        episode=episode,
        by=practitioner,
        started_on=days_ago(40),
        completed_on=days_ago(20),
        organisation="Family hub",
        needs="Routines",
    )
    assert done.completed_on == days_ago(20)
    kinds = Event.objects.filter(kind__startswith="early_help.assessment").values_list("kind", flat=True)
    assert sorted(kinds) == ["early_help.assessment_recorded", "early_help.assessment_updated"]


def test_changing_the_lead_professional_keeps_the_last_one_in_the_history(
    episode: EarlyHelpEpisode, practitioner: User
) -> None:
    services.appoint_lead_professional(
        episode=episode, by=practitioner, name="Ann Lee", agency="School", role="DSL", started_on=days_ago(45)
    )
    with pytest.raises(ValidationError, match="Ann Lee has been lead professional since"):
        services.appoint_lead_professional(
            episode=episode, by=practitioner, name="Bo", agency="Health", role="HV", started_on=days_ago(48)
        )
    services.appoint_lead_professional(
        episode=episode,
        by=practitioner,
        name="Bo Kay",
        agency="Health visiting",
        role="Health visitor",
        started_on=days_ago(10),
    )
    history = list(episode.lead_professionals.order_by("started_on").values_list("name", "ended_on"))
    assert history == [("Ann Lee", days_ago(10)), ("Bo Kay", None)]
    assert episode.lead_professional is not None and episode.lead_professional.name == "Bo Kay"


def test_a_taf_meeting_is_not_before_the_episode_starts_and_names_each_agency(
    episode: EarlyHelpEpisode, practitioner: User
) -> None:
    with pytest.raises(ValidationError, match="on or after the episode started"):
        services.record_taf_meeting(
            episode=episode, by=practitioner, held_on=days_ago(55), attendees=[Attendee("Mum", "Family")], summary="S"
        )
    with pytest.raises(ValidationError, match="Give the agency"):
        services.record_taf_meeting(
            episode=episode, by=practitioner, held_on=days_ago(30), attendees=[Attendee("Mum", "")], summary="S"
        )
    meeting = services.record_taf_meeting(
        episode=episode,
        by=practitioner,
        held_on=days_ago(30),
        attendees=[Attendee("Mum", "Family"), Attendee("Sam Ali", "School")],
        summary="Plan agreed",
    )
    assert sorted(meeting.attendees.values_list("agency", flat=True)) == ["Family", "School"]


def test_the_plan_sets_its_first_review_and_each_review_sets_the_next(
    episode: EarlyHelpEpisode, practitioner: User
) -> None:
    with pytest.raises(ValidationError, match="Agree the family plan before reviewing it"):
        services.review_plan(
            episode=episode, by=practitioner, reviewed_on=days_ago(1), progress="P", next_review_on=days_ago(-30)
        )
    services.add_plan_action(
        episode=episode, by=practitioner, outcome="Attendance", action="Routine", owner="School", due_on=days_ago(-20)
    )
    episode.refresh_from_db()
    assert episode.next_review_on == days_ago(-42)
    with pytest.raises(ValidationError, match="next review is after this one"):
        services.review_plan(
            episode=episode, by=practitioner, reviewed_on=days_ago(1), progress="P", next_review_on=days_ago(1)
        )
    services.review_plan(
        episode=episode, by=practitioner, reviewed_on=days_ago(1), progress="Better", next_review_on=days_ago(-50)
    )
    episode.refresh_from_db()
    assert episode.next_review_on == days_ago(-50)


def test_closing_with_needs_met_closes_the_request_and_cannot_happen_twice(
    episode: EarlyHelpEpisode, practitioner: User
) -> None:
    services.appoint_lead_professional(
        episode=episode, by=practitioner, name="Ann Lee", agency="School", role="DSL", started_on=days_ago(45)
    )
    closed = services.close_episode(episode=episode, by=practitioner, closed_on=days_ago(1), outcome="needs_met")
    assert closed.status == "closed" and closed.request.status == EarlyHelpRequest.Status.CLOSED
    assert not closed.lead_professionals.filter(ended_on=None).exists()
    with pytest.raises(ValidationError, match="already closed"):
        services.close_episode(episode=episode, by=practitioner, closed_on=days_ago(0), outcome="needs_met")
    assert Event.objects.filter(kind="early_help.closed").count() == 1


def test_closure_dates_are_not_in_the_future_nor_before_the_start(
    episode: EarlyHelpEpisode, practitioner: User
) -> None:
    for day, rule in ((days_ago(-1), "today or in the past"), (days_ago(51), "on or after it began")):
        with pytest.raises(ValidationError, match=rule):
            services.close_episode(episode=episode, by=practitioner, closed_on=day, outcome="withdrew")


def test_a_step_up_needs_a_reason(episode: EarlyHelpEpisode, practitioner: User) -> None:
    with pytest.raises(ValidationError, match="Say why the family needs children's social care"):
        services.close_episode(episode=episode, by=practitioner, closed_on=days_ago(0), outcome="step_up", reason=" ")
    assert not Contact.objects.exists()


def test_a_step_up_opens_a_contact_carrying_the_episodes_history(episode: EarlyHelpEpisode, practitioner: User) -> None:
    services.record_assessment(
        episode=episode,
        by=practitioner,
        started_on=days_ago(45),
        completed_on=days_ago(30),
        organisation="Family hub",
        needs="Neglect of routines",
    )
    services.appoint_lead_professional(
        episode=episode, by=practitioner, name="Ann Lee", agency="Northgate School", role="DSL", started_on=days_ago(45)
    )
    services.record_taf_meeting(
        episode=episode, by=practitioner, held_on=days_ago(20), attendees=[Attendee("Mum", "Family")], summary="Agreed"
    )
    services.add_plan_action(
        episode=episode, by=practitioner, outcome="Attendance", action="Routine", owner="School", due_on=days_ago(-5)
    )
    closed = services.close_episode(
        episode=episode, by=practitioner, closed_on=days_ago(0), outcome="step_up", reason="Bruising seen at school"
    )
    contact = closed.stepped_up_to
    assert contact is not None and contact.source == ReferralSource.LA_EARLY_HELP
    assert contact.children.get().person == episode.person
    assert (contact.referrer_name, contact.referrer_organisation) == ("Ann Lee", "Northgate School")
    for told in ("Bruising seen at school", "Family hub", "Neglect of routines", "Ann Lee", "Agreed", "Routine"):
        assert told in contact.concern
    assert Event.objects.filter(kind="early_help.stepped_up", child=episode.person).count() == 1
    assert Event.objects.filter(kind="contact.recorded", child=episode.person).count() == 1
