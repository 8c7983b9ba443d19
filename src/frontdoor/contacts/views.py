import uuid
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from frontdoor.accounts.access import require
from frontdoor.accounts.models import LocalAuthority, User
from frontdoor.accounts.roles import Capability
from frontdoor.contacts import queries, services
from frontdoor.contacts.access import get_contact_for_user
from frontdoor.contacts.forms import ContactForm, TellReferrerForm
from frontdoor.contacts.models import Contact, ContactAdult, Rag
from frontdoor.govuk.forms import add_errors
from frontdoor.people.access import can_view_person
from frontdoor.people.forms import SearchForm
from frontdoor.people.models import Person
from frontdoor.people.search import search_people

QUEUE_PAGE_SIZE = 50


def queue(request: HttpRequest) -> HttpResponse:
    user = require(request, Capability.DECIDE_CONTACTS)
    filters = queries.QueueFilters(
        rag=request.GET.get("rag", ""),
        status=request.GET.get("status", ""),
        who=request.GET.get("who", ""),
        overdue=request.GET.get("overdue") == "yes",
    )
    # A page at a time, most urgent first: nobody works down 300 rows, and each row costs its clocks and render.
    page = queries.duty_queue_page(user=user, filters=filters, number=request.GET.get("page"), size=QUEUE_PAGE_SIZE)
    context = {
        "rows": page.object_list,
        "page_obj": page,
        "query": urlencode({k: v for k, v in request.GET.items() if k != "page"}),
        "filters": filters,
        "rags": Rag.choices,
        "statuses": Contact.Status.choices[:2],
    }
    return render(request, "contacts/queue.html", context)


def my_work(request: HttpRequest) -> HttpResponse:
    user = require(request, Capability.DECIDE_CONTACTS)
    rows = queries.duty_queue(user=user, filters=queries.QueueFilters(who="mine"))
    context = {"rows": rows, "returned": queries.returned_to(user)}
    return render(request, "contacts/my_work.html", context)


@dataclass
class WhoItIsAbout:
    """The children and adults chosen so far, carried in the query string until the contact is saved."""

    children: list[Person] = field(default_factory=list)
    adults: list[tuple[Person, str]] = field(default_factory=list)

    @classmethod
    def read(cls, data: QueryDict, user: User) -> "WhoItIsAbout":
        child_ids = [int(v) for v in [*data.getlist("child"), data.get("added", "")] if v.isdigit()]
        adult_ids = [int(v) for v in data.getlist("adult") if v.isdigit()]
        people = Person.objects.in_bulk(child_ids + adult_ids)
        visible = {pid: p for pid, p in people.items() if can_view_person(user, p) and not p.merged_into_id}
        children = list(dict.fromkeys(visible[pid] for pid in child_ids if pid in visible))
        adults = [
            (visible[pid], data.get(f"role_{pid}", ContactAdult.Role.PARENT))
            for pid in dict.fromkeys(adult_ids)
            if pid in visible and visible[pid] not in children
        ]
        return cls(children, adults)

    def query(self, **extra: object) -> str:
        """The query string that keeps this choice, with a change."""
        data = QueryDict(mutable=True)
        for person in self.children:
            data.appendlist("child", str(person.pk))
        for person, role in self.adults:
            data.appendlist("adult", str(person.pk))
            data[f"role_{person.pk}"] = role
        for key, value in extra.items():
            if isinstance(value, list):
                data.setlist(key, [str(v) for v in value])
            else:
                data[key] = str(value)
        return data.urlencode()


def _choice_links(who: WhoItIsAbout, search: QueryDict) -> dict[str, object]:
    keep = {k: search.get(k, "") for k in ("q", "dob_day", "dob_month", "dob_year", "postcode") if search.get(k)}
    child_ids = [p.pk for p in who.children]
    adult_ids = [p.pk for p, _ in who.adults]
    return {
        "add_child": lambda pid: who.query(child=[*child_ids, pid], **keep),
        "add_adult": lambda pid: who.query(adult=[*adult_ids, pid], **keep),
        "remove_child": {p.pk: who.query(child=[c for c in child_ids if c != p.pk], **keep) for p in who.children},
        "remove_adult": {p.pk: who.query(adult=[a for a in adult_ids if a != p.pk], **keep) for p, _ in who.adults},
    }


def record(request: HttpRequest) -> HttpResponse:
    """A new contact, taken while the caller is on the phone: find the children, then the concern."""
    user = require(request, Capability.RECORD_CONTACTS)
    who = WhoItIsAbout.read(request.POST if request.method == "POST" else request.GET, user)
    search = SearchForm(request.GET if "q" in request.GET else None)
    outcome = search_people(user=user, query=search.query()) if search.is_bound and search.is_valid() else None
    now = timezone.localtime()
    initial = {"received_on": now.date(), "received_time": f"{now:%H:%M}", "idempotency_key": uuid.uuid4().hex}
    form = ContactForm(request.POST or None, initial=initial, has_children=bool(who.children))
    if form.is_valid():
        try:
            contact = services.record_contact(by=user, **_contact_details(form, who))
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, f"Contact {contact.reference} recorded")
            if "decide" in request.POST and (first := contact.children.first()):
                return redirect("contacts:decide", contact_id=contact.pk, child_id=first.pk)
            return redirect(contact)
    return render(request, "contacts/record.html", _record_context(request, form, search, outcome, who))


