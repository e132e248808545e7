/* holboo-store-schema.c: the schema and its numbered migrations
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "holboo-store"

#include "config.h"

#include "holboo-store-private.h"

#include <glib/gi18n-lib.h>

/* Numbered forward migrations: migrations[i] takes the schema from
 * version i to version i + 1.  Never change an entry once it has been
 * released: append a new one, and add its fixture database with
 * tests/unit/store-fixtures/make-fixtures.py. */
static const char * const migrations[] = {
  /* 1: facts about this database and its account, as key/value pairs. */
  "PRAGMA application_id = " G_STRINGIFY (HOLBOO_STORE_APPLICATION_ID) ";"
  "CREATE TABLE meta ("
  "  key   TEXT PRIMARY KEY NOT NULL,"
  "  value TEXT NOT NULL"
  ") STRICT, WITHOUT ROWID;",

  /* 2: conversations and messages, the outbox, MAM synced ranges and the
   * full-text index.  Enum values are those of holboo-store-types.h.
   * Times are microseconds since the Unix epoch (UTC). */
  /* One row per peer: a contact's bare JID (kind 0, chat) or a room's
   * (kind 1, group).  read_until: the newest time the user has seen;
   * unread counts incoming messages after it. */
  "CREATE TABLE conversations ("
  "  id              INTEGER PRIMARY KEY,"
  "  peer            TEXT NOT NULL UNIQUE,"
  "  kind            INTEGER NOT NULL CHECK (kind IN (0, 1)),"
  "  last_activity   INTEGER NOT NULL DEFAULT 0,"
  "  last_message_id INTEGER REFERENCES messages (id) ON DELETE SET NULL,"
  "  unread          INTEGER NOT NULL DEFAULT 0 CHECK (unread >= 0),"
  "  read_until      INTEGER NOT NULL DEFAULT 0"
  ") STRICT;"
  "CREATE INDEX conversations_activity ON conversations (last_activity);"
  /* direction: 0 incoming, 1 outgoing.  state: 0 received (all incoming
   * rows), then for outgoing rows in the order they may advance:
   * 1 pending, 2 sent, 3 failed, 4 acked, 5 delivered, 6 read.
   * sender scopes origin-ids: '' for our own messages and for the peer
   * of a chat, the occupant's JID in a group.  stanza_id and
   * stanza_id_by: the archive's id (XEP-0359), which is also the MAM
   * position; server_ts: the archive's time, when known. */
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
  ") STRICT;"
  /* Pages of a conversation: keyset pagination on (timestamp, id). */
  "CREATE INDEX messages_time ON messages (conversation_id, timestamp, id);"
  /* Dedup: one row per archived message, and per origin-id of a sender
   * (live, carbon and MAM copies of one message, and resends).  The id
   * comes first: ids that grow (ejabberd's are times) then append to
   * one leaf instead of touching one per conversation in every batch. */
  "CREATE UNIQUE INDEX messages_stanza_id ON messages (stanza_id, stanza_id_by, conversation_id)"
  "  WHERE stanza_id IS NOT NULL;"
  "CREATE UNIQUE INDEX messages_origin_id ON messages (origin_id, sender, direction, conversation_id)"
  "  WHERE origin_id IS NOT NULL;"
  /* Dedup of copies from clients that send no origin-id. */
  "CREATE INDEX messages_message_id ON messages (conversation_id, message_id)"
  "  WHERE message_id IS NOT NULL AND origin_id IS NULL;"
  /* The outbox: outgoing rows not yet acked, in send order. */
  "CREATE INDEX messages_outbox ON messages (id) WHERE state IN (1, 2);"
  /* Stretches of an archive known to be stored completely, from first
   * to last (inclusive, archive order).  with_jid: '' for the whole
   * archive, else the peer a filtered query asked for.  reaches_start:
   * nothing in the archive is older than first. */
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
  ") STRICT;"
  "CREATE INDEX mam_ranges_archive ON mam_ranges (archive, with_jid, last_ts);"
  /* Full-text search on bodies; the text stays in messages.
   * remove_diacritics folds Latin accents only: Cyrillic й, ё, ө, ү
   * stay letters of their own.  columnsize = 0: no per-row size table
   * (results are not ranked by bm25), one write less per message.
   * New rows are indexed by holboo_store_insert_messages() at the end
   * of its transaction, not by a trigger: FTS5 (3.40) writes out its
   * pending index at every statement savepoint, and a trigger opens one
   * per row.  Changes and deletes, which are rare, are kept by
   * triggers. */
  "CREATE VIRTUAL TABLE messages_fts USING fts5 ("
  "  body, content = 'messages', content_rowid = 'id', columnsize = 0,"
  "  tokenize = 'unicode61 remove_diacritics 2'"
  ");"
  "CREATE TRIGGER messages_fts_delete AFTER DELETE ON messages BEGIN"
  "  INSERT INTO messages_fts (messages_fts, rowid, body) VALUES ('delete', old.id, old.body);"
  " END;"
  "CREATE TRIGGER messages_fts_update AFTER UPDATE OF body ON messages BEGIN"
  "  INSERT INTO messages_fts (messages_fts, rowid, body) VALUES ('delete', old.id, old.body);"
  "  INSERT INTO messages_fts (rowid, body) VALUES (new.id, new.body);"
  " END;",

  /* 3: the roster and the blocklist, so that contacts are known offline.
   * subscription: 0 none, 1 to, 2 from, 3 both (RFC 6121 §2.1.2.5).
   * ask: our subscription request is pending; approved: theirs is
   * pre-approved.  The roster's version (RFC 6121 §2.6) is the meta key
   * "roster-ver", written in the same transaction as the items.  JIDs
   * are normalised: roster items bare, blocklist entries as XEP-0191
   * allows (full, bare, domain/resource, domain). */
  "CREATE TABLE roster ("
  "  jid          TEXT PRIMARY KEY NOT NULL,"
  "  name         TEXT,"
  "  subscription INTEGER NOT NULL DEFAULT 0 CHECK (subscription BETWEEN 0 AND 3),"
  "  ask          INTEGER NOT NULL DEFAULT 0 CHECK (ask IN (0, 1)),"
  "  approved     INTEGER NOT NULL DEFAULT 0 CHECK (approved IN (0, 1))"
  ") STRICT, WITHOUT ROWID;"
  "CREATE TABLE roster_groups ("
  "  jid  TEXT NOT NULL REFERENCES roster (jid) ON DELETE CASCADE,"
  "  name TEXT NOT NULL,"
  "  PRIMARY KEY (jid, name)"
  ") STRICT, WITHOUT ROWID;"
  "CREATE TABLE blocklist ("
  "  jid TEXT PRIMARY KEY NOT NULL"
  ") STRICT, WITHOUT ROWID;",

  /* 4: message actions (holboo-store-actions.c) and drafts.
   * edited_at: time of the correction (XEP-0308) whose body is shown,
   * NULL when never corrected.  retracted: deleted for everyone
   * (XEP-0424); the row stays as a tombstone with an empty body, which
   * the FTS update trigger takes out of the index.  markable: the
   * sender asked for chat markers (XEP-0333).  reply_to_*: the message
   * this one answers (XEP-0461): the id and author it named, its row
   * once known, and the quote the sender included (shown while the row
   * is not known).  reactions: the summary of the reactions table for
   * this message, "emoji TAB count TAB own" lines, NULL for none. */
  "ALTER TABLE messages ADD COLUMN edited_at INTEGER;"
  "ALTER TABLE messages ADD COLUMN retracted INTEGER NOT NULL DEFAULT 0 CHECK (retracted IN (0, 1));"
  "ALTER TABLE messages ADD COLUMN markable INTEGER NOT NULL DEFAULT 0 CHECK (markable IN (0, 1));"
  "ALTER TABLE messages ADD COLUMN reply_to_id TEXT;"
  "ALTER TABLE messages ADD COLUMN reply_to_jid TEXT;"
  "ALTER TABLE messages ADD COLUMN reply_to_row INTEGER REFERENCES messages (id) ON DELETE SET NULL;"
  "ALTER TABLE messages ADD COLUMN reply_quote TEXT;"
  "ALTER TABLE messages ADD COLUMN reactions TEXT;"
  "CREATE INDEX messages_reply_to_row ON messages (reply_to_row) WHERE reply_to_row IS NOT NULL;"
  /* displayed_until: the newest time of our messages the peer has seen
   * (its displayed markers); rows up to it are state 6, read. */
  "ALTER TABLE conversations ADD COLUMN displayed_until INTEGER NOT NULL DEFAULT 0;"
  /* One row per message and reactor: the reactor's whole set (XEP-0444
   * replaces it each time), emojis joined by newlines.  reactor: '' for
   * this account (any device), else the peer's bare JID or the
   * occupant's JID; updated_at orders competing sets. */
  "CREATE TABLE reactions ("
  "  message_id INTEGER NOT NULL REFERENCES messages (id) ON DELETE CASCADE,"
  "  reactor    TEXT NOT NULL,"
  "  emojis     TEXT NOT NULL,"
  "  updated_at INTEGER NOT NULL,"
  "  PRIMARY KEY (message_id, reactor)"
  ") STRICT, WITHOUT ROWID;"
  /* Actions whose message is not stored yet (an archive pages newest
   * first, so a correction comes before what it corrects): applied when
   * a message with the id they name arrives.  kind: 0 correction,
   * 1 retraction, 2 reactions, 3 displayed marker, 4 reply (source_row
   * is the reply waiting for its quoted message).  direction and sender
   * say who acted, as in messages.  body: the new text (0) or the
   * emojis (2).  created: when it was put here, for expiry. */
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
  ") STRICT;"
  "CREATE INDEX pending_actions_target ON pending_actions (conversation_id, target);"
  "CREATE INDEX pending_actions_source ON pending_actions (source_row) WHERE source_row IS NOT NULL;"
  /* What the user typed and did not send, per conversation peer. */
  "CREATE TABLE drafts ("
  "  peer       TEXT PRIMARY KEY NOT NULL,"
  "  text       TEXT NOT NULL,"
  "  updated_at INTEGER NOT NULL"
  ") STRICT, WITHOUT ROWID;",

  /* 5: group chats.  One row per room the user joined, beside its
   * conversation (kind 1): the nickname to join with, the room's name
   * and subject as last seen, and whether it is joined at every login (a bookmark's
   * autojoin; 0 once the user left, the history staying).  Occupants
   * are not stored: they are presence, which the room sends in full at
   * every join, so a stored list could only ever be stale. */
  "CREATE TABLE rooms ("
  "  conversation_id INTEGER PRIMARY KEY REFERENCES conversations (id) ON DELETE CASCADE,"
  "  nick            TEXT NOT NULL CHECK (nick <> ''),"
  "  name            TEXT NOT NULL DEFAULT '',"
  "  subject         TEXT NOT NULL DEFAULT '',"
  "  autojoin        INTEGER NOT NULL DEFAULT 1 CHECK (autojoin IN (0, 1))"
  ") STRICT;",

  /* 6: the team log and the customers replayed from it (DESIGN.md, "The
   * team log").  teamlog_ops records every op the log room's archive
   * gave, in server order (seq), so none is applied twice; an op this
   * version could not apply keeps its XML (payload) for the version that
   * can.  The customer tables hold what replaying the applied ops gives,
   * identical on every member's client.  Times are µs since the epoch. */
  "CREATE TABLE teamlog_ops ("
  "  seq       INTEGER PRIMARY KEY,"
  "  stanza_id TEXT NOT NULL,"
  "  uuid      TEXT NOT NULL UNIQUE,"
  "  type      TEXT NOT NULL,"
  "  version   INTEGER NOT NULL,"
  "  author    TEXT NOT NULL,"
  "  server_ts INTEGER NOT NULL,"
  "  applied   INTEGER NOT NULL CHECK (applied IN (0, 1)),"
  "  payload   TEXT,"
  "  CHECK (applied = 1 OR payload IS NOT NULL)"
  ") STRICT;"
  /* merged_into: the customer this one was merged into (it is then
   * deleted too). */
  "CREATE TABLE customers ("
  "  id          INTEGER PRIMARY KEY,"
  "  uuid        TEXT NOT NULL UNIQUE,"
  "  created_by  TEXT NOT NULL,"
  "  created_at  INTEGER NOT NULL,"
  "  deleted     INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),"
  "  merged_into TEXT"
  ") STRICT;"
  /* Per-field last writer wins: ops are applied in server order, so the
   * row holds the value of the latest op that set the field. */
  "CREATE TABLE customer_fields ("
  "  customer_id INTEGER NOT NULL REFERENCES customers (id) ON DELETE CASCADE,"
  "  name        TEXT NOT NULL,"
  "  value       TEXT NOT NULL,"
  "  PRIMARY KEY (customer_id, name)"
  ") STRICT, WITHOUT ROWID;"
  /* kind: 0 phone (E.164), 1 e-mail, 2 XMPP address; what incoming calls
   * and chats are matched by. */
  "CREATE TABLE customer_handles ("
  "  kind        INTEGER NOT NULL CHECK (kind IN (0, 1, 2)),"
  "  value       TEXT NOT NULL,"
  "  customer_id INTEGER NOT NULL REFERENCES customers (id) ON DELETE CASCADE,"
  "  PRIMARY KEY (kind, value, customer_id)"
  ") STRICT, WITHOUT ROWID;"
  "CREATE INDEX customer_handles_customer ON customer_handles (customer_id);"
  "CREATE TABLE customer_tags ("
  "  customer_id INTEGER NOT NULL REFERENCES customers (id) ON DELETE CASCADE,"
  "  tag         TEXT NOT NULL,"
  "  PRIMARY KEY (customer_id, tag)"
  ") STRICT, WITHOUT ROWID;"
  /* The timeline: notes, calls, chats, satisfaction scores.  uuid: the
   * note's id, or the op's for the other kinds. */
  "CREATE TABLE customer_events ("
  "  id          INTEGER PRIMARY KEY,"
  "  customer_id INTEGER NOT NULL REFERENCES customers (id) ON DELETE CASCADE,"
  "  uuid        TEXT NOT NULL UNIQUE,"
  "  kind        TEXT NOT NULL,"
  "  at          INTEGER NOT NULL,"
  "  author      TEXT NOT NULL,"
  "  body        TEXT NOT NULL,"
  "  data        TEXT,"
  "  deleted     INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1))"
  ") STRICT;"
  "CREATE INDEX customer_events_timeline ON customer_events (customer_id, at, id);"
  /* Search: a customer's fields, one row per customer, rewritten once
   * per batch of ops that changed them; and the timeline's text.  Both
   * are kept by the replay at the end of each batch, in one statement
   * each (FTS5 writes out its pending index at every statement), not by
   * triggers. */
  "CREATE VIRTUAL TABLE customers_fts USING fts5 ("
  "  text, tokenize = 'unicode61 remove_diacritics 2'"
  ");"
  "CREATE VIRTUAL TABLE customer_events_fts USING fts5 ("
  "  body, content = 'customer_events', content_rowid = 'id', columnsize = 0,"
  "  tokenize = 'unicode61 remove_diacritics 2'"
  ");",

  /* 7: attachments: files sent with messages (XEP-0363, XEP-0066),
   * one per message, keyed by its row id.
   * state: 0 uploading, 1 upload failed, 2 uploaded, 3 remote (offered
   * to us), 4 downloaded, 5 download failed (HolbooAttachmentState).
   * A file of ours has no URL until it is uploaded; one offered to us
   * always has one.  size: bytes, -1 unknown.  The outbox leaves out
   * messages whose file is not uploaded (index attachments_waiting). */
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
  ") STRICT;"
  "CREATE INDEX attachments_waiting ON attachments (message_id) WHERE state IN (0, 1);",

  /* 8: the call log: one row per call that ended here, identified by its
   * Jingle session id and peer (bare JID).  end_reason: the core's
   * stable name of HolbooCallEndReason ("missed", "hung-up" …); times in
   * µs since the epoch, answered 0 when never answered. */
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
  ") STRICT;"
  "CREATE INDEX calls_started ON calls (started, id);",

  /* 9: the customer list in name order, and customers by owner, from
   * an index instead of a sort of every customer: customer_fields by
   * (name, value), the customer's id following as the table's key; and
   * customers by tag. */
  "CREATE INDEX customer_fields_by_value ON customer_fields (name, value);"
  "CREATE INDEX customer_tags_by_tag ON customer_tags (tag);",

  /* 10: the team log's op outbox: ops typed here, applied to the
   * customer tables at once and waiting for the log room's echo, which
   * places them in server order and takes them out (DESIGN.md, "The
   * team log").  kind: a HolbooTeamlogOpKind; fields in position order.
   * customers.pending: created here and not yet confirmed by the log,
   * so the confirming op sets who created it and when, as every member
   * has it.  customers_search_pending: see below. */
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
  ") STRICT;"
  "CREATE INDEX teamlog_outbox_customer ON teamlog_outbox (customer);"
  "CREATE TABLE teamlog_outbox_fields ("
  "  seq      INTEGER NOT NULL REFERENCES teamlog_outbox (seq) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL,"
  "  name     TEXT NOT NULL,"
  "  value    TEXT NOT NULL,"
  "  PRIMARY KEY (seq, position)"
  ") STRICT, WITHOUT ROWID;"
  "ALTER TABLE customers ADD COLUMN pending INTEGER NOT NULL DEFAULT 0 CHECK (pending IN (0, 1));"
  /* Customers whose search row (customers_fts) a catch-up has not
   * rewritten yet: it does so once, at its end. */
  "CREATE TABLE customers_search_pending ("
  "  customer_id INTEGER PRIMARY KEY"
  ") STRICT;",

  /* 11: colleagues' business cards, as last fetched (the team directory
   * shows them at once, offline too): .vcf text with the photo, µs. */
  "CREATE TABLE cards ("
  "  jid        TEXT PRIMARY KEY NOT NULL,"
  "  vcard      TEXT NOT NULL,"
  "  fetched_at INTEGER NOT NULL"
  ") STRICT, WITHOUT ROWID;",

  /* 12: the user's choices per conversation.  muted: 1 when its messages
   * do not notify.  pinned: when the user pinned it on top of the list
   * (µs; pinned ones are listed first, the latest pinned first), 0 when
   * not pinned. */
  "ALTER TABLE conversations ADD COLUMN muted INTEGER NOT NULL DEFAULT 0 CHECK (muted IN (0, 1));"
  "ALTER TABLE conversations ADD COLUMN pinned INTEGER NOT NULL DEFAULT 0 CHECK (pinned >= 0);",
};

