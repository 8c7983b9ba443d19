from datetime import date

from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.decorators import api_view
from rest_framework.request import Request
from rest_framework.response import Response

from frontdoor.api.problems import PROBLEM_RESPONSES
from frontdoor.timescales.calendar import EARLIEST_YEAR, LATEST_YEAR, add_working_days, is_working_day


class WorkingDaysQuery(serializers.Serializer):
    start = serializers.DateField(help_text="Day 0, the day of the event that starts the clock")
    days = serializers.IntegerField(min_value=-500, max_value=500, help_text="Working days to add")

    def validate_start(self, start: date) -> date:
        if not EARLIEST_YEAR <= start.year <= LATEST_YEAR:
            raise serializers.ValidationError(f"Start must be between {EARLIEST_YEAR} and {LATEST_YEAR}")
        return start


class WorkingDaysAnswer(serializers.Serializer):
    start = serializers.DateField()
    start_is_working_day = serializers.BooleanField()
    days = serializers.IntegerField()
    date = serializers.DateField(help_text="The n-th working day after start")


@extend_schema(parameters=[WorkingDaysQuery], responses={200: WorkingDaysAnswer, **PROBLEM_RESPONSES})
@api_view(["GET"])
def working_days(request: Request) -> Response:
    """Add working days to a date with the council's calendar (bank holidays and closure days)."""
    query = WorkingDaysQuery(data=request.query_params)
    query.is_valid(raise_exception=True)
    start, days = query.validated_data["start"], query.validated_data["days"]
    try:
        due = add_working_days(start, days)
    except ValueError as error:
        raise serializers.ValidationError({"days": [str(error)]}) from None
    answer = {
        "start": start,
        "start_is_working_day": is_working_day(start),
        "days": days,
        "date": due,
    }
    return Response(WorkingDaysAnswer(answer).data)
