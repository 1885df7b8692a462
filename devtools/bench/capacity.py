"""DynamoDB on-demand request units, counted from the requests a boto3 client sends and the items it reads.

Sizes follow DynamoDB's item-size rules (attribute names plus values; numbers about one byte per two
digits; lists and maps 3 bytes plus 1 per element): a write unit per started KB written, doubled in
transactions and repeated for each index the item appears in; a read unit per started 4 KB, halved for
eventually consistent reads. Deletes and updates are counted as one unit each, since the request does
not show the size of the item they touch (the store's deletes and counter updates touch small items).
"""

from __future__ import annotations

import base64
import json
import math
from collections import Counter
from dataclasses import dataclass, field
from typing import Any


def value_size(value: dict[str, Any]) -> int:
    (kind, content), = value.items()
    if kind == "S":
        return len(content.encode())
    if kind == "N":
        digits = content.lstrip("-").replace(".", "").strip("0") or "0"
        return math.ceil(len(digits) / 2) + 1
    if kind == "B":
        return len(base64.b64decode(content)) if isinstance(content, str) else len(content)
    if kind in {"BOOL", "NULL"}:
        return 1
    if kind in {"SS", "NS", "BS"}:
        return sum(value_size({kind[0]: item}) for item in content)
    if kind == "L":
        return 3 + sum(1 + value_size(item) for item in content)
    if kind == "M":
        return 3 + sum(1 + len(name.encode()) + value_size(item) for name, item in content.items())
    raise ValueError(f"unknown DynamoDB type {kind!r}")


def item_size(item: dict[str, dict[str, Any]]) -> int:
    return sum(len(name.encode()) + value_size(value) for name, value in item.items())


@dataclass
class CapacityMeter:
    """Attach to a low-level DynamoDB client; counts write and read request units and operations."""

    index_keys: tuple[tuple[str, ...], ...] = ()  # each GSI's key attributes: an item holding them is indexed
    write_units: float = 0.0
    read_units: float = 0.0
    operations: Counter = field(default_factory=Counter)
    _consistent: bool = False  # the request's ConsistentRead, for pricing its response

    def attach(self, client) -> None:
        client.meta.events.register("before-call.dynamodb", self._before_call)
        client.meta.events.register("after-call.dynamodb", self._after_call)

    def _put_units(self, item: dict[str, Any]) -> int:
        units = math.ceil(item_size(item) / 1024)
        indexed = sum(1 for keys in self.index_keys if all(key in item for key in keys))
        return units * (1 + indexed)

    def _before_call(self, model, params, **_: Any) -> None:
        name = model.name
        self.operations[name] += 1
        body = params.get("body") or b"{}"
        request = json.loads(body)
        self._consistent = bool(request.get("ConsistentRead"))
        if name == "PutItem":
            self.write_units += self._put_units(request["Item"])
        elif name in {"UpdateItem", "DeleteItem"}:
            self.write_units += 1
        elif name == "BatchWriteItem":
            for requests in request["RequestItems"].values():
                for entry in requests:
                    put = entry.get("PutRequest")
                    self.write_units += self._put_units(put["Item"]) if put else 1
        elif name == "TransactWriteItems":
            for entry in request["TransactItems"]:
                put = entry.get("Put")
                self.write_units += 2 * (self._put_units(put["Item"]) if put else 1)

    def _after_call(self, model, parsed, **_: Any) -> None:
        name = model.name
        per_unit = 1.0 if self._consistent else 0.5
        if name == "GetItem":
            self.read_units += per_unit * max(1, math.ceil(item_size(parsed.get("Item") or {}) / 4096))
        elif name == "Query":
            size = sum(item_size(item) for item in parsed.get("Items", []))
            self.read_units += per_unit * max(1, math.ceil(size / 4096))
        elif name == "BatchGetItem":
            for items in parsed.get("Responses", {}).values():
                self.read_units += sum(0.5 * max(1, math.ceil(item_size(item) / 4096)) for item in items)
