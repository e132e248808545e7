#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Write tests/unit/store-fixtures/vN.db: one database per Holboo schema
version, as a Holboo release that stopped at that version left it.

test-store copies each fixture, opens it with HolbooStore (which upgrades
it to the newest schema) and compares the result with a fresh database.

The SQL below is a FROZEN copy of each migration in
src/store/holboo-store-schema.c as it was released. Never regenerate an old
fixture from newer code: when you add migration N to holboo-store-schema.c,
add SCHEMA[N] (the same SQL) and DATA[N] here and run this script; the older
files must not change (check with git diff --stat).

Run it with the system Python (/usr/bin/python3), so that the fixtures are
written by the SQLite the app links (FTS5 writes its own tables).

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
    2: [
        "CREATE TABLE conversations ("
        "  id              INTEGER PRIMARY KEY,"
        "  peer            TEXT NOT NULL UNIQUE,"
        "  kind            INTEGER NOT NULL CHECK (kind IN (0, 1)),"
        "  last_activity   INTEGER NOT NULL DEFAULT 0,"
        "  last_message_id INTEGER REFERENCES messages (id) ON DELETE SET NULL,"
        "  unread          INTEGER NOT NULL DEFAULT 0 CHECK (unread >= 0),"
        "  read_until      INTEGER NOT NULL DEFAULT 0"
        ") STRICT",
        "CREATE INDEX conversations_activity ON conversations (last_activity)",
        "CREATE TABLE messages ("
        "  id                INTEGER PRIMARY KEY,"
        "  conversation_id   INTEGER NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,"
        "  direction         INTEGER NOT NULL CHECK (direction IN (0, 1)),"
        "  state             INTEGER NOT NULL CHECK (state BETWEEN 0 AND 6),"
        "  sender            TEXT NOT NULL DEFAULT '',"
        "  from_jid          TEXT NOT NULL,"
        "  to_jid            TEXT NOT NULL,"
        "  body              TEXT NOT NULL,"
        "  timestamp         INTEGER NOT NULL,"
        "  server_ts         INTEGER,"
        "  message_id        TEXT,"
        "  origin_id         TEXT,"
        "  stanza_id         TEXT,"
        "  stanza_id_by      TEXT,"
        "  receipt_requested INTEGER NOT NULL DEFAULT 0 CHECK (receipt_requested IN (0, 1)),"
        "  CHECK ((direction = 0) = (state = 0)),"
        "  CHECK ((stanza_id IS NULL) = (stanza_id_by IS NULL))"
        ") STRICT",
        "CREATE INDEX messages_time ON messages (conversation_id, timestamp, id)",
        "CREATE UNIQUE INDEX messages_stanza_id ON messages (stanza_id, stanza_id_by, conversation_id)"
        "  WHERE stanza_id IS NOT NULL",
        "CREATE UNIQUE INDEX messages_origin_id ON messages (origin_id, sender, direction, conversation_id)"
        "  WHERE origin_id IS NOT NULL",
        "CREATE INDEX messages_message_id ON messages (conversation_id, message_id)"
        "  WHERE message_id IS NOT NULL AND origin_id IS NULL",
        "CREATE INDEX messages_outbox ON messages (id) WHERE state IN (1, 2)",
        "CREATE TABLE mam_ranges ("
        "  id            INTEGER PRIMARY KEY,"
        "  archive       TEXT NOT NULL,"
        "  with_jid      TEXT NOT NULL DEFAULT '',"
        "  first_id      TEXT NOT NULL,"
        "  first_ts      INTEGER NOT NULL,"
        "  last_id       TEXT NOT NULL,"
        "  last_ts       INTEGER NOT NULL,"
        "  reaches_start INTEGER NOT NULL DEFAULT 0 CHECK (reaches_start IN (0, 1)),"
        "  CHECK (first_ts <= last_ts)"
        ") STRICT",
        "CREATE INDEX mam_ranges_archive ON mam_ranges (archive, with_jid, last_ts)",
        "CREATE VIRTUAL TABLE messages_fts USING fts5 ("
        "  body, content = 'messages', content_rowid = 'id', columnsize = 0,"
        "  tokenize = 'unicode61 remove_diacritics 2'"
        ")",
        "CREATE TRIGGER messages_fts_delete AFTER DELETE ON messages BEGIN"
        "  INSERT INTO messages_fts (messages_fts, rowid, body) VALUES ('delete', old.id, old.body);"
        " END",
        "CREATE TRIGGER messages_fts_update AFTER UPDATE OF body ON messages BEGIN"
        "  INSERT INTO messages_fts (messages_fts, rowid, body) VALUES ('delete', old.id, old.body);"
        "  INSERT INTO messages_fts (rowid, body) VALUES (new.id, new.body);"
        " END",
    ],
    3: [
        "CREATE TABLE roster ("
        "  jid          TEXT PRIMARY KEY NOT NULL,"
        "  name         TEXT,"
        "  subscription INTEGER NOT NULL DEFAULT 0 CHECK (subscription BETWEEN 0 AND 3),"
        "  ask          INTEGER NOT NULL DEFAULT 0 CHECK (ask IN (0, 1)),"
        "  approved     INTEGER NOT NULL DEFAULT 0 CHECK (approved IN (0, 1))"
        ") STRICT, WITHOUT ROWID",
        "CREATE TABLE roster_groups ("
        "  jid  TEXT NOT NULL REFERENCES roster (jid) ON DELETE CASCADE,"
        "  name TEXT NOT NULL,"
        "  PRIMARY KEY (jid, name)"
        ") STRICT, WITHOUT ROWID",
        "CREATE TABLE blocklist ("
        "  jid TEXT PRIMARY KEY NOT NULL"
        ") STRICT, WITHOUT ROWID",
    ],
    4: [
        "ALTER TABLE messages ADD COLUMN edited_at INTEGER",
        "ALTER TABLE messages ADD COLUMN retracted INTEGER NOT NULL DEFAULT 0 CHECK (retracted IN (0, 1))",
        "ALTER TABLE messages ADD COLUMN markable INTEGER NOT NULL DEFAULT 0 CHECK (markable IN (0, 1))",
        "ALTER TABLE messages ADD COLUMN reply_to_id TEXT",
        "ALTER TABLE messages ADD COLUMN reply_to_jid TEXT",
        "ALTER TABLE messages ADD COLUMN reply_to_row INTEGER REFERENCES messages (id) ON DELETE SET NULL",
        "ALTER TABLE messages ADD COLUMN reply_quote TEXT",
        "ALTER TABLE messages ADD COLUMN reactions TEXT",
        "CREATE INDEX messages_reply_to_row ON messages (reply_to_row) WHERE reply_to_row IS NOT NULL",
        "ALTER TABLE conversations ADD COLUMN displayed_until INTEGER NOT NULL DEFAULT 0",
        "CREATE TABLE reactions ("
        "  message_id INTEGER NOT NULL REFERENCES messages (id) ON DELETE CASCADE,"
        "  reactor    TEXT NOT NULL,"
        "  emojis     TEXT NOT NULL,"
        "  updated_at INTEGER NOT NULL,"
        "  PRIMARY KEY (message_id, reactor)"
        ") STRICT, WITHOUT ROWID",
        "CREATE TABLE pending_actions ("
        "  id              INTEGER PRIMARY KEY,"
        "  conversation_id INTEGER NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,"
        "  target          TEXT NOT NULL,"
        "  kind            INTEGER NOT NULL CHECK (kind BETWEEN 0 AND 4),"
        "  direction       INTEGER NOT NULL CHECK (direction IN (0, 1)),"
        "  sender          TEXT NOT NULL DEFAULT '',"
        "  body            TEXT,"
        "  timestamp       INTEGER NOT NULL,"
        "  source_row      INTEGER REFERENCES messages (id) ON DELETE CASCADE,"
        "  created         INTEGER NOT NULL"
        ") STRICT",
        "CREATE INDEX pending_actions_target ON pending_actions (conversation_id, target)",
        "CREATE INDEX pending_actions_source ON pending_actions (source_row) WHERE source_row IS NOT NULL",
        "CREATE TABLE drafts ("
        "  peer       TEXT PRIMARY KEY NOT NULL,"
        "  text       TEXT NOT NULL,"
        "  updated_at INTEGER NOT NULL"
        ") STRICT, WITHOUT ROWID",
    ],
    # Group chats.
    5: [
        "CREATE TABLE rooms ("
        "  conversation_id INTEGER PRIMARY KEY REFERENCES conversations (id) ON DELETE CASCADE,"
        "  nick            TEXT NOT NULL CHECK (nick <> ''),"
        "  name            TEXT NOT NULL DEFAULT '',"
        "  subject         TEXT NOT NULL DEFAULT '',"
        "  autojoin        INTEGER NOT NULL DEFAULT 1 CHECK (autojoin IN (0, 1))"
        ") STRICT",
    ],
    # The team log and the customers replayed from it.
    6: [
        'CREATE TABLE teamlog_ops (  seq       INTEGER PRIMARY KEY,  stanza_id TEXT NOT NULL,  uuid      TEXT NOT NULL UNIQUE,  type      TEXT NOT NULL,  version   INTEGER NOT NULL,  author    TEXT NOT NULL,  server_ts INTEGER NOT NULL,  applied   INTEGER NOT NULL CHECK (applied IN (0, 1)),  payload   TEXT,  CHECK (applied = 1 OR payload IS NOT NULL)) STRICT',
        'CREATE TABLE customers (  id          INTEGER PRIMARY KEY,  uuid        TEXT NOT NULL UNIQUE,  created_by  TEXT NOT NULL,  created_at  INTEGER NOT NULL,  deleted     INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),  merged_into TEXT) STRICT',
        'CREATE TABLE customer_fields (  customer_id INTEGER NOT NULL REFERENCES customers (id) ON DELETE CASCADE,  name        TEXT NOT NULL,  value       TEXT NOT NULL,  PRIMARY KEY (customer_id, name)) STRICT, WITHOUT ROWID',
        'CREATE TABLE customer_handles (  kind        INTEGER NOT NULL CHECK (kind IN (0, 1, 2)),  value       TEXT NOT NULL,  customer_id INTEGER NOT NULL REFERENCES customers (id) ON DELETE CASCADE,  PRIMARY KEY (kind, value, customer_id)) STRICT, WITHOUT ROWID',
        'CREATE INDEX customer_handles_customer ON customer_handles (customer_id)',
        'CREATE TABLE customer_tags (  customer_id INTEGER NOT NULL REFERENCES customers (id) ON DELETE CASCADE,  tag         TEXT NOT NULL,  PRIMARY KEY (customer_id, tag)) STRICT, WITHOUT ROWID',
        'CREATE TABLE customer_events (  id          INTEGER PRIMARY KEY,  customer_id INTEGER NOT NULL REFERENCES customers (id) ON DELETE CASCADE,  uuid        TEXT NOT NULL UNIQUE,  kind        TEXT NOT NULL,  at          INTEGER NOT NULL,  author      TEXT NOT NULL,  body        TEXT NOT NULL,  data        TEXT,  deleted     INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1))) STRICT',
        'CREATE INDEX customer_events_timeline ON customer_events (customer_id, at, id)',
        "CREATE VIRTUAL TABLE customers_fts USING fts5 (  text, tokenize = 'unicode61 remove_diacritics 2')",
        "CREATE VIRTUAL TABLE customer_events_fts USING fts5 (  body, content = 'customer_events', content_rowid = 'id', columnsize = 0,  tokenize = 'unicode61 remove_diacritics 2')",
    ],
    # Attachments.
    7: [
        "CREATE TABLE attachments ("
        "  message_id     INTEGER PRIMARY KEY REFERENCES messages (id) ON DELETE CASCADE,"
        "  state          INTEGER NOT NULL CHECK (state BETWEEN 0 AND 5),"
        "  url            TEXT,"
        "  local_path     TEXT,"
        "  name           TEXT NOT NULL,"
        "  size           INTEGER NOT NULL DEFAULT -1 CHECK (size >= -1),"
        "  mime           TEXT,"
        "  thumbnail_path TEXT,"
        "  width          INTEGER NOT NULL DEFAULT 0 CHECK (width >= 0),"
        "  height         INTEGER NOT NULL DEFAULT 0 CHECK (height >= 0),"
        "  description    TEXT,"
        "  error          TEXT,"
        "  CHECK (state IN (0, 1) OR url IS NOT NULL)"
        ") STRICT",
        "CREATE INDEX attachments_waiting ON attachments (message_id) WHERE state IN (0, 1)",
    ],
    # The call log.
    8: [
        "CREATE TABLE calls ("
        "  id          INTEGER PRIMARY KEY,"
        "  sid         TEXT NOT NULL,"
        "  peer        TEXT NOT NULL,"
        "  incoming    INTEGER NOT NULL CHECK (incoming IN (0, 1)),"
        "  video       INTEGER NOT NULL CHECK (video IN (0, 1)),"
        "  end_reason  TEXT NOT NULL,"
        "  started     INTEGER NOT NULL,"
        "  answered    INTEGER NOT NULL DEFAULT 0,"
        "  ended       INTEGER NOT NULL CHECK (ended >= started),"
        "  UNIQUE (sid, peer)"
        ") STRICT",
        "CREATE INDEX calls_started ON calls (started, id)",
    ],
    # The customer list in name order.
    9: [
        "CREATE INDEX customer_fields_by_value ON customer_fields (name, value)",
        "CREATE INDEX customer_tags_by_tag ON customer_tags (tag)",
    ],
    # The team log's op outbox.
    10: [
        "CREATE TABLE teamlog_outbox ("
        "  seq          INTEGER PRIMARY KEY,"
        "  uuid         TEXT NOT NULL UNIQUE,"
        "  kind         INTEGER NOT NULL,"
        "  type         TEXT NOT NULL,"
        "  customer     TEXT NOT NULL,"
        "  target       TEXT,"
        "  body         TEXT,"
        "  at           INTEGER NOT NULL DEFAULT 0,"
        "  data         TEXT,"
        "  author       TEXT NOT NULL,"
        "  submitted_at INTEGER NOT NULL"
        ") STRICT",
        "CREATE INDEX teamlog_outbox_customer ON teamlog_outbox (customer)",
        "CREATE TABLE teamlog_outbox_fields ("
        "  seq      INTEGER NOT NULL REFERENCES teamlog_outbox (seq) ON DELETE CASCADE,"
        "  position INTEGER NOT NULL,"
        "  name     TEXT NOT NULL,"
        "  value    TEXT NOT NULL,"
        "  PRIMARY KEY (seq, position)"
        ") STRICT, WITHOUT ROWID",
        "ALTER TABLE customers ADD COLUMN pending INTEGER NOT NULL DEFAULT 0 CHECK (pending IN (0, 1))",
        "CREATE TABLE customers_search_pending ("
        "  customer_id INTEGER PRIMARY KEY"
        ") STRICT",
    ],
    # Colleagues' business cards, as last fetched.
    11: [
        "CREATE TABLE cards ("
        "  jid        TEXT PRIMARY KEY NOT NULL,"
        "  vcard      TEXT NOT NULL,"
        "  fetched_at INTEGER NOT NULL"
        ") STRICT, WITHOUT ROWID",
    ],
    # Muted and pinned conversations.
    12: [
        "ALTER TABLE conversations ADD COLUMN muted INTEGER NOT NULL DEFAULT 0 CHECK (muted IN (0, 1))",
        "ALTER TABLE conversations ADD COLUMN pinned INTEGER NOT NULL DEFAULT 0 CHECK (pinned >= 0)",
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
    # One chat: an archived incoming message (unread), our acked answer,
    # and a message still in the outbox; one synced MAM range.
    2: [
        ("INSERT INTO conversations (id, peer, kind) VALUES (?, ?, ?)",
         (1, "bat.erdene@example.mn", 0)),
        ("INSERT INTO messages (id, conversation_id, direction, state, from_jid, to_jid, body,"
         " timestamp, server_ts, message_id, origin_id, stanza_id, stanza_id_by, receipt_requested)"
         " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
         (1, 1, 0, 0, "bat.erdene@example.mn/phone", "bold@example.mn",
          "Сайн байна уу? Гэрээний төслийг илгээлээ.", 1700000000000000, 1700000000000000,
          "m-1", "3f1c5d2e-0001", "A1", "bold@example.mn", 1)),
        ("INSERT INTO messages (id, conversation_id, direction, state, from_jid, to_jid, body,"
         " timestamp, server_ts, message_id, origin_id, stanza_id, stanza_id_by, receipt_requested)"
         " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
         (2, 1, 1, 4, "bold@example.mn/desktop", "bat.erdene@example.mn",
          "Баярлалаа, contract received.", 1700000060000000, 1700000060000000,
          "8d2b0c1a-0002", "8d2b0c1a-0002", "A2", "bold@example.mn", 1)),
        ("INSERT INTO messages (id, conversation_id, direction, state, from_jid, to_jid, body,"
         " timestamp, message_id, origin_id, receipt_requested)"
         " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
         (3, 1, 1, 1, "bold@example.mn", "bat.erdene@example.mn",
          "Маргааш уулзъя", 1700000120000000, "8d2b0c1a-0003", "8d2b0c1a-0003", 1)),
        ("UPDATE conversations SET last_activity = ?, last_message_id = ?, unread = ?,"
         " read_until = ? WHERE id = ?",
         (1700000120000000, 3, 0, 1700000120000000, 1)),
        # Holboo indexes new rows itself (no trigger).
        ("INSERT INTO messages_fts (rowid, body) SELECT id, body FROM messages", ()),
        ("INSERT INTO mam_ranges (archive, first_id, first_ts, last_id, last_ts, reaches_start)"
         " VALUES (?, ?, ?, ?, ?, ?)",
         ("bold@example.mn", "A1", 1700000000000000, "A2", 1700000060000000, 1)),
    ],
    # Two contacts (one in a group, one asked and not yet answered), the
    # roster's version, and one blocked address.
    3: [
        ("INSERT INTO roster (jid, name, subscription, ask, approved) VALUES (?, ?, ?, ?, ?)",
         ("bat.erdene@example.mn", "Бат-Эрдэнэ", 3, 0, 0)),
        ("INSERT INTO roster (jid, name, subscription, ask, approved) VALUES (?, ?, ?, ?, ?)",
         ("saraa@example.mn", None, 0, 1, 0)),
        ("INSERT INTO roster_groups (jid, name) VALUES (?, ?)", ("bat.erdene@example.mn", "Борлуулалт")),
        ("INSERT INTO meta (key, value) VALUES (?, ?)", ("roster-ver", "v3-fixture")),
        ("INSERT INTO blocklist (jid) VALUES (?)", ("spam@example.com",)),
    ],
    # Message actions: the incoming message was corrected and got two
    # reactions (one ours); a reply to it; a retracted message (a
    # tombstone, out of the index); a correction waiting for its message;
    # a draft.
    4: [
        ("UPDATE messages SET body = ?, edited_at = ?, markable = 1,"
         " reactions = ? WHERE id = ?",
         ("Сайн байна уу? Гэрээний шинэ төслийг илгээлээ.", 1700000030000000,
          "👍\t2\t1\n🎉\t1\t0", 1)),
        ("INSERT INTO reactions (message_id, reactor, emojis, updated_at) VALUES (?, ?, ?, ?)",
         (1, "", "👍", 1700000070000000)),
        ("INSERT INTO reactions (message_id, reactor, emojis, updated_at) VALUES (?, ?, ?, ?)",
         (1, "bat.erdene@example.mn", "👍\n🎉", 1700000080000000)),
        ("INSERT INTO messages (id, conversation_id, direction, state, from_jid, to_jid, body,"
         " timestamp, message_id, origin_id, receipt_requested, reply_to_id, reply_to_jid,"
         " reply_to_row, reply_quote)"
         " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
         (4, 1, 1, 6, "bold@example.mn", "bat.erdene@example.mn", "Хүлээж авлаа",
          1700000180000000, "8d2b0c1a-0004", "8d2b0c1a-0004", 1, "m-1",
          "bat.erdene@example.mn", 1, "Сайн байна уу?")),
        ("INSERT INTO messages (id, conversation_id, direction, state, from_jid, to_jid, body,"
         " timestamp, message_id, origin_id, retracted)"
         " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
         (5, 1, 0, 0, "bat.erdene@example.mn/phone", "bold@example.mn", "",
          1700000240000000, "m-5", "3f1c5d2e-0005", 1)),
        ("INSERT INTO pending_actions (conversation_id, target, kind, direction, sender, body,"
         " timestamp, created) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
         (1, "m-0", 0, 0, "", "Өмнөх мессеж, засварласан", 1700000250000000, 1700000250000000)),
        ("UPDATE conversations SET last_activity = ?, last_message_id = ?, unread = ?,"
         " read_until = ?, displayed_until = ? WHERE id = ?",
         (1700000240000000, 5, 0, 1700000180000000, 1700000180000000, 1)),
        ("INSERT INTO drafts (peer, text, updated_at) VALUES (?, ?, ?)",
         ("bat.erdene@example.mn", "Маргааш 10 цагт уулз", 1700000300000000)),
        # The index as Holboo keeps it: rebuilt from the bodies as they are.
        ("INSERT INTO messages_fts (messages_fts) VALUES ('rebuild')", ()),
    ],
    # One team room with a message from an occupant, archived by the room.
    5: [
        ("INSERT INTO conversations (id, peer, kind) VALUES (?, ?, ?)",
         (20, "borluulalt@conference.example.mn", 1)),
        ("INSERT INTO rooms (conversation_id, nick, name, subject, autojoin) VALUES (?, ?, ?, ?, ?)",
         (20, "Болд", "Борлуулалт", "Долоо хоногийн төлөвлөгөө", 1)),
        ("INSERT INTO messages (id, conversation_id, direction, state, sender, from_jid, to_jid, body,"
         " timestamp, server_ts, message_id, origin_id, stanza_id, stanza_id_by)"
         " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
         (40, 20, 0, 0, "borluulalt@conference.example.mn/Сараа",
          "borluulalt@conference.example.mn/Сараа", "bold@example.mn",
          "Өнөөдөр 3 захиалга хаалаа", 1700000200000000, 1700000200000000,
          "g-1", "5a5a-0004", "R1", "borluulalt@conference.example.mn")),
        ("INSERT INTO messages_fts (rowid, body) VALUES (?, ?)", (40, "Өнөөдөр 3 захиалга хаалаа")),
        ("UPDATE conversations SET last_activity = ?, last_message_id = ?, unread = ? WHERE id = ?",
         (1700000200000000, 40, 1, 20)),
        ("INSERT INTO mam_ranges (archive, first_id, first_ts, last_id, last_ts, reaches_start)"
         " VALUES (?, ?, ?, ?, ?, ?)",
         ("borluulalt@conference.example.mn", "R1", 1700000200000000, "R1", 1700000200000000, 1)),
    ],
    # One customer of the team log: created by one member, a note by
    # another, a call logged; and an op of a later version, kept.
    6: [
        ("INSERT INTO teamlog_ops (seq, stanza_id, uuid, type, version, author, server_ts, applied, payload)"
         " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
         (1, "T1", "0e6f6a4c-0001-4000-8000-000000000001", "customer.create", 1, "bold@example.mn",
          1700000200000000, 1, None)),
        ("INSERT INTO teamlog_ops (seq, stanza_id, uuid, type, version, author, server_ts, applied, payload)"
         " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
         (2, "T2", "0e6f6a4c-0001-4000-8000-000000000002", "customer.update", 2, "bat.erdene@example.mn",
          1700000260000000, 0, "<op xmlns='urn:holboo:teamlog:1' v='2'/>")),
        ("INSERT INTO customers (id, uuid, created_by, created_at) VALUES (?, ?, ?, ?)",
         (1, "5a7c0e2d-0001-4000-8000-00000000c001", "bold@example.mn", 1700000200000000)),
        ("INSERT INTO customer_fields (customer_id, name, value) VALUES (?, ?, ?)",
         (1, "name", "Сарангэрэл")),
        ("INSERT INTO customer_fields (customer_id, name, value) VALUES (?, ?, ?)",
         (1, "phones", "+97699112233")),
        ("INSERT INTO customer_handles (kind, value, customer_id) VALUES (?, ?, ?)",
         (0, "+97699112233", 1)),
        ("INSERT INTO customer_tags (customer_id, tag) VALUES (?, ?)", (1, "VIP")),
        ("INSERT INTO customer_events (id, customer_id, uuid, kind, at, author, body)"
         " VALUES (?, ?, ?, ?, ?, ?, ?)",
         (1, 1, "5a7c0e2d-0002-4000-8000-00000000e001", "note", 1700000230000000, "bat.erdene@example.mn",
          "Нэхэмжлэлийн талаар асуусан")),
        ("INSERT INTO customers_fts (rowid, text) VALUES (?, ?)", (1, "Сарангэрэл\n+97699112233")),
        ("INSERT INTO customer_events_fts (rowid, body) SELECT id, body FROM customer_events", ()),
    ],
    # A conversation of its own (the earlier checks count theirs): a photo
    # of ours still uploading (its message pending, out of the outbox),
    # and a contract offered to us, not downloaded.
    7: [
        ("INSERT INTO conversations (id, peer, kind) VALUES (?, ?, ?)", (2, "saraa@example.mn", 0)),
        ("INSERT INTO messages (id, conversation_id, direction, state, from_jid, to_jid, body,"
         " timestamp, message_id, origin_id, receipt_requested)"
         " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
         (6, 2, 1, 1, "bold@example.mn", "saraa@example.mn",
          "Зураг.jpg", 1700000180000000, "8d2b0c1a-0006", "8d2b0c1a-0006", 1)),
        ("INSERT INTO attachments (message_id, state, local_path, name, size, mime, width, height,"
         " description) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
         (6, 0, "/home/bold/Зураг.jpg", "Зураг.jpg", 48213, "image/jpeg", 640, 480, "Оффисын зураг")),
        ("INSERT INTO messages (id, conversation_id, direction, state, from_jid, to_jid, body,"
         " timestamp, server_ts, message_id, origin_id, stanza_id, stanza_id_by, receipt_requested)"
         " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
         (7, 2, 0, 0, "saraa@example.mn/phone", "bold@example.mn",
          "https://upload.example.mn/x/gereee.pdf", 1700000240000000, 1700000240000000,
          "m-7", "3f1c5d2e-0007", "A7", "bold@example.mn", 0)),
        ("INSERT INTO attachments (message_id, state, url, name) VALUES (?, ?, ?, ?)",
         (7, 3, "https://upload.example.mn/x/gereee.pdf", "gereee.pdf")),
        ("INSERT INTO messages_fts (rowid, body) SELECT id, body FROM messages WHERE id IN (6, 7)", ()),
        ("UPDATE conversations SET last_activity = ?, last_message_id = ?, unread = ? WHERE id = ?",
         (1700000240000000, 7, 1, 2)),
    ],
    # A call answered and hung up, and one missed.
    8: [
        ("INSERT INTO calls (id, sid, peer, incoming, video, end_reason, started, answered, ended)"
         " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
         (1, "c4a11e8d-0001", "saraa@example.mn", 0, 0, "hung-up",
          1700000300000000, 1700000304000000, 1700000364000000)),
        ("INSERT INTO calls (id, sid, peer, incoming, video, end_reason, started, answered, ended)"
         " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
         (2, "c4a11e8d-0002", "bat.erdene@example.mn", 1, 1, "missed",
          1700000400000000, 0, 1700000430000000)),
    ],
    # A customer typed offline (pending, in the outbox with its fields),
    # waiting for the team log.
    10: [
        ("INSERT INTO customers (id, uuid, created_by, created_at, pending) VALUES (?, ?, ?, ?, ?)",
         (2, "5a7c0e2d-0008-4000-8000-00000000c002", "bold@example.mn", 1700000250000000, 1)),
        ("INSERT INTO customer_fields (customer_id, name, value) VALUES (?, ?, ?)",
         (2, "name", "Мөнхбат")),
        ("INSERT INTO teamlog_outbox (seq, uuid, kind, type, customer, author, submitted_at)"
         " VALUES (?, ?, ?, ?, ?, ?, ?)",
         (1, "5a7c0e2d-0008-4000-8000-00000000a008", 1, "customer.create",
          "5a7c0e2d-0008-4000-8000-00000000c002", "bold@example.mn", 1700000250000000)),
        ("INSERT INTO teamlog_outbox_fields (seq, position, name, value) VALUES (?, ?, ?, ?)",
         (1, 0, "name", "Мөнхбат")),
        ("INSERT INTO customers_fts (rowid, text) VALUES (?, ?)", (2, "Мөнхбат")),
    ],
    # A colleague's card, kept from the last run.
    11: [
        ("INSERT INTO cards (jid, vcard, fetched_at) VALUES (?, ?, ?)",
         ("bat.erdene@example.mn",
          "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Бат-Эрдэнэ\r\nTITLE:Борлуулалтын менежер\r\n"
          "IMPP:xmpp:bat.erdene@example.mn\r\nEND:VCARD\r\n", 1700000500000000)),
    ],
    # The chat with saraa is muted and pinned; a group with no message
    # yet is pinned (listed all the same).
    12: [
        ("UPDATE conversations SET muted = 1, pinned = ? WHERE peer = ?",
         (1700000300000000, "saraa@example.mn")),
        ("INSERT INTO conversations (id, peer, kind, pinned) VALUES (?, ?, ?, ?)",
         (3, "tovchoo@conference.example.mn", 1, 1700000360000000)),
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
