from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from frontdoor.accounts.access import require
from frontdoor.accounts.roles import Capability
from frontdoor.govuk.forms import add_errors
from frontdoor.returns import queries, services
from frontdoor.returns.census.checks import message_of
from frontdoor.returns.forms import AnnexAForm, CensusForm, QualityForm
from frontdoor.returns.models import ReturnBuild

FINDINGS_PER_PAGE = 50


def index(request: HttpRequest) -> HttpResponse:
    require(request, Capability.PREPARE_RETURNS)
    census_form = CensusForm(initial={"year": queries.current_census_year()})
    context = {"census_form": census_form, "annex_form": AnnexAForm(), "builds": queries.recent_builds()}
    return render(request, "returns/index.html", context)


@require_POST
def build_census(request: HttpRequest) -> HttpResponse:
    user = require(request, Capability.PREPARE_RETURNS)
    form = CensusForm(request.POST)
    if form.is_valid():
        try:
            build = services.request_census(year=form.cleaned_data["year"], by=user)
        except ValidationError as error:
            add_errors(form, error)
        else:
            return redirect(build)
    context = {"census_form": form, "annex_form": AnnexAForm(), "builds": queries.recent_builds()}
    return render(request, "returns/index.html", context, status=400)


@require_POST
def build_annex_a(request: HttpRequest) -> HttpResponse:
    user = require(request, Capability.PREPARE_RETURNS)
    form = AnnexAForm(request.POST)
    if form.is_valid():
        try:
            build = services.request_annex_a(inspection_date=form.cleaned_data["inspection_date"], by=user)
        except ValidationError as error:
            add_errors(form, error)
        else:
            return redirect(build)
    census_form = CensusForm(initial={"year": queries.current_census_year()})
    context = {"census_form": census_form, "annex_form": form, "builds": queries.recent_builds()}
    return render(request, "returns/index.html", context, status=400)


def build(request: HttpRequest, build_id: int) -> HttpResponse:
    require(request, Capability.PREPARE_RETURNS)
    build = get_object_or_404(ReturnBuild.objects.select_related("requested_by"), pk=build_id)
    return render(request, "returns/build.html", {"build": build})


def build_progress(request: HttpRequest, build_id: int) -> JsonResponse:
    require(request, Capability.PREPARE_RETURNS)
    build = get_object_or_404(ReturnBuild, pk=build_id)
    status = {"status": build.status, "progress": build.progress, "stage": build.stage}
    return JsonResponse(status | {"finished": build.is_finished})


def download(request: HttpRequest, build_id: int) -> FileResponse:
    user = require(request, Capability.PREPARE_RETURNS)
    build = get_object_or_404(ReturnBuild, pk=build_id, status=ReturnBuild.Status.DONE)
    path = services.file_path(build)
    if not path.is_file():
        raise Http404("The file is no longer on the server: build the return again")
    services.record_download(build=build, by=user)
    return FileResponse(path.open("rb"), as_attachment=True, filename=build.file_name)


def quality(request: HttpRequest) -> HttpResponse:
    require(request, Capability.PREPARE_RETURNS)
    form = QualityForm(request.GET or None)
    chosen = form.cleaned_data if form.is_bound and form.is_valid() else {}
    year = chosen.get("year") or queries.current_census_year()
    rule = chosen.get("rule", "")
    latest = queries.census_builds(year).order_by("-pk").first()
    context: dict[str, object] = {"form": form, "year": year, "latest": latest, "rule": rule}
    if latest is not None:
        context["builds"], context["rows"] = queries.rule_rows(latest, year)
        if rule:
            page = Paginator(queries.findings_for(latest, rule), FINDINGS_PER_PAGE).get_page(request.GET.get("page"))
            context |= {"page_obj": page, "message": message_of(rule), "query": f"year={year}&rule={rule}"}
    return render(request, "returns/quality.html", context)
