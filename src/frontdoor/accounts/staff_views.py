"""Administrators manage staff accounts: add, change role and team, close, reset passwords."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import urlencode
from django.views.decorators.http import require_POST

from frontdoor.accounts import queries, services
from frontdoor.accounts.access import require
from frontdoor.accounts.forms import NewStaffMemberForm, PasswordResetForm, StaffMemberForm
from frontdoor.accounts.models import Team, User
from frontdoor.accounts.roles import Capability, Role
from frontdoor.records.concurrency import StaleRecordError


def staff_list(request: HttpRequest) -> HttpResponse:
    require(request, Capability.MANAGE_STAFF)
    team, role = request.GET.get("team", ""), request.GET.get("role", "")
    include_closed = request.GET.get("closed") == "yes"
    staff = queries.staff_list(team_id=team, role=role, include_closed=include_closed)
    page = Paginator(staff, 50).get_page(request.GET.get("page"))
    context = {
        "page_obj": page,
        "staff": page.object_list,
        "teams": Team.objects.filter(is_active=True),
        "roles": Role.choices,
        "filters": {"team": team, "role": role, "closed": include_closed},
        "query": urlencode({"team": team, "role": role, "closed": "yes" if include_closed else ""}),
    }
    return render(request, "accounts/staff_list.html", context)


def add_staff(request: HttpRequest) -> HttpResponse:
    admin = require(request, Capability.MANAGE_STAFF)
    form = NewStaffMemberForm(request.POST or None)
    if form.is_valid():
        details = {name: form.cleaned_data[name] for name in services.STAFF_FIELDS}
        user = services.add_staff_member(
            by=admin,
            username=form.cleaned_data["username"],
            password=form.cleaned_data["password"],
            **details,
        )
        messages.success(request, f"Added {user.display_name}. They can sign in as {user.username}")
        return redirect("accounts:staff")
    return render(request, "accounts/staff_form.html", {"form": form, "staff_member": None})


def edit_staff(request: HttpRequest, user_id: int) -> HttpResponse:
    admin = require(request, Capability.MANAGE_STAFF)
    user = get_object_or_404(User, pk=user_id)
    form = StaffMemberForm(request.POST or None, instance=User.objects.get(pk=user_id))
    if form.is_valid():
        changes = {name: form.cleaned_data[name] for name in services.STAFF_FIELDS}
        try:
            services.update_staff_member(
                user=user, by=admin, expected_version=form.cleaned_data["version"], changes=changes
            )
        except StaleRecordError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, f"Saved the changes to {user.display_name}")
            return redirect("accounts:staff")
    context = {"form": form, "staff_member": user, "can_audit": admin.can(Capability.VIEW_ACCESS_LOG)}
    return render(request, "accounts/staff_form.html", context)


@require_POST
def set_account_open(request: HttpRequest, user_id: int) -> HttpResponse:
    admin = require(request, Capability.MANAGE_STAFF)
    user = get_object_or_404(User, pk=user_id)
    is_open = request.POST.get("open") == "yes"
    try:
        services.set_staff_account_open(user=user, by=admin, is_open=is_open)
    except ValueError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, f"{'Reopened' if is_open else 'Closed'} the account of {user.display_name}")
    return redirect("accounts:edit-staff", user_id=user.pk)


def reset_password(request: HttpRequest, user_id: int) -> HttpResponse:
    admin = require(request, Capability.MANAGE_STAFF)
    user = get_object_or_404(User, pk=user_id)
    form = PasswordResetForm(request.POST or None, user=user)
    if form.is_valid():
        services.reset_staff_password(user=user, by=admin, password=form.cleaned_data["password"])
        messages.success(request, f"Reset the password of {user.display_name}; the account is unlocked")
        return redirect("accounts:edit-staff", user_id=user.pk)
    return render(request, "accounts/staff_password.html", {"form": form, "staff_member": user})
