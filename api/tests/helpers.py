import csv
import io
import json

from api.tests.conftest import FIRST

BASE = "/api/v1/datasets/population"


def body(response):
    return b"".join(response.streaming_content) if response.streaming else response.content


def expected_rows():
    """What was imported in version 1, as (indicator, period, area, breakdown key, value, status)."""
    rows = set()
    for row in csv.DictReader(io.StringIO(FIRST)):
        key = f"age={row['age']};sex={row['sex']}"
        rows.add((row["indicator"], row["period"], row["area"], key, row["value"], row["status"] or "A"))
    return rows


def number(value):
    """A JSON number as the CSV wrote it (1180, 1234.5, -3)."""
    if value is None:
        return ""
    return str(int(value)) if float(value).is_integer() else repr(value)


def from_json(data):
    return {
        (
            o["indicator"],
            o["period"],
            o["area"],
            ";".join(f"{k}={v}" for k, v in sorted(o["breakdown"].items())),
            number(o["value"]),
            o["status"],
        )
        for o in data["observations"]
    }


def from_jsonstat(data):
    """Every cell back to a row: its position decoded through the dimensions' sizes."""
    ids, sizes = data["id"], data["size"]
    indexes = [data["dimension"][name]["category"]["index"] for name in ids]
    rows = set()
    for position, value in data["value"].items():
        rest, codes = int(position), []
        for size, index in zip(reversed(sizes), reversed(indexes), strict=True):
            codes.insert(0, index[rest % size])
            rest //= size
        key = ";".join(f"{name}={code}" for name, code in sorted(zip(ids[3:], codes[3:], strict=True)))
        status = data["status"].get(position, "A")
        rows.add((codes[0], codes[2], codes[1], key, number(value), status))
    return rows


def from_csv(text):
    rows = set()
    for row in csv.DictReader(io.StringIO(text)):
        key = f"age={row['age']};sex={row['sex']}"
        rows.add((row["indicator"], row["period"], row["area"], key, row["value"], row["status"]))
    return rows


def problem(response, status):
    assert response.status_code == status, body(response)[:300]
    assert response["Content-Type"] == "application/problem+json"
    data = json.loads(body(response))
    assert data["status"] == status and data["title"] and data["detail"]
    return data
