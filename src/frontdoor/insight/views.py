"""The dashboards and the lists of records behind their figures."""

import csv
from typing import Any

from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from frontdoor.accounts.access import require
from frontdoor.accounts.models import User
from frontdoor.accounts.roles import Capability
from frontdoor.insight import queries
from frontdoor.insight.access import get_team_for_user, sees_council, teams_for
from frontdoor.insight.forms import ListFilterForm, PeriodForm
from frontdoor.insight.indicators import BY_SLUG, for_team
from frontdoor.insight.indicators.base import Indicator
from frontdoor.people.access import restricted_ids_visible_to


def period_form(request: HttpRequest, user: User) -> PeriodForm:
    # Only teams with figures to show: a quality team's dashboard would be empty.
    teams = [team for team in teams_for(user) if any(shown for shown in for_team(team))]
    return PeriodForm(request.GET or None, today=timezone.localdate(), teams=teams, council=sees_council(user))


def dashboard(request: HttpRequest) -> HttpResponse:
    user = require(request, Capability.VIEW_INSIGHT)
    form = period_form(request, user)
    team = get_team_for_user(user, form.team_id())
    board = queries.dashboard(team=team, period=form.period()) if not form.is_bound or form.is_valid() else None
    return render(request, "insight/dashboard.html", {"form": form, "team": team, "board": board})


def indicator_or_404(slug: str) -> Indicator:
    if slug not in BY_SLUG:
        raise Http404("No such indicator")
    return BY_SLUG[slug]


def records_behind(request: HttpRequest, slug: str) -> tuple[Indicator, dict[str, Any]]:
    """The records behind a figure, for its list and its CSV: the same filters for both."""
    user = require(request, Capability.VIEW_INSIGHT)
    indicator, form = indicator_or_404(slug), period_form(request, user)
    team = get_team_for_user(user, form.team_id())
    period = form.period()
    result = queries.result(indicator, team=team, period=period)
    met_choices = (
        [("yes", indicator.met_label), ("no", indicator.not_met_label)]
        if indicator.condition or indicator.splits_met
        else []
    )
    filters = ListFilterForm(
        request.GET, splits=result.splits, split_title=indicator.split_title, met_choices=met_choices
    )
    chosen = filters.cleaned_data if filters.is_valid() else {}
    split = chosen.get("split") or None
    met = {"yes": True, "no": False}.get(chosen.get("met", ""))
    records = indicator.drill(team=team, days=period, split=split, met=met)
    context = {"indicator": indicator, "form": form, "filters": filters, "team": team, "result": result}
    return indicator, context | {"records": records, "user": user}


def shown(rows: list[Any], user: User) -> list[Any]:
    """Restricted children's names only for those granted them; the row itself still counts."""
    restricted = {row.person.pk for row in rows if row.person is not None and row.person.is_restricted}
    granted = restricted_ids_visible_to(user, restricted)
    return [(row, row.person is not None and row.person.pk in restricted - granted) for row in rows]


def records(request: HttpRequest, slug: str) -> HttpResponse:
    indicator, context = records_behind(request, slug)
    page = Paginator(context["records"], 50).get_page(request.GET.get("page"))
    rows = shown(indicator.rows(page.object_list), context["user"])
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request, "insight/records.html", context | {"page_obj": page, "rows": rows, "query": query.urlencode()}
    )


# What a spreadsheet may take as the start of a formula (OWASP's CSV injection list: a tab or a
# carriage return before one of the others is skipped by some spreadsheets and still runs).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value: object) -> str:
    """A cell a spreadsheet shows as text: one starting =, +, -, @, a tab or a return could run as a formula."""
    text = str(value)
    return f"'{text}" if text[:1] in FORMULA_STARTS else text


def records_csv(request: HttpRequest, slug: str) -> HttpResponse:
    indicator, context = records_behind(request, slug)
    period = context["result"].period
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{slug}-{period.start}-to-{period.end}.csv"'
    writer = csv.writer(response)
    writer.writerow(["Date", "Child ID", "Child", "Record", "Detail", "Met"])
    paginator = Paginator(context["records"], 2000)
    for number in paginator.page_range:
        for row, hidden in shown(indicator.rows(paginator.page(number).object_list), context["user"]):
            person = row.person
            name = "" if person is None else "Restricted record" if hidden else person.full_name
            met = "" if row.met is None else "Yes" if row.met else "No"
            cells = [row.day.isoformat(), person.pk if person else "", name, row.reference, row.detail, met]
            writer.writerow([spreadsheet_safe(cell) for cell in cells])
    return response
