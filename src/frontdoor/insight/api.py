"""GET /api/v1/indicators/: the dashboard's figures for a period and a team, for a council's own reporting."""

from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils import timezone
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.decorators import api_view
from rest_framework.request import Request
from rest_framework.response import Response

from frontdoor.accounts.roles import Capability
from frontdoor.api.problems import PROBLEM_RESPONSES
from frontdoor.api.requests import acting_user
from frontdoor.insight import queries
from frontdoor.insight.access import get_team_for_user
from frontdoor.insight.forms import LONGEST_PERIOD
from frontdoor.insight.indicators import BY_SLUG, for_team
from frontdoor.insight.indicators.base import Measure
from frontdoor.insight.periods import Period


class IndicatorSerializer(serializers.Serializer):
    slug = serializers.CharField()
    title = serializers.CharField()
    group = serializers.CharField()
    definition = serializers.CharField()
    measure = serializers.ChoiceField(choices=[(measure.value, measure.value) for measure in Measure])
    higher_is_better = serializers.BooleanField(allow_null=True)


class FigureSerializer(serializers.Serializer):
    hits = serializers.IntegerField(help_text="Records meeting the condition, for a percentage")
    total = serializers.IntegerField(help_text="Records counted")
    value = serializers.FloatField(allow_null=True, help_text="The figure: a count, per cent, rate or median")


class PointSerializer(serializers.Serializer):
    start = serializers.DateField(source="bucket.start")
    end = serializers.DateField(source="bucket.end")
    name = serializers.CharField(source="label", help_text="As the dashboard shows it")
    figure = FigureSerializer()
    by_split = FigureSerializer(many=True, help_text="In the order of `splits`")


class SplitSerializer(serializers.Serializer):
    code = serializers.CharField()
    name = serializers.CharField(source="label", help_text="As the dashboard shows it")
    figure = FigureSerializer()


class ResultSerializer(serializers.Serializer):
    indicator = IndicatorSerializer()
    start = serializers.DateField(source="period.start")
    end = serializers.DateField(source="period.end")
    team = serializers.IntegerField(allow_null=True)
    figure = FigureSerializer()
    previous = FigureSerializer(help_text="The same figure for the period of the same length just before")
    change = serializers.FloatField(allow_null=True)
    points = PointSerializer(many=True)
    splits = SplitSerializer(many=True)


class PeriodQuery(serializers.Serializer):
    start = serializers.DateField(
        required=False, help_text="The first day, YYYY-MM-DD; a year before `end` if left out"
    )
    end = serializers.DateField(required=False, help_text="The last day, included; today if left out")
    team = serializers.IntegerField(required=False, help_text="A team's id; the whole council if left out")

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        today = timezone.localdate()
        default = Period.last_twelve_months(attrs.get("end", today))
        start, end = attrs.get("start", default.start), attrs.get("end", default.end)
        if end < start:
            raise serializers.ValidationError({"end": "The end of the period must be the same as or after its start"})
        if end - start >= LONGEST_PERIOD:
            raise serializers.ValidationError({"end": "The period must be 2 years or shorter"})
        return attrs | {"period": Period(start, end)}


PERIOD_PARAMETERS = [
    OpenApiParameter("start", str, description="The first day, YYYY-MM-DD"),
    OpenApiParameter("end", str, description="The last day, included, YYYY-MM-DD"),
    OpenApiParameter("team", int, description="A team's id; the whole council if left out"),
]


def _period_and_team(request: Request) -> tuple[Period, Any]:
    user = acting_user(request)
    if not user.can(Capability.VIEW_INSIGHT):
        raise PermissionDenied("Your role cannot see the performance figures")
    query = PeriodQuery(data=request.query_params)
    query.is_valid(raise_exception=True)
    return query.validated_data["period"], get_team_for_user(user, query.validated_data.get("team"))


def _result_data(result: queries.Result, team_id: int | None) -> dict[str, Any]:
    return ResultSerializer(
        {
            "indicator": result.indicator,
            "period": result.period,
            "team": team_id,
            "figure": result.figure,
            "previous": result.previous,
            "change": result.change,
            "points": result.points,
            "splits": [{"code": code, "label": label, "figure": figure} for code, label, figure in result.split_rows],
        }
    ).data


@extend_schema(
    parameters=PERIOD_PARAMETERS,
    responses={200: ResultSerializer(many=True), **PROBLEM_RESPONSES},
    description="Every indicator on the team's dashboard (or the council's) for the period, with the period before.",
)
@api_view(["GET"])
def indicators(request: Request) -> Response:
    period, team = _period_and_team(request)
    shown, _ = for_team(team)
    team_id = team.pk if team else None
    return Response([_result_data(queries.result(each, team=team, period=period), team_id) for each in shown])


@extend_schema(
    parameters=PERIOD_PARAMETERS,
    responses={200: ResultSerializer, **PROBLEM_RESPONSES},
    description="One indicator for the period: its figure, the period before, and the figure week by week or month "
    "by month.",
)
@api_view(["GET"])
def indicator(request: Request, slug: str) -> Response:
    period, team = _period_and_team(request)
    if slug not in BY_SLUG:
        raise Http404("No such indicator")
    result = queries.result(BY_SLUG[slug], team=team, period=period)
    return Response(_result_data(result, team.pk if team else None))
