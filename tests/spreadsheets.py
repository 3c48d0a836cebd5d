import csv
import io


def csv_rows(response):
    """The rows of a CSV download from the admin, header first."""
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    body = b"".join(response.streaming_content).decode()
    return list(csv.reader(io.StringIO(body)))