static const char *
migration_sql (GPtrArray *extra,
               int        index)
{
  if (index < (int) G_N_ELEMENTS (migrations))
    return migrations[index];
  return g_ptr_array_index (extra, index - G_N_ELEMENTS (migrations));
}

static gboolean
exec (sqlite3     *db,
      const char  *path,
      const char  *sql,
      GError     **error)
{
  int rc = sqlite3_exec (db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      _holboo_store_set_sqlite_error (error, path, db, rc);
      return FALSE;
    }
  return TRUE;
}

/* The schema version this build creates and upgrades to. */
int
_holboo_store_schema_latest (void)
{
  return G_N_ELEMENTS (migrations);
}

/* All pending migrations run in one transaction: the file ends up fully
 * upgraded or exactly as it was. */
gboolean
_holboo_store_migrate (sqlite3     *db,
                       const char  *path,
                       GPtrArray   *extra,
                       int          from,
                       int          to,
                       GError     **error)
{
  g_autofree char *cause = NULL;
  int version = from;

  g_debug ("Upgrading %s from schema version %d to %d", path, from, to);

  if (!exec (db, path, "BEGIN IMMEDIATE;", error))
    return FALSE;

  for (; version < to; version++)
    {
      g_autofree char *set_version = g_strdup_printf ("PRAGMA user_version = %d;", version + 1);
      int rc;

      rc = sqlite3_exec (db, migration_sql (extra, version), NULL, NULL, NULL);
      if (rc == SQLITE_OK)
        rc = sqlite3_exec (db, set_version, NULL, NULL, NULL);
      if (rc != SQLITE_OK)
        {
          cause = g_strdup (sqlite3_errmsg (db));
          break;
        }
    }

  /* Migrations run with foreign keys off (SQLite's advice for table
   * rebuilds), so check them before committing. */
  if (cause == NULL)
    {
      sqlite3_stmt *stmt = NULL;
      int rc = sqlite3_prepare_v2 (db, "PRAGMA foreign_key_check;", -1, &stmt, NULL);

      if (rc == SQLITE_OK)
        rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        cause = g_strdup_printf ("foreign key violation in table %s", sqlite3_column_text (stmt, 0));
      else if (rc != SQLITE_DONE)
        cause = g_strdup (sqlite3_errmsg (db));
      sqlite3_finalize (stmt);
    }

  if (cause == NULL && sqlite3_exec (db, "COMMIT;", NULL, NULL, NULL) != SQLITE_OK)
    cause = g_strdup (sqlite3_errmsg (db));

  if (cause != NULL)
    {
      /* Some errors (disk full, I/O) already rolled back. */
      if (!sqlite3_get_autocommit (db))
        sqlite3_exec (db, "ROLLBACK;", NULL, NULL, NULL);
      g_set_error (error, HOLBOO_STORE_ERROR, HOLBOO_STORE_ERROR_MIGRATION_FAILED,
                   _("Cannot upgrade the database “%s” from schema version %d to %d: %s. "
                     "The file was left unchanged."),
                   path, from, MIN (version + 1, to), cause);
      return FALSE;
    }

  return TRUE;
}
