"""The duplicate queue, the merge screen and undoing a merge."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from frontdoor.accounts.access import require
from frontdoor.accounts.roles import Capability
from frontdoor.govuk.forms import add_errors
from frontdoor.people import merging, queries
from frontdoor.people.access import get_duplicate_pair_for_user, get_merge_for_user
from frontdoor.people.forms import MergeForm
from frontdoor.people.models import DuplicateCandidate, Person
from frontdoor.people.tasks import find_duplicates_task
from frontdoor.records.concurrency import StaleRecordError
from frontdoor.records.models import Event


def queue(request: HttpRequest) -> HttpResponse:
    require(request, Capability.MERGE_PEOPLE)
    page = Paginator(queries.duplicate_queue(), 25).get_page(request.GET.get("page"))
    last_run = Event.objects.filter(kind="duplicates.found").first()
    context = {
        "page_obj": page,
        "pairs": page.object_list,
        "last_run": last_run,
        "merges": queries.recent_merges()[:10],
    }
    return render(request, "people/duplicates.html", context)


@require_POST
def find_now(request: HttpRequest) -> HttpResponse:
    user = require(request, Capability.MERGE_PEOPLE)
    find_duplicates_task.enqueue(requested_by=user.pk)
    messages.success(request, "The duplicate finder is running: new pairs appear in the queue when it finishes")
    return redirect("people:duplicates")


def compare(request: HttpRequest, candidate_id: int) -> HttpResponse:
    candidate = get_duplicate_pair_for_user(request, candidate_id, viewed="merge screen")
    a, b = candidate.person_a, candidate.person_b
    form = MergeForm(request.POST or None, a=a, b=b, differing=merging.differing_fields(a, b))
    if candidate.status == DuplicateCandidate.Status.OPEN and form.is_valid():
        survivor, merged, take, versions = form.choices()
        try:
            merge = merging.merge_people(
                survivor=survivor,
                merged=merged,
                by=request.user,  # type: ignore[arg-type]
                take_from_merged=take,
                expected_versions=versions,
            )
        except (ValidationError, StaleRecordError, PermissionDenied) as error:
            add_errors(form, error)
        else:
            messages.success(request, f"Merged {merged.full_name} into {survivor.full_name}")
            return redirect("people:merge", merge_id=merge.pk)
    return render(request, "people/compare.html", {"candidate": candidate, "a": a, "b": b, "form": form})


@require_POST
def not_duplicate(request: HttpRequest, candidate_id: int) -> HttpResponse:
    candidate = get_duplicate_pair_for_user(request, candidate_id, viewed="merge screen", open_only=True)
    merging.set_aside_duplicate(candidate=candidate, by=request.user)  # type: ignore[arg-type]
    messages.success(request, "Recorded as two different people")
    return redirect("people:duplicates")


def merge_record(request: HttpRequest, merge_id: int) -> HttpResponse:
    merge = get_merge_for_user(request, merge_id, viewed="merge record")
    moved = sum(len(m["ids"]) for m in merge.moved)
    taken = [Person.field_label(name) for name in merge.fields_taken]
    return render(request, "people/merge.html", {"merge": merge, "rows_moved": moved, "fields_taken": taken})


@require_POST
def undo(request: HttpRequest, merge_id: int) -> HttpResponse:
    user = require(request, Capability.MERGE_PEOPLE)
    merge = get_merge_for_user(request, merge_id, viewed="merge undone")
    try:
        merging.undo_merge(merge=merge, by=user)
    except StaleRecordError:
        messages.error(request, "The kept record has changed since the merge, so it cannot be undone automatically")
    except (ValidationError, PermissionDenied) as error:
        messages.error(request, str(error.messages[0] if isinstance(error, ValidationError) else error))
    else:
        messages.success(request, "Merge undone: both records are back as they were")
    return redirect("people:merge", merge_id=merge.pk)
