"""Where an import's rows go while the file is read: a temporary staging table, then one
``INSERT … SELECT`` into the observations.

On PostgreSQL the rows are streamed into the staging table with ``COPY … FROM STDIN`` (psycopg 3),
on SQLite in batches of ``executemany``; either way nothing is held in memory but one batch.
The staging table has no index and no constraint, so filling it costs little; the database
checks the unique key once, when the rows are copied into the observation table, and only when
that fails is the staging table searched for the lines that repeat a key (so the common case
pays for no extra sort). Everything runs in the caller's transaction: a problem rolls it all back."""

from django.db import IntegrityError, connection, transaction

from .models import Observation

TABLE = "datasets_import_staging"
COLUMNS = ("line", "indicator_id", "period", "period_start", "area_id", "breakdown_key", "value", "status")
BATCH = 1000  # rows per executemany on SQLite


def _create(cursor):
    cursor.execute(f"DROP TABLE IF EXISTS {TABLE}")
    cursor.execute(
        f"CREATE TEMPORARY TABLE {TABLE} (line integer NOT NULL, indicator_id bigint NOT NULL, "
        "period varchar(10) NOT NULL, period_start date NOT NULL, area_id bigint NOT NULL, "
        "breakdown_key varchar(255) NOT NULL, value numeric(20, 6), status varchar(1) NOT NULL)"
    )


class StagingWriter:
    """``write(row)`` for each valid row (a tuple in COLUMNS order), then ``insert(version)``;
    use as a context manager inside a transaction."""

    def __init__(self):
        self.postgres = connection.vendor == "postgresql"
        self.batch = []

    def __enter__(self):
        self.cursor = connection.cursor()
        _create(self.cursor)
        if self.postgres:
            self._copy = self.cursor.copy(f"COPY {TABLE} ({', '.join(COLUMNS)}) FROM STDIN")
            self.copy = self._copy.__enter__()
        return self

    def __exit__(self, *exc):
        if self.postgres and self._copy is not None:
            self._copy.__exit__(*exc)
            self._copy = None
        if exc[0] is None:
            self.cursor.execute(f"DROP TABLE IF EXISTS {TABLE}")
        self.cursor.close()
        return False

    def write(self, row):
        if self.postgres:
            self.copy.write_row(row)
            return
        self.batch.append(row)
        if len(self.batch) >= BATCH:
            self._flush()

    def _flush(self):
        if self.batch:
            placeholders = ", ".join(["%s"] * len(COLUMNS))
            insert = f"INSERT INTO {TABLE} VALUES ({placeholders})"  # noqa: S608 (constant names)
            self.cursor.executemany(insert, self.batch)
            self.batch = []

    def finish_staging(self):
        """The rows are all staged: end the COPY (or the last batch)."""
        if self.postgres:
            self._copy.__exit__(None, None, None)
            self._copy = None
        else:
            self._flush()

    def insert(self, version_id):
        """Copy the staged rows into the observations of the version; returns None, or a list of
        (line, first line) for rows that repeat the key of an earlier line (nothing is inserted)."""
        table = Observation._meta.db_table
        try:
            with transaction.atomic():
                self.cursor.execute(
                    f"INSERT INTO {table} (version_id, indicator_id, period, period_start, area_id, "  # noqa: S608
                    f"breakdown_key, value, status) SELECT %s, indicator_id, period, period_start, "
                    f"area_id, breakdown_key, value, status FROM {TABLE}",
                    [version_id],
                )
        except IntegrityError:
            return self.repeated() or [(0, 0)]
        if self.postgres:
            # Fresh statistics, so that the diff (and later slices) plan joins on the new rows well.
            self.cursor.execute(f"ANALYZE {table}")
        return None

    def repeated(self, limit=100):
        self.cursor.execute(
            f"SELECT line, first FROM (SELECT line, MIN(line) OVER (PARTITION BY indicator_id, period, "  # noqa: S608
            f"area_id, breakdown_key) AS first FROM {TABLE}) AS keyed WHERE line <> first "
            "ORDER BY line LIMIT %s",
            [limit],
        )
        return self.cursor.fetchall()
