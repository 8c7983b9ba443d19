"""The front door's API: partner systems send contacts; case systems read them and record decisions."""

from typing import Any

from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import Exists, OuterRef, QuerySet
from drf_spectacular.utils import OpenApiParameter, extend_schema, inline_serializer
from rest_framework import serializers, status
from rest_framework.decorators import api_view
from rest_framework.pagination import PageNumberPagination
from rest_framework.request import Request
from rest_framework.response import Response

from frontdoor.accounts.models import User
from frontdoor.accounts.roles import Capability
from frontdoor.api.problems import PROBLEM_RESPONSES
from frontdoor.api.requests import acting_user_who_can
from frontdoor.codes import ReferralSource
from frontdoor.contacts import queries, services
from frontdoor.contacts.access import get_contact_child_for_user, get_contact_for_user
from frontdoor.contacts.models import (
    Channel,
    ConcernCategory,
    Consent,
    Contact,
    ContactAdult,
    ContactChild,
    FamilyAware,
    Outcome,
    Rag,
    ThresholdCriterion,
    ThresholdDecision,
    ThresholdLevel,
)
from frontdoor.people.access import restricted_ids_visible_to
from frontdoor.people.models import Person


class DecisionSerializer(serializers.ModelSerializer):
    level = serializers.IntegerField(source="level.number")
    decided_by = serializers.CharField(source="decided_by.username")

    class Meta:
        model = ThresholdDecision
        fields = ["id", "level", "outcome", "rag", "rationale", "status", "decided_by", "decided_at", "manager_comment"]


class ContactChildSerializer(serializers.ModelSerializer):
    decisions = serializers.SerializerMethodField()

    class Meta:
        model = ContactChild
        fields = ["id", "person", "unidentified_details", "follow_up", "decisions"]

    def get_decisions(self, child: ContactChild) -> list[dict[str, Any]]:
        loaded = getattr(child, "all_decisions", None)
        decisions = loaded if loaded is not None else child.decisions.select_related("level", "decided_by")
        return DecisionSerializer(decisions, many=True).data  # type: ignore[return-value]


class ContactSerializer(serializers.ModelSerializer):
    reference = serializers.CharField(read_only=True)
    children = serializers.SerializerMethodField()

    class Meta:
        model = Contact
        fields = [
            "id",
            "reference",
            "received_at",
            "channel",
            "source",
            "referrer_name",
            "referrer_role",
            "referrer_organisation",
            "referrer_phone",
            "referrer_email",
            "family_aware",
            "consent",
            "concern",
            "categories",
            "immediate_danger",
            "childs_views",
            "rag",
            "out_of_hours",
            "status",
            "closed_at",
            "children",
        ]

    def get_children(self, contact: Contact) -> list[dict[str, Any]]:
        loaded = getattr(contact, "all_children", None)
        return ContactChildSerializer(loaded if loaded is not None else contact.children.all(), many=True).data  # type: ignore[return-value]


class ChildIn(serializers.Serializer):
    person = serializers.IntegerField(required=False, help_text="A person's ID, found with the people search")
    unidentified_details = serializers.CharField(required=False, allow_blank=True)
    follow_up = serializers.CharField(required=False, allow_blank=True)


class AdultIn(serializers.Serializer):
    person = serializers.IntegerField()
    role = serializers.ChoiceField(choices=ContactAdult.Role.choices)


class ReferrerIn(serializers.Serializer):
    name = serializers.CharField(required=False, allow_blank=True, default="")
    role = serializers.CharField(required=False, allow_blank=True, default="")
    organisation = serializers.CharField(required=False, allow_blank=True, default="")
    phone = serializers.CharField(required=False, allow_blank=True, default="")
    email = serializers.EmailField(required=False, allow_blank=True, default="")


class ContactIn(serializers.Serializer):
    received_at = serializers.DateTimeField(help_text="ISO 8601 with an offset: when the concern first came in")
    channel = serializers.ChoiceField(choices=Channel.choices)
    source = serializers.ChoiceField(choices=ReferralSource.choices)  # type: ignore[assignment]  # DRF moves declared fields aside
    referrer = ReferrerIn(required=False)
    children = ChildIn(many=True)
    adults = AdultIn(many=True, required=False)
    concern = serializers.CharField()
    categories = serializers.ListField(child=serializers.ChoiceField(choices=ConcernCategory.choices), required=False)
    immediate_danger = serializers.BooleanField(default=False)
    childs_views = serializers.CharField(required=False, allow_blank=True, default="")
    rag = serializers.ChoiceField(choices=Rag.choices, default=Rag.GREEN)
    family_aware = serializers.ChoiceField(choices=FamilyAware.choices, default=FamilyAware.NOT_KNOWN)
    consent = serializers.ChoiceField(choices=Consent.choices, default=Consent.NOT_KNOWN)
    call_id = serializers.CharField(required=False, allow_blank=True, default="")


class DecisionIn(serializers.Serializer):
    level = serializers.IntegerField(help_text="The level's number in the council's model")
    outcome = serializers.ChoiceField(choices=Outcome.choices)
    rationale = serializers.CharField()
    rag = serializers.ChoiceField(choices=Rag.choices)
    criteria = serializers.ListField(child=serializers.IntegerField(), required=False)


def _user(request: Request) -> User:
    user = request.user
    assert isinstance(user, User)
    return user


def _people(user: User, ids: list[int]) -> dict[int, Person]:
    """The people a contact names, each one this user may see; an unknown or hidden ID is a field error."""
    from frontdoor.people.access import can_view_person

    found = Person.objects.in_bulk(ids)
    missing = [pid for pid in ids if pid not in found or not can_view_person(user, found[pid])]
    if missing:
        raise serializers.ValidationError({"children": [f"No person you can see has the ID {missing[0]}"]})
    return found


