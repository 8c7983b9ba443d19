"""What the chronology API reads and writes."""

from typing import Any

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from frontdoor.records.chronology import Category


@extend_schema_field(serializers.ChoiceField(choices=Category.choices), component_name="ChronologyCategoryEnum")
class CategoryField(serializers.ChoiceField):
    def __init__(self, **kwargs: Any) -> None:
        super().__init__(choices=Category.choices, **kwargs)


class ChronologyQuery(serializers.Serializer):
    category = serializers.ListField(
        child=CategoryField(), required=False, help_text="Only these headings; repeat the parameter for more"
    )
    since = serializers.DateField(required=False, help_text="On or after this day")
    until = serializers.DateField(required=False, help_text="On or before this day")
    significant = serializers.BooleanField(required=False, default=False, help_text="Significant entries only")
    newest_first = serializers.BooleanField(required=False, default=False)
    siblings = serializers.BooleanField(
        required=False, default=False, help_text="With the brothers and sisters you may see"
    )
    page = serializers.IntegerField(required=False, min_value=1, default=1)

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        if attrs.get("since") and attrs.get("until") and attrs["since"] > attrs["until"]:
            raise serializers.ValidationError({"until": "must be the same as or after since"})
        return attrs


class ChronologyItemSerializer(serializers.Serializer):
    source = serializers.ChoiceField(  # type: ignore[assignment]  # a field named source, not Field.source
        choices=[("event", "From the case record"), ("entry", "Added by hand")],
        help_text="'event' comes from the case record; 'entry' was added by hand with its source",
    )
    id = serializers.IntegerField()
    child = serializers.IntegerField(source="child.pk", help_text="The child's person ID")
    child_name = serializers.CharField(source="child.full_name")
    category = CategoryField()
    occurred_on = serializers.DateField()
    occurred_at = serializers.DateTimeField(allow_null=True, help_text="Empty for added entries, which have a day only")
    summary = serializers.CharField()
    recorded_by = serializers.CharField()
    told_by = serializers.CharField(help_text="An added entry's source: who told us, or which document")
    significant = serializers.SerializerMethodField()
    marked_by = serializers.SerializerMethodField()
    marked_at = serializers.SerializerMethodField()

    def get_significant(self, item: Any) -> bool:
        return item.mark is not None

    def get_marked_by(self, item: Any) -> str | None:
        return item.mark.marked_by.display_name if item.mark else None

    @extend_schema_field(serializers.DateTimeField(allow_null=True))
    def get_marked_at(self, item: Any) -> Any:
        return serializers.DateTimeField().to_representation(item.mark.marked_at) if item.mark else None


class ChronologySerializer(serializers.Serializer):
    count = serializers.IntegerField(help_text="Entries matching the filters, on every page")
    page = serializers.IntegerField()
    pages = serializers.IntegerField()
    children = serializers.ListField(child=serializers.IntegerField(), help_text="Whose chronology this is")
    hidden_siblings = serializers.IntegerField(
        help_text="Brothers and sisters left out because you may not see their records"
    )
    results = ChronologyItemSerializer(many=True)


class ChronologyEntryIn(serializers.Serializer):
    occurred_on = serializers.DateField()
    what_happened = serializers.CharField()
    source = serializers.CharField(  # type: ignore[assignment]  # a field named source, not Field.source
        max_length=300, help_text="Who told us, or which document it comes from"
    )


class SignificanceIn(serializers.Serializer):
    reason = serializers.CharField(required=False, allow_blank=True, default="", max_length=300)


class AccessLogQuery(serializers.Serializer):
    since = serializers.DateField(required=False, help_text="On or after this day")
    until = serializers.DateField(required=False, help_text="On or before this day")
    page = serializers.IntegerField(required=False, min_value=1, default=1)

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        if attrs.get("since") and attrs.get("until") and attrs["since"] > attrs["until"]:
            raise serializers.ValidationError({"until": "The 'until' date must be the same as or after 'since'"})
        return attrs


class AccessLogEntrySerializer(serializers.Serializer):
    at = serializers.DateTimeField()
    user = serializers.IntegerField(source="user.pk", help_text="Who read it: the user's ID")
    username = serializers.CharField(source="user.username")
    role = serializers.CharField(source="user.role")
    child = serializers.IntegerField(source="child.pk", help_text="Whose record: the person ID")
    la_child_id = serializers.CharField(source="child.la_child_id")
    viewed = serializers.CharField(help_text="What was seen, e.g. 'person page'")
    allowed = serializers.BooleanField(help_text="False for a refused attempt")


class AccessLogSerializer(serializers.Serializer):
    count = serializers.IntegerField(help_text="Reads matching the dates, on every page")
    page = serializers.IntegerField()
    pages = serializers.IntegerField()
    results = AccessLogEntrySerializer(many=True)
