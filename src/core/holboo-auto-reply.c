/* holboo-auto-reply.c: one polite reply to a customer who writes outside
 * work hours, per conversation per day
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Off by default ("auto-reply").  A message gets a reply when it is a
 * one-to-one chat from a customer — not a colleague (an address on the
 * team's server, "team-domains", else the account's own domain) and not
 * one of the chosen people — written outside work hours while the mode is
 * not work, and arrived fresh (a night's archive caught up in the
 * morning gets none).  The reply is the Mongolian text, then the English
 * one, from the settings.
 *
 * "Once per conversation per day" (the day in the work time zone) is kept
 * in the account's store, in its meta table ("auto-reply:PEER" → the
 * day), checked and set in one step on the store's worker: two messages
 * in a row get one reply, and a restart does not reply again.
 *
 * Two devices of one account each running Holboo would each reply once;
 * the per-day mark is not shared between them.
 */

#define G_LOG_DOMAIN "holboo-auto-reply"

#include "config.h"

#include "holboo-auto-reply.h"

#include "holboo-account-private.h"
#include "holboo-jid.h"

#define META_PREFIX "auto-reply:"

struct _HolbooAutoReply
{
  GObject            parent_instance;

  HolbooModeManager *modes;
  GListModel        *accounts;
  GPtrArray         *watched;    /* HolbooAccount we listen to */
  guint              n_sent;
};

G_DEFINE_FINAL_TYPE (HolbooAutoReply, holboo_auto_reply, G_TYPE_OBJECT)

/**
 * holboo_auto_reply_is_colleague:
 * @jid: who wrote
 * @own_jid: the account's address
 * @team_domains: (nullable): the team's servers; %NULL or empty for
 *   @own_jid's domain
 *
 * Returns: whether @jid is on the team's server (an invalid @jid is not)
 */
gboolean
holboo_auto_reply_is_colleague (const char         *jid,
                                const char         *own_jid,
                                const char * const *team_domains)
{
  g_autoptr(HolbooJid) parsed = NULL;
  const char *domain;

  if (jid == NULL)
    return FALSE;
  parsed = holboo_jid_parse (jid, -1, NULL);
  if (parsed == NULL)
    return FALSE;
  domain = holboo_jid_get_domainpart (parsed);

  if (team_domains == NULL || team_domains[0] == NULL)
    {
      g_autoptr(HolbooJid) own = own_jid != NULL ? holboo_jid_parse (own_jid, -1, NULL) : NULL;

      return own != NULL && g_str_equal (domain, holboo_jid_get_domainpart (own));
    }

  for (guint i = 0; team_domains[i] != NULL; i++)
    if (g_ascii_strcasecmp (domain, team_domains[i]) == 0)
      return TRUE;
  return FALSE;
}

/**
 * holboo_auto_reply_dup_text:
 *
 * Returns: (transfer full) (nullable): the reply: the Mongolian text,
 *   a blank line, the English one; either may be empty; %NULL when both
 *   are
 */
char *
holboo_auto_reply_dup_text (const char *text_mn,
                            const char *text_en)
{
  g_autofree char *mn = g_strstrip (g_strdup (text_mn != NULL ? text_mn : ""));
  g_autofree char *en = g_strstrip (g_strdup (text_en != NULL ? text_en : ""));

  if (*mn == '\0' && *en == '\0')
    return NULL;
  if (*mn == '\0')
    return g_steal_pointer (&en);
  if (*en == '\0')
    return g_steal_pointer (&mn);
  return g_strconcat (mn, "\n\n", en, NULL);
}

/* On the worker: has @peer had its reply @day?  If not, it has now. */
typedef struct {
  char *key;
  char *day;
} Mark;

static void
mark_free (gpointer data)
{
  Mark *mark = data;

  g_free (mark->key);
  g_free (mark->day);
  g_free (mark);
}

static gpointer
check_and_mark (HolbooStore  *store,
                gpointer      data,
                GError      **error)
{
  Mark *mark = data;
  g_autofree char *last = holboo_store_get_meta (store, mark->key, error);

  if (last == NULL && error != NULL && *error != NULL)
    return NULL;
  if (g_strcmp0 (last, mark->day) == 0)
    return NULL;
  if (!holboo_store_set_meta (store, mark->key, mark->day, error))
    return NULL;
  return GINT_TO_POINTER (TRUE);
}

typedef struct {
  HolbooAutoReply *self;
  char            *peer;
} Pending;

static void
pending_free (gpointer data)
{
  Pending *pending = data;

  g_object_unref (pending->self);
  g_free (pending->peer);
  g_free (pending);
}

static void
on_checked (HolbooAccount      *account,
            HolbooAccountBatch *batch,
            gpointer            data)
{
  Pending *pending = data;
  HolbooAccountOp *op = batch->ops->pdata[0];
  GSettings *settings;
  g_autofree char *text_mn = NULL;
  g_autofree char *text_en = NULL;
  g_autofree char *text = NULL;
  g_autofree char *id = NULL;
  g_autoptr(GError) error = NULL;

  if (account == NULL)
    return;
  if (op->error != NULL)
    {
      g_message ("Not replying to %s: %s", pending->peer, op->error->message);
      return;
    }
  if (op->call_result == NULL)
    {
      g_debug ("%s had today's reply already", pending->peer);
      return;
    }

  settings = holboo_mode_manager_get_settings (pending->self->modes);
  text_mn = g_settings_get_string (settings, "auto-reply-text-mn");
  text_en = g_settings_get_string (settings, "auto-reply-text-en");
  text = holboo_auto_reply_dup_text (text_mn, text_en);
  if (text == NULL)
    return;
  id = holboo_account_send_message (account, pending->peer, text, &error);
  if (id == NULL)
    {
      g_message ("Could not reply to %s: %s", pending->peer, error->message);
      return;
    }
  pending->self->n_sent++;
  g_debug ("Replied to %s outside work hours", pending->peer);
}

