from django.tasks import task

from frontdoor.returns.services import run_build


@task()
def build_return(*, build_id: int) -> str:
    """Build a statutory return (django.tasks; run by the worker)."""
    return run_build(build_id=build_id).status
