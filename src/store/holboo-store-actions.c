/* holboo-store-actions.c: what is done to stored messages — corrections,
 * retractions, reactions, displayed markers — and replies' links to the
 * messages they answer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An action names its message by an id the sender knew (its id
 * attribute, origin-id or archive id) and is looked up only inside the
 * conversation it came in, so nobody reaches into another
 * conversation.  Rules, checked against the stored row:
 *  - only the author corrects or retracts a message (same direction and,
 *    in a group, the same occupant); anything else is refused;
 *  - a retracted message is a tombstone: its body is emptied (which
 *    takes it out of the full-text index), its reactions and the quotes
 *    of it in replies go, and nothing changes it again;
 *  - of two corrections, or two reaction sets of one person, the later
 *    (by the action's time) wins, whatever order they arrive in;
 *  - a displayed marker from the peer marks our messages up to the one it
 *    names as read; one from this account's other device moves the
 *    conversation's read mark (unread counts follow across devices).
 * An action for a message not stored yet — the archive pages newest
 * first — waits in pending_actions and is applied, by the same rules,
 * when the message is stored (holboo-store-pending.c).
 */

#define G_LOG_DOMAIN "holboo-store"

#include "config.h"

#include "holboo-store-actions-private.h"

#include <string.h>

#define TARGET_COLUMNS "id, direction, sender, timestamp, retracted, coalesce (edited_at, 0)"

void
_holboo_store_target_clear (HolbooStoreTarget *t)
{
  g_clear_pointer (&t->sender, g_free);
}

static gboolean
read_target (HolbooStore        *self,
             sqlite3_stmt       *stmt,
             HolbooStoreTarget  *out,
             gboolean           *found,
             GError            **error)
{
  int rc = _holboo_store_step (self, stmt, error);

  *found = rc == SQLITE_ROW;
  if (rc == SQLITE_ROW)
    {
      _holboo_store_target_clear (out);
      out->id = sqlite3_column_int64 (stmt, 0);
      out->direction = sqlite3_column_int (stmt, 1);
      out->sender = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      out->timestamp = sqlite3_column_int64 (stmt, 3);
      out->retracted = sqlite3_column_int (stmt, 4) != 0;
      out->edited_at = sqlite3_column_int64 (stmt, 5);
    }
  _holboo_store_stmt_release (stmt);
  return rc != 0;
}

gboolean
_holboo_store_load_target (HolbooStore        *self,
                           gint64              id,
                           HolbooStoreTarget  *out,
                           GError            **error)
{
  sqlite3_stmt *stmt = _holboo_store_prepare (self, "SELECT " TARGET_COLUMNS " FROM messages WHERE id = ?1;",
                                              error);
  gboolean found;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  return read_target (self, stmt, out, &found, error) && found;
}

/* Looks @target_id up in the conversation as origin-id, id attribute and
 * archive id; of several, the one by the actor (@direction, @sender) and
 * then the newest. */