static void
on_message_added (HolbooAccount       *account,
                  gint64               conversation_id,
                  gint64               message_id,
                  HolbooStoredMessage *message,
                  HolbooAutoReply     *self)
{
  GSettings *settings = holboo_mode_manager_get_settings (self->modes);
  HolbooWorkSchedule *schedule = holboo_mode_manager_get_schedule (self->modes);
  g_auto(GStrv) team_domains = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GDateTime) written = NULL;
  g_autoptr(GDateTime) local = NULL;
  Mark *mark;
  Pending *pending;

  if (!g_settings_get_boolean (settings, "auto-reply") ||
      message->direction != HOLBOO_MESSAGE_INCOMING ||
      message->kind != HOLBOO_CONVERSATION_CHAT ||
      message->body == NULL || *message->body == '\0' || message->retracted ||
      holboo_mode_manager_get_mode (self->modes) == HOLBOO_MODE_WORK)
    return;

  now = g_date_time_new_now_utc ();
  if (g_date_time_to_unix (now) * G_USEC_PER_SEC - message->timestamp > HOLBOO_AUTO_REPLY_MAX_AGE)
    return;
  written = g_date_time_new_from_unix_utc (message->timestamp / G_USEC_PER_SEC);
  if (written == NULL || holboo_work_schedule_is_work_time (schedule, written))
    return;

  /* Only people: not a server's announcement, not a group's member
   * writing privately from a room (a full address). */
  {
    g_autoptr(HolbooJid) peer = holboo_jid_parse (message->peer, -1, NULL);

    if (peer == NULL || holboo_jid_get_localpart (peer) == NULL || !holboo_jid_is_bare (peer))
      return;
  }

  team_domains = g_settings_get_strv (settings, "team-domains");
  if (holboo_auto_reply_is_colleague (message->peer, holboo_account_get_jid (account),
                                      (const char * const *) team_domains) ||
      holboo_mode_is_chosen (message->peer, holboo_mode_manager_get_chosen_people (self->modes)))
    return;

  local = g_date_time_to_timezone (now, holboo_work_schedule_get_time_zone (schedule));
  mark = g_new0 (Mark, 1);
  mark->key = g_strconcat (META_PREFIX, message->peer, NULL);
  mark->day = g_date_time_format (local, "%Y-%m-%d");
  pending = g_new0 (Pending, 1);
  pending->self = g_object_ref (self);
  pending->peer = g_strdup (message->peer);
  _holboo_account_call (account, check_and_mark, mark, mark_free, NULL, on_checked, pending, pending_free);
}

static void
watch_accounts (HolbooAutoReply *self)
{
  for (guint i = 0; i < self->watched->len; i++)
    g_signal_handlers_disconnect_by_func (self->watched->pdata[i], on_message_added, self);
  g_ptr_array_set_size (self->watched, 0);

  for (guint i = 0; i < g_list_model_get_n_items (self->accounts); i++)
    {
      HolbooAccount *account = g_list_model_get_item (self->accounts, i);

      g_signal_connect_object (account, "message-added", G_CALLBACK (on_message_added), self, 0);
      g_ptr_array_add (self->watched, account);
    }
}

static void
holboo_auto_reply_dispose (GObject *object)
{
  HolbooAutoReply *self = HOLBOO_AUTO_REPLY (object);

  if (self->watched != NULL)
    {
      for (guint i = 0; i < self->watched->len; i++)
        g_signal_handlers_disconnect_by_func (self->watched->pdata[i], on_message_added, self);
      g_clear_pointer (&self->watched, g_ptr_array_unref);
    }
  if (self->accounts != NULL)
    g_signal_handlers_disconnect_by_data (self->accounts, self);
  g_clear_object (&self->accounts);
  g_clear_object (&self->modes);

  G_OBJECT_CLASS (holboo_auto_reply_parent_class)->dispose (object);
}

static void
holboo_auto_reply_class_init (HolbooAutoReplyClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = holboo_auto_reply_dispose;
}

static void
holboo_auto_reply_init (HolbooAutoReply *self)
{
  self->watched = g_ptr_array_new_with_free_func (g_object_unref);
}

/**
 * holboo_auto_reply_new:
 * @modes: the mode and the settings
 * @accounts: a model of #HolbooAccount (a #HolbooAccountManager)
 *
 * Returns: (transfer full): the auto-reply, watching every account in
 *   @accounts; it does nothing while "auto-reply" is off
 */
HolbooAutoReply *
holboo_auto_reply_new (HolbooModeManager *modes,
                       GListModel        *accounts)
{
  HolbooAutoReply *self;

  g_return_val_if_fail (HOLBOO_IS_MODE_MANAGER (modes), NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (accounts), NULL);

  self = g_object_new (HOLBOO_TYPE_AUTO_REPLY, NULL);
  self->modes = g_object_ref (modes);
  self->accounts = g_object_ref (accounts);
  g_signal_connect_swapped (accounts, "items-changed", G_CALLBACK (watch_accounts), self);
  watch_accounts (self);
  return self;
}

/**
 * holboo_auto_reply_get_n_sent:
 *
 * Returns: how many replies were sent since it was made
 */
guint
holboo_auto_reply_get_n_sent (HolbooAutoReply *self)
{
  g_return_val_if_fail (HOLBOO_IS_AUTO_REPLY (self), 0);
  return self->n_sent;
}
