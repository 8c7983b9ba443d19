from typing import Any

from drf_spectacular.extensions import OpenApiAuthenticationExtension
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.decorators import api_view
from rest_framework.request import Request
from rest_framework.response import Response

from frontdoor.accounts.models import LocalAuthority, User
from frontdoor.api.problems import PROBLEM_RESPONSES


class ApiTokenScheme(OpenApiAuthenticationExtension):
    target_class = "frontdoor.accounts.authentication.ApiTokenAuthentication"
    name = "apiToken"

    def get_security_definition(self, auto_schema: Any) -> dict[str, str]:
        return {"type": "http", "scheme": "bearer"}


class TeamSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()
    kind = serializers.CharField()


class MeSerializer(serializers.ModelSerializer):
    team = TeamSerializer(allow_null=True)
    display_name = serializers.CharField()
    capabilities = serializers.SerializerMethodField()

    class Meta:
        model = User
        fields = ["id", "username", "display_name", "role", "team", "capabilities"]

    def get_capabilities(self, user: User) -> list[str]:
        return sorted(user.capabilities)


class CouncilSerializer(serializers.ModelSerializer):
    class Meta:
        model = LocalAuthority
        fields = [
            "name",
            "la_code",
            "regime",
            "regime_changed_on",
            "office_opens",
            "office_closes",
            "office_closes_friday",
            "front_door_phone",
            "out_of_hours_phone",
            "child_population",
        ]


@extend_schema(responses={200: MeSerializer, **PROBLEM_RESPONSES})
@api_view(["GET"])
def me(request: Request) -> Response:
    """The signed-in user: role, team and what the role may do."""
    return Response(MeSerializer(request.user).data)


@extend_schema(responses={200: CouncilSerializer, **PROBLEM_RESPONSES})
@api_view(["GET"])
def council(request: Request) -> Response:
    """The council this service belongs to, and its statutory regime."""
    return Response(CouncilSerializer(LocalAuthority.load()).data)
