from typing import Any

from django import forms, template
from django.forms.utils import ErrorList

from frontdoor.timescales.clocks import Clock

register = template.Library()


@register.inclusion_tag("govuk/error_summary.html")
def govuk_error_summary(*forms_: forms.BaseForm | None) -> dict[str, Any]:
    """The GOV.UK error summary for one or more forms, each error linking to its field."""
    errors: list[tuple[str, str]] = []
    for form in forms_:
        if form is None or not form.is_bound or not form.errors:
            continue
        non_field: ErrorList = form.non_field_errors()
        errors.extend((str(error), "") for error in non_field)
        for bound in form:
            link = getattr(bound, "error_link", bound.auto_id)
            errors.extend((str(error), link) for error in bound.errors)
    return {"errors": errors}


@register.inclusion_tag("govuk/clock_tag.html")
def clock_tag(clock: Clock) -> dict[str, Any]:
    """A coloured tag for a clock's state: 'Due in 3 working days', '2 working days overdue'."""
    return {"clock": clock}
