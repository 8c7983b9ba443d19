from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.decorators import api_view
from rest_framework.request import Request
from rest_framework.response import Response

from frontdoor.api.problems import PROBLEM_RESPONSES
from frontdoor.people.access import get_person_for_user
from frontdoor.people.models import Person


class PersonSerializer(serializers.ModelSerializer):
    class Meta:
        model = Person
        fields = ["id", "first_name", "last_name", "date_of_birth"]


@extend_schema(responses={200: PersonSerializer, **PROBLEM_RESPONSES})
@api_view(["GET"])
def person_detail(request: Request, person_id: int) -> Response:
    """One person's record."""
    person = get_person_for_user(request, person_id, viewed="person (API)")
    return Response(PersonSerializer(person).data)