def _record_context(
    request: HttpRequest, form: ContactForm, search: SearchForm, outcome: object, who: WhoItIsAbout
) -> dict[str, object]:
    links = _choice_links(who, request.GET)
    found = getattr(outcome, "results", [])
    results = [(r, links["add_child"](r.person.pk), links["add_adult"](r.person.pk)) for r in found]  # type: ignore[operator]
    # Adding someone new returns here with them chosen (the people page adds "added=<id>").
    create = QueryDict(mutable=True)
    for key in ("q", "dob_day", "dob_month", "dob_year", "postcode"):
        if request.GET.get(key):
            create[key] = request.GET[key]
    create["searched"] = "1"
    create["next_step"] = f"{reverse('contacts:new')}?{who.query()}"
    remove_child, remove_adult = links["remove_child"], links["remove_adult"]
    assert isinstance(remove_child, dict) and isinstance(remove_adult, dict)
    return {
        "form": form,
        "search": search,
        "outcome": outcome,
        "results": results,
        "chosen_children": [(person, remove_child[person.pk]) for person in who.children],
        "chosen_adults": [(person, role, remove_adult[person.pk]) for person, role in who.adults],
        "roles": ContactAdult.Role.choices,
        "create_url": f"{reverse('people:create')}?{create.urlencode()}",
        "live": bool(request.headers.get("HX-Request")),
    }


def _contact_details(form: ContactForm, who: WhoItIsAbout) -> dict[str, Any]:
    data = form.cleaned_data
    children = [services.ChildOnContact(person=person) for person in who.children]
    if data["unidentified_details"].strip():
        children.append(
            services.ChildOnContact(unidentified_details=data["unidentified_details"], follow_up=data["follow_up"])
        )
    return {
        "received_at": data["received_at"],
        "channel": data["channel"],
        "source": data["source"],
        "referrer": services.Referrer(
            data["referrer_name"],
            data["referrer_role"],
            data["referrer_organisation"],
            data["referrer_phone"],
            data["referrer_email"],
        ),
        "children": children,
        "adults": [services.AdultOnContact(person, role) for person, role in who.adults],
        "concern": data["concern"],
        "categories": data["categories"],
        "immediate_danger": data["immediate_danger"] == "yes",
        "childs_views": data["childs_views"],
        "rag": data["rag"],
        "family_aware": data["family_aware"],
        "consent": data["consent"],
        "call_id": data["call_id"],
        "idempotency_key": data["idempotency_key"],
    }


def detail(request: HttpRequest, contact_id: int) -> HttpResponse:
    contact = get_contact_for_user(request, contact_id, viewed="contact page")
    user = request.user
    assert isinstance(user, User)
    context = {
        "contact": contact,
        "children": [
            (child, queries.standing_decision(child), getattr(child, "all_decisions"))  # noqa: B009
            for child in queries.children_with_decisions(contact)
        ],
        "adults": contact.adults.select_related("person"),
        "clock": queries.decision_clock(contact, council=LocalAuthority.load(), now=timezone.now()),
        "working_on_it": contact.picked_up_by if services.pick_up_is_current(contact) else None,
        "tell_form": TellReferrerForm(
            initial={"told_on": timezone.localdate(), "told_time": f"{timezone.localtime():%H:%M}"}
        ),
        "can_decide": user.can(Capability.DECIDE_CONTACTS),
    }
    return render(request, "contacts/detail.html", context)


@require_POST
def pick_up(request: HttpRequest, contact_id: int) -> HttpResponse:
    user = require(request, Capability.DECIDE_CONTACTS)
    contact = get_contact_for_user(request, contact_id, viewed="pick up contact")
    try:
        services.pick_up(contact=contact, by=user)
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(request, f"You are working on contact {contact.reference}")
    if request.POST.get("back") == "queue":
        return redirect("contacts:queue")
    return redirect(contact)


@require_POST
def release(request: HttpRequest, contact_id: int) -> HttpResponse:
    user = require(request, Capability.DECIDE_CONTACTS)
    contact = get_contact_for_user(request, contact_id, viewed="release contact")
    services.release(contact=contact, by=user)
    messages.success(request, f"Contact {contact.reference} is free for someone else")
    return redirect("contacts:queue")


def tell_referrer(request: HttpRequest, contact_id: int) -> HttpResponse:
    user = require(request, Capability.RECORD_CONTACTS)
    contact = get_contact_for_user(request, contact_id, viewed="tell the referrer")
    form = TellReferrerForm(request.POST or None)
    if form.is_valid():
        try:
            services.tell_referrer(
                contact=contact, by=user, how=form.cleaned_data["how"], told_at=form.cleaned_data["told_at"]
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, "Recorded that the referrer has been told")
            return redirect(contact)
    return render(request, "contacts/tell_referrer.html", {"contact": contact, "form": form})
