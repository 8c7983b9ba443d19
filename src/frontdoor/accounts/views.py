from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import AuthenticationForm
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET

from frontdoor.accounts import queries, services, signin
from frontdoor.accounts.access import require
from frontdoor.accounts.forms import LocalAuthorityForm, LoginForm
from frontdoor.accounts.models import LocalAuthority, User
from frontdoor.accounts.roles import Capability
from frontdoor.casework.queries import casework_counts
from frontdoor.contacts.queries import front_door_counts
from frontdoor.people.queries import overdue_warnings
from frontdoor.records.concurrency import StaleRecordError
from frontdoor.retention.rules import current_rules
from frontdoor.timescales.models import ClosureDay


class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    authentication_form = LoginForm
    redirect_authenticated_user = True

    def form_valid(self, form: AuthenticationForm) -> HttpResponse:
        user = form.get_user()
        assert isinstance(user, User)
        if signin.has_second_factor(user):
            signin.await_code(self.request, user, next_url=self.get_success_url())
            return redirect("sign-in-code")
        signin.start_session(self.request, user, mfa_verified=False)
        return HttpResponseRedirect(self.get_success_url())

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["sso_label"] = settings.OIDC_SIGN_IN_LABEL if settings.OIDC_ENABLED else ""
        return context


class SignOutView(auth_views.LogoutView):
    """Sign out; after single sign-on, at the council's provider too.

    Otherwise the next person at a shared computer could be signed straight back in as the last one.
    """

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        id_token = request.session.get("oidc_id_token")
        response = super().post(request, *args, **kwargs)
        if id_token and settings.OIDC_ENABLED:
            from frontdoor.accounts.oidc import end_session_url

            if url := end_session_url(request, id_token=id_token):
                return HttpResponseRedirect(url)
        return response


@require_GET
def home(request: HttpRequest) -> HttpResponse:
    user = request.user
    assert isinstance(user, User)
    council = LocalAuthority.load()
    context = {
        "council": council,
        "today": queries.today_at(council),
        "team_members": queries.team_members(user.team) if user.is_manager else None,
        "setup_gaps": (queries.council_setup_gaps(council) if user.can(Capability.MANAGE_COUNCIL) else None),
        "overdue_warnings": (
            overdue_warnings(today=timezone.localdate()).count() if user.can(Capability.REVIEW_WARNINGS) else None
        ),
        "front_door": front_door_counts(user),
        "casework": casework_counts(user),
    }
    return render(request, f"accounts/home/{user.role}.html", context)


def council_settings(request: HttpRequest) -> HttpResponse:
    user = require(request, Capability.MANAGE_COUNCIL)
    form = LocalAuthorityForm(request.POST or None, instance=LocalAuthority.load())
    if form.is_valid():
        changes = {name: value for name, value in form.cleaned_data.items() if name != "version"}
        try:
            services.update_local_authority(
                council=LocalAuthority.load(),
                by=user,
                expected_version=form.cleaned_data["version"],
                changes=changes,
            )
        except StaleRecordError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, "Council settings saved")
            return redirect("accounts:council")
    closure_days = ClosureDay.objects.select_related("added_by")
    context = {"form": form, "closure_days": closure_days, "retention_rules": current_rules().values()}
    return render(request, "accounts/council.html", context)


def teams(request: HttpRequest) -> HttpResponse:
    require(request, Capability.VIEW_TEAMS)
    return render(request, "accounts/teams.html", {"teams": queries.teams_with_members()})
