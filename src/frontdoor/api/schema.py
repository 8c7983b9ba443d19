"""Post-processing of the OpenAPI schema: errors documented as what the API sends."""

from typing import Any

from frontdoor.api.problems import PROBLEM_CONTENT_TYPE, TITLES

METHODS = {"get", "put", "patch", "post", "delete"}
# OpenAPI's "time" format is RFC 3339's full-time, which needs a UTC offset; our times of day
# (office hours) are local wall-clock times like "09:00:00", so they are described by a pattern.
TIME_OF_DAY = r"^([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9](\.[0-9]+)?)?$"


def _problem(code: int) -> dict[str, Any]:
    return {
        "description": TITLES[code],
        "content": {PROBLEM_CONTENT_TYPE: {"schema": {"$ref": "#/components/schemas/Problem"}}},
    }


def document_problems(result: dict[str, Any], generator: Any, request: Any, public: bool) -> dict[str, Any]:
    """Every error response as application/problem+json, and the errors every endpoint can give.

    drf-spectacular documents every response as application/json, but the exception handler sends
    errors as problem details; a client that trusts the schema must be told the real media type.
    Errors that do not depend on the view are added here, so no endpoint can forget them: any
    endpoint refuses a missing or revoked token (401), one with an ID in its path refuses an ID that
    does not exist or is not a number (404), and one that reads a body or a query refuses bad input (400).
    """
    _times_of_day(result)
    if "Problem" not in result.get("components", {}).get("schemas", {}):
        return result
    for item in result.get("paths", {}).values():
        for method, operation in item.items():
            if method not in METHODS:
                continue
            responses = operation.setdefault("responses", {})
            for code, response in responses.items():
                content = response.get("content", {})
                if code.isdigit() and int(code) >= 400 and "application/json" in content:
                    content[PROBLEM_CONTENT_TYPE] = content.pop("application/json")
            parameters = operation.get("parameters", [])
            needed = [401]
            if any(parameter["in"] == "path" for parameter in parameters):
                needed.append(404)
            if "requestBody" in operation or any(parameter["in"] == "query" for parameter in parameters):
                needed.append(400)
            for code in needed:
                responses.setdefault(str(code), _problem(code))
    return result


def _times_of_day(node: Any) -> None:
    if isinstance(node, dict):
        if node.get("type") == "string" and node.get("format") == "time":
            del node["format"]
            node["pattern"] = TIME_OF_DAY
        for value in node.values():
            _times_of_day(value)
    elif isinstance(node, list):
        for value in node:
            _times_of_day(value)
