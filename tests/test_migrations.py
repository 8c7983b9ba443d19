from io import StringIO

from django.core.management import call_command


def test_no_model_change_is_missing_a_migration(db: None) -> None:
    out = StringIO()
    try:
        call_command("makemigrations", "--check", "--dry-run", stdout=out, stderr=out)
    except SystemExit:
        raise AssertionError(f"Models have changes without migrations:\n{out.getvalue()}") from None
