from typing import Any

from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from drf_spectacular.utils import OpenApiResponse, extend_schema, inline_serializer
from rest_framework import serializers, status
from rest_framework.decorators import api_view
from rest_framework.request import Request
from rest_framework.response import Response

from frontdoor.accounts.models import User
from frontdoor.accounts.roles import Capability
from frontdoor.api.problems import PROBLEM_CONTENT_TYPE, PROBLEM_RESPONSES, Problem, problem
from frontdoor.api.serializers import ReadOnlyChoicesMayBeBlank
from frontdoor.codes import Disability, Ethnicity, Sex, UpnUnknownReason
from frontdoor.people import services
from frontdoor.people.access import get_person_for_user, get_person_to_edit
from frontdoor.people.duplicates import likely_duplicates_of
from frontdoor.people.matching import Candidate, PartialDate
from frontdoor.people.models import ImmigrationStatus, Person
from frontdoor.people.search import SearchQuery, search_people
from frontdoor.records.concurrency import StaleRecordError


class PersonSerializer(ReadOnlyChoicesMayBeBlank):
    disabilities = serializers.ListField(child=serializers.ChoiceField(choices=Disability.choices), required=False)
    sex = serializers.ChoiceField(choices=Sex.choices, required=False)
    ethnicity = serializers.ChoiceField(choices=Ethnicity.choices, required=False)
    immigration_status = serializers.ChoiceField(choices=ImmigrationStatus.choices, required=False, allow_blank=True)
    upn_unknown_reason = serializers.ChoiceField(choices=UpnUnknownReason.choices, required=False, allow_blank=True)

    class Meta:
        model = Person
        fields = [
            "id",
            "la_child_id",
            "version",
            *services.PERSON_FIELDS,
            "is_restricted",
            "merged_into",
        ]
        read_only_fields = ["id", "la_child_id", "version", "is_restricted", "merged_into"]
        # The people services check identifiers and uniqueness, with field-named messages.
        validators: list[Any] = []
        extra_kwargs: dict[str, dict[str, Any]] = {"nhs_number": {"validators": []}, "upn": {"validators": []}}


class CreatePersonSerializer(PersonSerializer):
    not_duplicate_of = serializers.ListField(
        child=serializers.IntegerField(),
        required=False,
        write_only=True,
        help_text="IDs of the likely duplicates you were shown (in a 409) and checked are other people",
    )

    class Meta(PersonSerializer.Meta):
        fields = [*PersonSerializer.Meta.fields, "not_duplicate_of"]


class UpdatePersonSerializer(PersonSerializer):
    version = serializers.IntegerField(help_text="The version you read; a stale one is refused with 409")

    class Meta(PersonSerializer.Meta):
        read_only_fields = ["id", "la_child_id", "is_restricted", "merged_into"]


class SearchParameters(serializers.Serializer):
    q = serializers.CharField(required=False, allow_blank=True, help_text="Name, NHS number, UPN or LA child ID")
    dob_day = serializers.IntegerField(required=False, min_value=1, max_value=31)
    dob_month = serializers.IntegerField(required=False, min_value=1, max_value=12)
    dob_year = serializers.IntegerField(required=False, min_value=1900, max_value=2200)
    postcode = serializers.CharField(required=False, allow_blank=True)


SearchResults = inline_serializer(
    name="SearchResult",
    many=True,
    fields={
        "id": serializers.IntegerField(),
        "restricted": serializers.BooleanField(),
        "score": serializers.FloatField(),
        "reasons": serializers.ListField(child=serializers.CharField()),
        "person": PersonSerializer(allow_null=True),
    },
)


def _user(request: Request) -> User:
    user = request.user
    assert isinstance(user, User)
    return user


def _field_messages(error: DjangoValidationError) -> dict[str, list[str]]:
    return error.message_dict if hasattr(error, "error_dict") else {"non_field_errors": error.messages}


