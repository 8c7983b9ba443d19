from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from frontdoor.records.models import AccessLog, Event


class ReadOnlyAdmin(admin.ModelAdmin):
    """The logs can be read in the admin, never added to, changed or deleted."""

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Event)
class EventAdmin(ReadOnlyAdmin):
    list_display = ["occurred_at", "kind", "actor", "child", "summary"]
    list_filter = ["kind"]
    search_fields = ["summary", "kind"]
    list_select_related = ["actor", "child"]
    date_hierarchy = "occurred_at"


@admin.register(AccessLog)
class AccessLogAdmin(ReadOnlyAdmin):
    list_display = ["at", "user", "child", "viewed"]
    list_select_related = ["user", "child"]
    date_hierarchy = "at"
