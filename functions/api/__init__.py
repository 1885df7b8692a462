"""The HTTP API function: routes in api.routes, logic in api.logic, error answers in api.errors."""
