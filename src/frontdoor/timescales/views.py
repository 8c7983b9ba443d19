from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from frontdoor.accounts.access import require
from frontdoor.accounts.models import LocalAuthority
from frontdoor.accounts.roles import Capability
from frontdoor.timescales import services
from frontdoor.timescales.calendar import is_working_day
from frontdoor.timescales.forms import CalculatorForm, ClosureDayForm
from frontdoor.timescales.models import ClosureDay
from frontdoor.timescales.queries import upcoming_non_working_days
from frontdoor.timescales.regimes import REGIMES


def overview(request: HttpRequest) -> HttpResponse:
    require(request, Capability.VIEW_TIMESCALES)
    council = LocalAuthority.load()
    today = timezone.localdate()
    form = CalculatorForm(request.GET or None, regime=council.regime_on(today))
    answer = form.answer(council) if form.is_valid() else None
    context = {
        "council": council,
        "regimes": {regime.label: REGIMES[regime].values() for regime in REGIMES},
        "today": today,
        "today_is_working_day": is_working_day(today),
        "non_working_days": upcoming_non_working_days(today=today),
        "form": form,
        "answer": answer,
    }
    return render(request, "timescales/overview.html", context)


def add_closure_day(request: HttpRequest) -> HttpResponse:
    user = require(request, Capability.MANAGE_COUNCIL)
    form = ClosureDayForm(request.POST or None)
    if form.is_valid():
        try:
            closure = services.add_closure_day(
                day=form.cleaned_data["day"], reason=form.cleaned_data["reason"], by=user
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, f"{closure} is now a closure day")
            return redirect("accounts:council")
    return render(request, "timescales/closure_day_form.html", {"form": form})


@require_POST
def remove_closure_day(request: HttpRequest, closure_id: int) -> HttpResponse:
    user = require(request, Capability.MANAGE_COUNCIL)
    closure = get_object_or_404(ClosureDay, pk=closure_id)
    services.remove_closure_day(closure=closure, by=user)
    messages.success(request, f"{closure} is no longer a closure day")
    return redirect("accounts:council")
