"""Pages that belong to no one app: public information and error handlers."""

import logging

from django.conf import settings
from django.contrib.auth.decorators import login_not_required, login_required
from django.db import DatabaseError, connection
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views import defaults
from django.views.decorators.csp import csp_override
from django.views.decorators.http import require_GET
from drf_spectacular.views import SpectacularSwaggerSplitView

from frontdoor.api.problems import problem_response

logger = logging.getLogger(__name__)


@login_not_required
@require_GET
def accessibility(request: HttpRequest) -> HttpResponse:
    return render(request, "accessibility.html")


@login_not_required
@require_GET
def privacy(request: HttpRequest) -> HttpResponse:
    return render(request, "privacy.html")


@login_not_required
@require_GET
def healthz(request: HttpRequest) -> HttpResponse:
    """For load balancers and monitoring: says only whether this process can reach the database."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:
        logger.exception("Health check: the database did not answer")
        return HttpResponse("database unavailable", status=503, content_type="text/plain")
    return HttpResponse("ok", content_type="text/plain")


api_docs = login_required(
    csp_override(settings.API_DOCS_CSP)(SpectacularSwaggerSplitView.as_view(url_name="api-schema"))
)


def _is_api(request: HttpRequest) -> bool:
    return request.path.startswith("/api/")


def bad_request(request: HttpRequest, exception: Exception) -> HttpResponse:
    # Django refuses a body over DATA_UPLOAD_MAX_MEMORY_SIZE (and other suspicious requests) here,
    # before DRF's handler sees it: the API still answers with a problem.
    if _is_api(request):
        return problem_response(request, 400, "The request is too large or malformed")
    return defaults.bad_request(request, exception)


def page_not_found(request: HttpRequest, exception: Exception) -> HttpResponse:
    if _is_api(request):
        return problem_response(request, 404, "There is nothing at this address")
    return render(request, "404.html", status=404)


def permission_denied(request: HttpRequest, exception: Exception) -> HttpResponse:
    if _is_api(request):
        return problem_response(request, 403, str(exception) or "You do not have access to this")
    return render(request, "403.html", {"reason": str(exception)}, status=403)


def server_error(request: HttpRequest) -> HttpResponse:
    if _is_api(request):
        return problem_response(request, 500, "Something went wrong. Nothing was half-saved.")
    return render(request, "500.html", status=500)