gboolean
_holboo_store_find_target (HolbooStore             *self,
                           gint64                   conversation_id,
                           const char              *target_id,
                           HolbooMessageDirection   direction,
                           const char              *sender,
                           HolbooStoreTarget       *out,
                           gboolean                *found,
                           GError                 **error)
{
  static const char * const queries[] = {
    "SELECT " TARGET_COLUMNS " FROM messages WHERE conversation_id = ?1 AND origin_id = ?2 "
    "ORDER BY (direction = ?3 AND sender = ?4) DESC, id DESC LIMIT 1;",
    "SELECT " TARGET_COLUMNS " FROM messages WHERE conversation_id = ?1 AND message_id = ?2 "
    "ORDER BY (direction = ?3 AND sender = ?4) DESC, id DESC LIMIT 1;",
    "SELECT " TARGET_COLUMNS " FROM messages WHERE stanza_id = ?2 AND conversation_id = ?1 "
    "ORDER BY (direction = ?3 AND sender = ?4) DESC, id DESC LIMIT 1;",
  };

  *found = FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (queries) && !*found; i++)
    {
      sqlite3_stmt *stmt = _holboo_store_prepare (self, queries[i], error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, conversation_id);
      sqlite3_bind_text (stmt, 2, target_id, -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 3, direction);
      sqlite3_bind_text (stmt, 4, sender, -1, SQLITE_STATIC);
      if (!read_target (self, stmt, out, found, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
_holboo_store_exec_id (HolbooStore  *self,
                       const char   *sql,
                       gint64        id,
                       GError      **error)
{
  g_autoptr(HolbooStoreStmt) stmt = _holboo_store_prepare (self, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  return _holboo_store_step (self, stmt, error) == SQLITE_DONE;
}

static gboolean
recount_unread (HolbooStore  *self,
                gint64        conversation_id,
                GError      **error)
{
  g_autoptr(HolbooStoredConversation) conv = holboo_store_get_conversation_by_id (self, conversation_id, error);
  g_autoptr(HolbooStoreStmt) stmt = NULL;
  guint unread;

  if (conv == NULL)
    return FALSE;
  if (!_holboo_store_count_unread (self, conversation_id, conv->read_until, &unread, error))
    return FALSE;
  stmt = _holboo_store_prepare (self, "UPDATE conversations SET unread = ?2 WHERE id = ?1;", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, conversation_id);
  sqlite3_bind_int (stmt, 2, unread);
  return _holboo_store_step (self, stmt, error) == SQLITE_DONE;
}

static gboolean
correct (HolbooStore              *self,
         const HolbooStoreAction  *a,
         const HolbooStoreTarget  *t,
         HolbooActionOutcome      *outcome,
         GError                  **error)
{
  g_autoptr(HolbooStoreStmt) stmt = NULL;

  if (a->body == NULL || *a->body == '\0' || t->retracted || a->timestamp <= t->edited_at)
    {
      *outcome = HOLBOO_ACTION_IGNORED;
      return TRUE;
    }

  stmt = _holboo_store_prepare (self, "UPDATE messages SET body = ?2, edited_at = ?3 WHERE id = ?1;", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, t->id);
  sqlite3_bind_text (stmt, 2, a->body, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, a->timestamp);
  if (_holboo_store_step (self, stmt, error) != SQLITE_DONE)
    return FALSE;
  *outcome = HOLBOO_ACTION_APPLIED;
  return TRUE;
}

static gboolean
retract (HolbooStore              *self,
         gint64                    conversation_id,
         const HolbooStoreTarget  *t,
         HolbooActionOutcome      *outcome,
         GError                  **error)
{
  if (t->retracted)
    {
      *outcome = HOLBOO_ACTION_IGNORED;
      return TRUE;
    }

  /* The text goes everywhere it was kept: the row (and, by the update
   * trigger, the full-text index), the quotes of it, its reactions. */
  if (!_holboo_store_exec_id (self, "UPDATE messages SET body = '', retracted = 1, reactions = NULL, reply_quote = NULL "
                "WHERE id = ?1;", t->id, error) ||
      !_holboo_store_exec_id (self, "UPDATE messages SET reply_quote = NULL WHERE reply_to_row = ?1;", t->id, error) ||
      !_holboo_store_exec_id (self, "DELETE FROM reactions WHERE message_id = ?1;", t->id, error))
    return FALSE;
  if (t->direction == HOLBOO_MESSAGE_INCOMING && !recount_unread (self, conversation_id, error))
    return FALSE;
  *outcome = HOLBOO_ACTION_APPLIED;
  return TRUE;
}

/* Rewrites messages.reactions from the reactions table. */
static gboolean
summarise_reactions (HolbooStore  *self,
                     gint64        message_id,
                     GError      **error)
{
  g_autoptr(HolbooStoreStmt) stmt = NULL;
  g_autoptr(GPtrArray) emojis = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) counts = g_array_new (FALSE, TRUE, sizeof (guint));
  g_autoptr(GArray) own = g_array_new (FALSE, TRUE, sizeof (gboolean));
  g_autoptr(GString) summary = NULL;
  int rc;

  stmt = _holboo_store_prepare (self,
                                "SELECT reactor, emojis FROM reactions WHERE message_id = ?1 "
                                "ORDER BY updated_at, reactor;",
                                error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, message_id);
  while ((rc = _holboo_store_step (self, stmt, error)) == SQLITE_ROW)
    {
      gboolean mine = *(const char *) sqlite3_column_text (stmt, 0) == '\0';
      g_auto(GStrv) set = g_strsplit ((const char *) sqlite3_column_text (stmt, 1), "\n", -1);

      for (guint i = 0; set[i] != NULL; i++)
        {
          guint j;

          if (*set[i] == '\0')
            continue;
          for (j = 0; j < emojis->len && strcmp (emojis->pdata[j], set[i]) != 0; j++)
            ;
          if (j == emojis->len)
            {
              g_ptr_array_add (emojis, g_strdup (set[i]));
              g_array_set_size (counts, j + 1);
              g_array_set_size (own, j + 1);
            }
          g_array_index (counts, guint, j)++;
          g_array_index (own, gboolean, j) |= mine;
        }
    }
  if (rc == 0)
    return FALSE;
  g_clear_pointer (&stmt, _holboo_store_stmt_release);

  if (emojis->len > 0)
    {
      summary = g_string_new (NULL);
      for (guint j = 0; j < emojis->len; j++)
        g_string_append_printf (summary, "%s%s\t%u\t%d", j > 0 ? "\n" : "", (const char *) emojis->pdata[j],
                                g_array_index (counts, guint, j), g_array_index (own, gboolean, j) ? 1 : 0);
    }

  stmt = _holboo_store_prepare (self, "UPDATE messages SET reactions = ?2 WHERE id = ?1;", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, message_id);
  _holboo_store_bind_text (stmt, 2, summary != NULL ? summary->str : NULL);
  return _holboo_store_step (self, stmt, error) == SQLITE_DONE;
}

static gboolean
react (HolbooStore              *self,
       const HolbooStoreAction  *a,
       const HolbooStoreTarget  *t,
       HolbooActionOutcome      *outcome,
       GError                  **error)
{
  g_autoptr(HolbooStoreStmt) stmt = NULL;
  gboolean newer = TRUE;
  int rc;

  if (t->retracted)
    {
      *outcome = HOLBOO_ACTION_IGNORED;
      return TRUE;
    }

  stmt = _holboo_store_prepare (self, "SELECT updated_at FROM reactions WHERE message_id = ?1 AND reactor = ?2;",
                                error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, t->id);
  sqlite3_bind_text (stmt, 2, a->sender, -1, SQLITE_STATIC);
  rc = _holboo_store_step (self, stmt, error);
  if (rc == 0)
    return FALSE;
  if (rc == SQLITE_ROW)
    newer = a->timestamp > sqlite3_column_int64 (stmt, 0);
  g_clear_pointer (&stmt, _holboo_store_stmt_release);
  if (!newer)
    {
      *outcome = HOLBOO_ACTION_IGNORED;
      return TRUE;
    }

  /* An empty set is kept too: it orders a later, older set out. */
  stmt = _holboo_store_prepare (self,
                                "INSERT INTO reactions (message_id, reactor, emojis, updated_at) "
                                "VALUES (?1, ?2, ?3, ?4) ON CONFLICT (message_id, reactor) DO UPDATE SET "
                                "  emojis = excluded.emojis, updated_at = excluded.updated_at;",
                                error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, t->id);
  sqlite3_bind_text (stmt, 2, a->sender, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, a->body != NULL ? a->body : "", -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 4, a->timestamp);
  if (_holboo_store_step (self, stmt, error) != SQLITE_DONE)
    return FALSE;
  if (!summarise_reactions (self, t->id, error))
    return FALSE;
  *outcome = HOLBOO_ACTION_APPLIED;
  return TRUE;
}

/* The peer saw our messages up to @t: they are read.  Only the rows
 * since the last marker are touched. */
static gboolean
mark_displayed (HolbooStore              *self,
                gint64                    conversation_id,
                const HolbooStoreTarget  *t,
                HolbooActionOutcome      *outcome,
                GError                  **error)
{
  g_autoptr(HolbooStoreStmt) stmt = NULL;

  stmt = _holboo_store_prepare (self,
                                "UPDATE messages SET state = 6 WHERE conversation_id = ?1 AND direction = 1 "
                                "AND state BETWEEN 2 AND 5 AND timestamp >= "
                                "  (SELECT displayed_until FROM conversations WHERE id = ?1) "
                                "AND (timestamp < ?2 OR (timestamp = ?2 AND id <= ?3));",
                                error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, conversation_id);
  sqlite3_bind_int64 (stmt, 2, t->timestamp);
  sqlite3_bind_int64 (stmt, 3, t->id);
  if (_holboo_store_step (self, stmt, error) != SQLITE_DONE)
    return FALSE;
  g_clear_pointer (&stmt, _holboo_store_stmt_release);

  stmt = _holboo_store_prepare (self,
                                "UPDATE conversations SET displayed_until = max (displayed_until, ?2) WHERE id = ?1;",
                                error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, conversation_id);
  sqlite3_bind_int64 (stmt, 2, t->timestamp);
  if (_holboo_store_step (self, stmt, error) != SQLITE_DONE)
    return FALSE;
  *outcome = HOLBOO_ACTION_APPLIED;
  return TRUE;
}

/* Applies @a to the stored @t by the rules at the top of this file. */
gboolean
_holboo_store_apply_action (HolbooStore              *self,
                            gint64                    conversation_id,
                            const HolbooStoreAction  *a,
                            const HolbooStoreTarget  *t,
                            HolbooActionResult       *result,
                            GError                  **error)
{
  gboolean by_author = t->direction == a->direction && g_strcmp0 (t->sender, a->sender) == 0;

  result->message_id = t->id;
  switch (a->kind)
    {
    case HOLBOO_MESSAGE_ACTION_CORRECT:
    case HOLBOO_MESSAGE_ACTION_RETRACT:
      if (!by_author)
        {
          g_message ("Refusing a %s of message %" G_GINT64_FORMAT " by someone who did not write it",
                     a->kind == HOLBOO_MESSAGE_ACTION_CORRECT ? "correction" : "retraction", t->id);
          result->outcome = HOLBOO_ACTION_REFUSED;
          return TRUE;
        }
      if (a->kind == HOLBOO_MESSAGE_ACTION_CORRECT)
        return correct (self, a, t, &result->outcome, error);
      return retract (self, conversation_id, t, &result->outcome, error);

    case HOLBOO_MESSAGE_ACTION_REACT:
      return react (self, a, t, &result->outcome, error);

    case HOLBOO_MESSAGE_ACTION_DISPLAYED:
      /* Each side marks what the other wrote. */
      if (t->direction == a->direction)
        {
          g_message ("Refusing a displayed marker for message %" G_GINT64_FORMAT " of the marker's own side",
                     t->id);
          result->outcome = HOLBOO_ACTION_REFUSED;
          return TRUE;
        }
      if (a->direction == HOLBOO_MESSAGE_OUTGOING)
        {
          if (!_holboo_store_move_read_mark (self, conversation_id, t->timestamp, &result->read_moved, error))
            return FALSE;
          result->outcome = result->read_moved ? HOLBOO_ACTION_APPLIED : HOLBOO_ACTION_IGNORED;
          return TRUE;
        }
      return mark_displayed (self, conversation_id, t, &result->outcome, error);

    default:
      g_assert_not_reached ();
    }
  return FALSE;
}

/* The conversation of @action, created when nothing of it is stored:
 * the message may come later (an archive page), and its actions wait
 * there. */
static gboolean
ensure_conversation (HolbooStore                *self,
                     const HolbooMessageAction  *action,
                     gint64                     *out_id,
                     GError                    **error)
{
  g_autoptr(HolbooStoreStmt) stmt = NULL;

  stmt = _holboo_store_prepare (self,
                                "INSERT INTO conversations (peer, kind) VALUES (?1, ?2) "
                                "ON CONFLICT (peer) DO UPDATE SET peer = excluded.peer RETURNING id;",
                                error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, action->peer, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 2, action->conversation_kind);
  return _holboo_store_step_returning_id (self, stmt, out_id, error);
}

static gboolean
apply_one (HolbooStore                *self,
           const HolbooMessageAction  *action,
           HolbooActionResult         *result,
           GError                    **error)
{
  g_autofree char *joined = NULL;
  const char *sender = "";
  HolbooStoreTarget t = { 0, };
  gint64 conversation_id;
  gboolean found, added, ok;
  HolbooStoreAction a;

  if (action->peer == NULL || action->target_id == NULL)
    {
      g_set_error_literal (error, HOLBOO_STORE_ERROR, HOLBOO_STORE_ERROR_INVALID,
                           "An action without a conversation or a message");
      return FALSE;
    }

  if (!ensure_conversation (self, action, &conversation_id, error))
    return FALSE;
  result->conversation_id = conversation_id;

  /* Who acts: in a group the occupant; in a chat the side. */
  if (action->conversation_kind == HOLBOO_CONVERSATION_GROUP && action->direction == HOLBOO_MESSAGE_INCOMING &&
      action->from_jid != NULL)
    sender = action->from_jid;
  if (action->kind == HOLBOO_MESSAGE_ACTION_REACT)
    {
      /* The reactor: '' for this account, else who. */
      if (action->direction == HOLBOO_MESSAGE_INCOMING)
        sender = *sender != '\0' ? sender : action->peer;
      joined = action->reactions != NULL ? g_strjoinv ("\n", action->reactions) : g_strdup ("");
    }

  a.kind = action->kind;
  a.direction = action->direction;
  a.sender = sender;
  a.body = action->kind == HOLBOO_MESSAGE_ACTION_REACT ? joined : action->body;
  a.timestamp = action->timestamp;

  /* The author of a correction or retraction must be the target's; for
   * reactions any message, for markers the other side's. */
  if (!_holboo_store_find_target (self, conversation_id, action->target_id,
                    action->kind == HOLBOO_MESSAGE_ACTION_DISPLAYED ? !action->direction : action->direction,
                    action->kind == HOLBOO_MESSAGE_ACTION_REACT ? "" : sender, &t, &found, error))
    {
      _holboo_store_target_clear (&t);
      return FALSE;
    }

  if (!found)
    {
      _holboo_store_target_clear (&t);
      if (!_holboo_store_add_pending (self, conversation_id, action->target_id, &a, 0, &added, error))
        return FALSE;
      result->outcome = added ? HOLBOO_ACTION_PENDING : HOLBOO_ACTION_IGNORED;
      return TRUE;
    }

  ok = _holboo_store_apply_action (self, conversation_id, &a, &t, result, error);
  _holboo_store_target_clear (&t);
  return ok;
}

/**
 * holboo_store_apply_actions:
 * @self: an open store
 * @actions: (array length=n_actions): the actions, in the order they
 *   arrived
 * @n_actions: how many
 * @results: (out caller-allocates) (array length=n_actions) (optional):
 *   what became of each
 * @error: return location for a #GError
 *
 * Applies corrections, retractions, reactions and displayed markers to
 * the stored messages they name, in one transaction, by the rules at
 * the top of holboo-store-actions.c: refused when the actor may not
 * (someone else's message), ignored when a later action already won,
 * kept for later when the message is not stored yet.
 *
 * On failure nothing of the batch is applied.
 *
 * Returns: %TRUE on success
 */
gboolean
holboo_store_apply_actions (HolbooStore                 *self,
                            HolbooMessageAction * const *actions,
                            guint                        n_actions,
                            HolbooActionResult          *results,
                            GError                     **error)
{
  g_autofree HolbooActionResult *local_results = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (HOLBOO_IS_STORE (self), FALSE);
  g_return_val_if_fail (actions != NULL || n_actions == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (n_actions == 0)
    return TRUE;
  if (results == NULL)
    results = local_results = g_new0 (HolbooActionResult, n_actions);

  if (!_holboo_store_begin (self, error))
    return FALSE;

  for (guint i = 0; i < n_actions; i++)
    {
      results[i] = (HolbooActionResult) { 0, };
      if (!apply_one (self, actions[i], &results[i], &local_error))
        goto fail;
    }

  if (_holboo_store_commit (self, &local_error))
    return TRUE;

fail:
  _holboo_store_rollback (self);
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}
