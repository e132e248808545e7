#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Write tests/unit/store-fixtures/vN.db: one database per Holboo schema
version, as a Holboo release that stopped at that version left it.

test-store copies each fixture, opens it with HolbooStore (which upgrades
it to the newest schema) and compares the result with a fresh database.

The SQL below is a FROZEN copy of each migration in src/store/holboo-store.c
as it was released. Never regenerate an old fixture from newer code: when
you add migration N to holboo-store.c, add SCHEMA[N] (the same SQL) and
DATA[N] here and run this script; the older files must not change.

Usage: make-fixtures.py [OUTPUT_DIR]   (default: this script's directory)
"""

import os
import sqlite3
import sys

APPLICATION_ID = 1215062639  # "Hlbo"

# SCHEMA[n] takes the schema from version n - 1 to n.
SCHEMA = {
    1: [
        f"PRAGMA application_id = {APPLICATION_ID}",
        "CREATE TABLE meta ("
        "  key   TEXT PRIMARY KEY NOT NULL,"
        "  value TEXT NOT NULL"
        ") STRICT, WITHOUT ROWID",
    ],
}

# Rows a database of that version would hold; the upgrade test checks
# they survive. Rows of version n are written once the schema is at n.
DATA = {
    1: [
        ("INSERT INTO meta (key, value) VALUES (?, ?)", ("fixture-version", "1")),
        ("INSERT INTO meta (key, value) VALUES (?, ?)", ("account", "bold@example.mn")),
        ("INSERT INTO meta (key, value) VALUES (?, ?)", ("unicode", "Холбоо ✓")),
    ],
}

LATEST = max(SCHEMA)


def write(path, version):
    for suffix in ("", "-journal", "-wal", "-shm"):
        try:
            os.unlink(path + suffix)
        except FileNotFoundError:
            pass

    db = sqlite3.connect(path, isolation_level=None)
    db.execute("PRAGMA journal_mode = DELETE")
    db.execute("PRAGMA page_size = 4096")
    for v in range(1, version + 1):
        db.execute("BEGIN")
        for sql in SCHEMA[v]:
            db.execute(sql)
        for sql, args in DATA.get(v, []):
            db.execute(sql, args)
        db.execute(f"PRAGMA user_version = {v}")
        db.execute("COMMIT")
    # Version 0 is a database SQLite created and Holboo never migrated:
    # a valid header and nothing else.
    db.execute("VACUUM")
    db.close()
    os.chmod(path, 0o644)


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
    for version in range(0, LATEST + 1):
        path = os.path.join(out, f"v{version}.db")
        write(path, version)
        print(f"wrote {path}")


if __name__ == "__main__":
    main()