@extend_schema(
    methods=["GET"],
    parameters=[SearchParameters],
    responses={200: SearchResults, **PROBLEM_RESPONSES},
    description="Find people by name (misspelt, nickname, other names), date of birth, postcode or identifier.",
)
@extend_schema(
    methods=["POST"],
    request=CreatePersonSerializer,
    responses={
        201: PersonSerializer,
        409: OpenApiResponse(Problem, description="Likely duplicates: check them and send not_duplicate_of"),
        **PROBLEM_RESPONSES,
    },
    description="Add a person. If likely duplicates exist, answers 409 with them until you send their IDs "
    "in not_duplicate_of.",
)
@api_view(["GET", "POST"])
def people(request: Request) -> Response:
    return create(request) if request.method == "POST" else search(request)


def search(request: Request) -> Response:
    user = _user(request)
    if not user.can(Capability.VIEW_CHILDREN):
        raise PermissionDenied("You do not have access to people's records")
    params = SearchParameters(data=request.query_params)
    params.is_valid(raise_exception=True)
    data = params.validated_data
    query = SearchQuery(
        text=data.get("q", ""),
        dob=PartialDate(data.get("dob_day"), data.get("dob_month"), data.get("dob_year")),
        postcode=data.get("postcode", ""),
    )
    outcome = search_people(user=user, query=query)
    return Response(
        [
            {
                "id": result.person.pk,
                "restricted": result.hidden,
                "score": result.score,
                "reasons": list(result.reasons),
                "person": None if result.hidden else PersonSerializer(result.person).data,
            }
            for result in outcome.results
        ]
    )


def _conflict(detail: str, **extra: Any) -> Response:
    return Response(problem(409, detail, **extra), status=status.HTTP_409_CONFLICT, content_type=PROBLEM_CONTENT_TYPE)


def create(request: Request) -> Response:
    user = _user(request)
    if not user.can(Capability.EDIT_PEOPLE):
        raise PermissionDenied("Your role cannot add people")
    body = CreatePersonSerializer(data=request.data)
    body.is_valid(raise_exception=True)
    details = {k: v for k, v in body.validated_data.items() if k in services.PERSON_FIELDS}
    candidate = Candidate(
        0,
        [(details.get("first_name", ""), details.get("last_name", ""), False)],
        details.get("date_of_birth"),
        details.get("expected_date_of_birth"),
        details.get("sex", "U"),
        details.get("middle_names", ""),
        set(),
        details.get("nhs_number", ""),
        details.get("upn", ""),
    )
    duplicates = likely_duplicates_of(candidate)
    unchecked = [m for m in duplicates if m.person_id not in set(body.validated_data.get("not_duplicate_of", []))]
    if unchecked:
        return _conflict(
            "These people may already be the person you are adding",
            duplicates=[{"id": m.person_id, "score": m.score, "reasons": list(m.reasons)} for m in unchecked],
        )
    try:
        person = services.create_person(by=user, details=details, not_duplicates_of=duplicates)
    except DjangoValidationError as error:
        raise serializers.ValidationError(_field_messages(error)) from None
    return Response(PersonSerializer(person).data, status=status.HTTP_201_CREATED)


@extend_schema(
    methods=["GET"], responses={200: PersonSerializer, **PROBLEM_RESPONSES}, description="One person's record."
)
@extend_schema(
    methods=["PATCH"],
    request=UpdatePersonSerializer,
    responses={
        200: PersonSerializer,
        409: OpenApiResponse(Problem, description="Someone else saved first"),
        **PROBLEM_RESPONSES,
    },
    description="Change a person's details; send the version you read.",
)
@api_view(["GET", "PATCH"])
def person_detail(request: Request, person_id: int) -> Response:
    if request.method == "GET":
        person = get_person_for_user(request, person_id, viewed="person (API)")
        return Response(PersonSerializer(person).data)
    person = get_person_to_edit(request, person_id, viewed="update person (API)")
    body = UpdatePersonSerializer(data=request.data, partial=True)
    body.is_valid(raise_exception=True)
    if "version" not in body.validated_data:
        raise serializers.ValidationError({"version": ["Send the version of the record you read"]})
    changes = {k: v for k, v in body.validated_data.items() if k in services.PERSON_FIELDS}
    try:
        person = services.update_person(
            person=person, by=_user(request), expected_version=body.validated_data["version"], changes=changes
        )
    except StaleRecordError as error:
        return _conflict(str(error))
    except DjangoValidationError as error:
        raise serializers.ValidationError(_field_messages(error)) from None
    return Response(PersonSerializer(person).data)