# The list is paginated (DRF's page number pagination), so the schema describes the page around it.
PAGE_OF_CONTACTS = inline_serializer(
    name="PaginatedContactList",
    fields={
        "count": serializers.IntegerField(),
        "next": serializers.URLField(allow_null=True),
        "previous": serializers.URLField(allow_null=True),
        "results": ContactSerializer(many=True),
    },
)


def visible_contacts(user: User) -> QuerySet[Contact]:
    """Contacts whose every child this user may see."""
    restricted = ContactChild.objects.filter(contact=OuterRef("pk"), person__is_restricted=True)
    granted = restricted_ids_visible_to(user, Person.objects.filter(is_restricted=True).values_list("id", flat=True))
    return Contact.objects.exclude(Exists(restricted.exclude(person_id__in=granted)))


@extend_schema(
    methods=["GET"],
    # Named as a list: drf-spectacular names it so only for a bare array, and the page is not one.
    operation_id="contacts_list",
    parameters=[OpenApiParameter("status", enum=Contact.Status.values, required=False)],
    responses={200: PAGE_OF_CONTACTS, **PROBLEM_RESPONSES},
    description="Contacts, newest first, with their children and decisions, a page at a time.",
)
@extend_schema(
    methods=["POST"],
    request=ContactIn,
    parameters=[
        OpenApiParameter(
            "Idempotency-Key",
            location=OpenApiParameter.HEADER,
            required=False,
            description="Send the same key again (a retry) and get the same contact back",
        )
    ],
    responses={201: ContactSerializer, 200: ContactSerializer, **PROBLEM_RESPONSES},
    description="Record a contact. With an Idempotency-Key, a retry answers 200 with the contact already made.",
)
@api_view(["GET", "POST"])
def contacts(request: Request) -> Response:
    user = _user(request)
    if request.method == "POST":
        return _create(request, user)
    if not user.can(Capability.VIEW_CHILDREN):
        raise PermissionDenied("You do not have access to contacts")
    found = visible_contacts(user)
    if wanted := request.query_params.get("status"):
        found = found.filter(status=wanted)
    paginator = PageNumberPagination()
    page = paginator.paginate_queryset(queries.with_children(found.order_by("-received_at", "-id")), request)
    return paginator.get_paginated_response(ContactSerializer(page, many=True).data)


def _create(request: Request, user: User) -> Response:
    # Partners refer through the portal, which asks for consent and keeps their feedback; not here.
    if not user.can(Capability.RECORD_CONTACTS):
        raise PermissionDenied("Your role cannot record contacts")
    body = ContactIn(data=request.data)
    body.is_valid(raise_exception=True)
    data = body.validated_data
    key = request.headers.get("Idempotency-Key", "").strip() or None
    if key and (existing := Contact.objects.filter(idempotency_key=key).first()):
        return Response(ContactSerializer(existing).data, status=status.HTTP_200_OK)
    ids = [c["person"] for c in data["children"] if c.get("person")] + [a["person"] for a in data.get("adults", [])]
    people = _people(user, ids)
    try:
        contact = services.record_contact(
            by=user,
            received_at=data["received_at"],
            channel=data["channel"],
            source=data["source"],
            referrer=services.Referrer(**data.get("referrer", {})),
            children=[
                services.ChildOnContact(
                    people.get(c.get("person")), c.get("unidentified_details", ""), c.get("follow_up", "")
                )
                for c in data["children"]
            ],
            adults=[services.AdultOnContact(people[a["person"]], a["role"]) for a in data.get("adults", [])],
            concern=data["concern"],
            categories=data.get("categories", []),
            immediate_danger=data["immediate_danger"],
            childs_views=data["childs_views"],
            rag=data["rag"],
            family_aware=data["family_aware"],
            consent=data["consent"],
            call_id=data["call_id"],
            idempotency_key=key,
        )
    except DjangoValidationError as error:
        raise serializers.ValidationError(error.message_dict) from None
    return Response(ContactSerializer(contact).data, status=status.HTTP_201_CREATED)


@extend_schema(responses={200: ContactSerializer, **PROBLEM_RESPONSES})
@api_view(["GET"])
def contact_detail(request: Request, contact_id: int) -> Response:
    """One contact with its children and decisions; each child's read is logged."""
    contact = get_contact_for_user(request, contact_id, viewed="contact (API)")
    loaded = queries.with_children(Contact.objects.filter(pk=contact.pk)).get()
    return Response(ContactSerializer(loaded).data)


@extend_schema(request=DecisionIn, responses={201: DecisionSerializer, **PROBLEM_RESPONSES})
@api_view(["POST"])
def decision(request: Request, contact_id: int, child_id: int) -> Response:
    """Record the decision for one child. Closing outcomes wait for a manager, as on the pages."""
    user = acting_user_who_can(request, Capability.DECIDE_CONTACTS, "Your role cannot decide contacts")
    child = get_contact_child_for_user(request, contact_id, child_id, viewed="decision (API)")
    body = DecisionIn(data=request.data)
    body.is_valid(raise_exception=True)
    data = body.validated_data
    level = ThresholdLevel.objects.filter(number=data["level"]).first()
    if level is None:
        raise serializers.ValidationError({"level": [f"The council's model has no level {data['level']}"]})
    criteria = list(ThresholdCriterion.objects.filter(pk__in=data.get("criteria", [])))
    try:
        made = services.decide(
            contact_child=child,
            by=user,
            level=level,
            outcome=data["outcome"],
            rationale=data["rationale"],
            rag=data["rag"],
            criteria=criteria,
        )
    except DjangoValidationError as error:
        raise serializers.ValidationError(error.message_dict) from None
    return Response(DecisionSerializer(made).data, status=status.HTTP_201_CREATED)
