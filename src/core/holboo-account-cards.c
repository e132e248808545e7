/* holboo-account-cards.c: the account's business card and avatar over
 * PEP, and its contacts' cards
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Publishing is a short sequence of PEP publishes, each with the node
 * configuration as publish-options: the avatar's data, its metadata
 * (XEP-0084; empty metadata when the card has no photo), then the vCard
 * (XEP-0292) without the photo.  A node that exists with another access
 * model is reconfigured once and published to again.  The avatar nodes
 * are configured to keep one item: their item ids are image hashes, and
 * ejabberd would otherwise answer a reader with an older avatar.
 *
 * Fetching reads the vCard, then the avatar: its metadata first, so a
 * photo announced over the size limit is never downloaded; when there is
 * no XEP-0084 avatar, the vcard-temp photo of older clients (XEP-0153).
 * A broken or oversized photo leaves the card without one, with a log
 * line; it never fails the fetch.
 *
 * ::card-changed reports PEP events: a contact's new vCard (the card,
 * without photo), or a new avatar (no card: fetch it).
 */

#define G_LOG_DOMAIN "holboo-account-cards"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "holboo-account-cards.h"
#include "holboo-account-private.h"
#include "holboo-xmpp-avatar.h"
#include "holboo-xmpp-vcard4.h"

/* ---- publish ---- */

typedef struct {
  HolbooXmppConnection *connection;
  GPtrArray            *steps;      /* (element-type HolbooXmlNode): publish iqs */
  GPtrArray            *nodes;      /* (element-type utf8): their node names */
  GArray               *configure;  /* (element-type gboolean): configure the node after */
  HolbooXmppPepAccess   access;
  guint                 current;
  gboolean              reconfigured;
} Publish;

static void
publish_free (Publish *publish)
{
  g_clear_object (&publish->connection);
  g_ptr_array_unref (publish->steps);
  g_ptr_array_unref (publish->nodes);
  g_array_unref (publish->configure);
  g_free (publish);
}

static void publish_next (GTask *task);

static void
on_configured (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(HolbooXmlNode) reply = NULL;
  GError *error = NULL;

  reply = holboo_xmpp_connection_send_iq_finish (HOLBOO_XMPP_CONNECTION (source), result, &error);
  if (reply == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  publish_next (g_steal_pointer (&task));
}

static void
on_published (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Publish *publish = g_task_get_task_data (task);
  g_autoptr(HolbooXmlNode) reply = NULL;
  GError *error = NULL;

  reply = holboo_xmpp_connection_send_iq_finish (HOLBOO_XMPP_CONNECTION (source), result, &error);
  if (reply == NULL && holboo_xmpp_pep_is_precondition_error (error) && !publish->reconfigured)
    {
      const char *node = publish->nodes->pdata[publish->current];
      g_autoptr(HolbooXmlNode) configure = holboo_xmpp_pep_build_configure (node, publish->access);
      g_autofree char *id = g_uuid_string_random ();

      g_debug ("Node %s is configured otherwise: reconfiguring it", node);
      g_clear_error (&error);
      publish->reconfigured = TRUE;
      /* The same publish goes again, under a new id. */
      holboo_xml_node_set_attribute (publish->steps->pdata[publish->current], "id", id);
      GCancellable *cancellable = g_task_get_cancellable (task);

      holboo_xmpp_connection_send_iq_async (publish->connection, configure, cancellable,
                                            on_configured, g_steal_pointer (&task));
      return;
    }
  if (reply == NULL)
    {
      g_prefix_error (&error, _("Could not publish the card: "));
      g_task_return_error (task, error);
      return;
    }

  if (g_array_index (publish->configure, gboolean, publish->current) && !publish->reconfigured)
    {
      /* An avatar node's item id changes with each image: keep only the
       * newest, or a reader may be answered with an old one (ejabberd). */
      const char *node = publish->nodes->pdata[publish->current];
      g_autoptr(HolbooXmlNode) configure = holboo_xmpp_pep_build_configure (node, publish->access);
      GCancellable *cancellable = g_task_get_cancellable (task);

      publish->current++;
      holboo_xmpp_connection_send_iq_async (publish->connection, configure, cancellable,
                                            on_configured, g_steal_pointer (&task));
      return;
    }

  publish->current++;
  publish->reconfigured = FALSE;
  publish_next (g_steal_pointer (&task));
}

static void
publish_next (GTask *task)
{
  Publish *publish = g_task_get_task_data (task);

  if (publish->current == publish->steps->len)
    {
      g_task_return_boolean (task, TRUE);
      g_object_unref (task);
      return;
    }

  holboo_xmpp_connection_send_iq_async (publish->connection,
                                        publish->steps->pdata[publish->current],
                                        g_task_get_cancellable (task),
                                        on_published, task);
}

static void
add_step (Publish       *publish,
          HolbooXmlNode *iq,
          const char    *node,
          gboolean       configure)
{
  g_ptr_array_add (publish->steps, iq);
  g_ptr_array_add (publish->nodes, g_strdup (node));
  g_array_append_val (publish->configure, configure);
}

/**
 * holboo_account_publish_card_async:
 * @card: the account's card; its photo becomes the avatar
 * @access: who may read the card and the avatar
 *
 * Publishes the card (XEP-0292) and its photo (XEP-0084).  The photo
 * must be at most %HOLBOO_ACCOUNT_MAX_PUBLISHED_PHOTO_SIZE bytes: scale
 * it first.
 */
void
holboo_account_publish_card_async (HolbooAccount       *self,
                                   HolbooCard          *card,
                                   HolbooXmppPepAccess  access,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Publish *publish;
  GBytes *photo;

  g_return_if_fail (HOLBOO_IS_ACCOUNT (self));
  g_return_if_fail (HOLBOO_IS_CARD (card));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, holboo_account_publish_card_async);

  photo = holboo_card_get_photo (card);
  if (photo != NULL && g_bytes_get_size (photo) > HOLBOO_ACCOUNT_MAX_PUBLISHED_PHOTO_SIZE)
    {
      g_task_return_new_error (task, HOLBOO_CARD_ERROR, HOLBOO_CARD_ERROR_TOO_LARGE,
                               _("The photo is too large to publish (%lu KiB; at most %lu KiB)"),
                               (gulong) g_bytes_get_size (photo) / 1024,
                               (gulong) HOLBOO_ACCOUNT_MAX_PUBLISHED_PHOTO_SIZE / 1024);
      return;
    }

  publish = g_new0 (Publish, 1);
  publish->connection = g_object_ref (self->connection);
  publish->steps = g_ptr_array_new_with_free_func ((GDestroyNotify) holboo_xml_node_unref);
  publish->nodes = g_ptr_array_new_with_free_func (g_free);
  publish->configure = g_array_new (FALSE, FALSE, sizeof (gboolean));
  publish->access = access;
  g_task_set_task_data (task, publish, (GDestroyNotify) publish_free);

  if (photo != NULL)
    {
      HolbooXmppAvatarInfo info = { NULL, };
      g_autofree char *id = holboo_xmpp_avatar_compute_id (photo);

      holboo_card_sniff_photo (photo, &info.width, &info.height, NULL);
      info.id = id;
      info.type = (char *) holboo_card_get_photo_type (card);
      info.bytes = g_bytes_get_size (photo);
      add_step (publish, holboo_xmpp_avatar_build_data_publish (photo, access), HOLBOO_XMLNS_AVATAR_DATA, TRUE);
      add_step (publish, holboo_xmpp_avatar_build_metadata_publish (&info, access),
                HOLBOO_XMLNS_AVATAR_METADATA, TRUE);
    }
  else
    {
      add_step (publish, holboo_xmpp_avatar_build_metadata_publish (NULL, access),
                HOLBOO_XMLNS_AVATAR_METADATA, TRUE);
    }
  {
    g_autoptr(HolbooXmlNode) vcard = holboo_card_to_vcard_xml (card, FALSE);

    add_step (publish, holboo_xmpp_vcard4_build_publish (vcard, access), HOLBOO_XMLNS_VCARD4_NODE, FALSE);
  }

  publish_next (g_steal_pointer (&task));
}

gboolean
holboo_account_publish_card_finish (HolbooAccount *self,
                                    GAsyncResult  *result,
                                    GError       **error)
{
  g_return_val_if_fail (HOLBOO_IS_ACCOUNT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* ---- fetch ---- */

typedef struct {
  HolbooXmppConnection *connection;
  char                 *jid;
  HolbooCard           *card;
  HolbooXmppAvatarInfo *info;
  gboolean              have_vcard;
} Fetch;

static void
fetch_free (Fetch *fetch)
{
  g_clear_object (&fetch->connection);
  g_clear_object (&fetch->card);
  g_clear_pointer (&fetch->info, holboo_xmpp_avatar_info_free);
  g_free (fetch->jid);
  g_free (fetch);
}

static void
fetch_done (GTask *task)
{
  Fetch *fetch = g_task_get_task_data (task);

  if (!fetch->have_vcard && holboo_card_get_photo (fetch->card) == NULL)
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                             _("%s has no card"), fetch->jid);
  else
    g_task_return_pointer (task, g_object_ref (fetch->card), g_object_unref);
  g_object_unref (task);
}

static void
take_photo (Fetch  *fetch,
            GBytes *photo,
            const char *where)
{
  g_autoptr(GError) error = NULL;

  if (!holboo_card_set_photo (fetch->card, photo, &error))
    g_message ("The %s photo of %s is left out: %s", where, fetch->jid, error->message);
}

static void
on_vcard_temp (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  GTask *task = user_data;
  Fetch *fetch = g_task_get_task_data (task);
  g_autoptr(HolbooXmlNode) reply = NULL;
  g_autoptr(GBytes) photo = NULL;
  g_autoptr(GError) error = NULL;

  reply = holboo_xmpp_connection_send_iq_finish (HOLBOO_XMPP_CONNECTION (source), result, &error);
  if (reply != NULL)
    photo = holboo_xmpp_avatar_parse_vcard_temp_photo (reply, NULL, &error);
  if (photo != NULL)
    take_photo (fetch, photo, "vcard-temp");
  else
    g_debug ("No vcard-temp photo for %s: %s", fetch->jid, error->message);
  fetch_done (task);
}

static void
on_avatar_data (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  GTask *task = user_data;
  Fetch *fetch = g_task_get_task_data (task);
  g_autoptr(HolbooXmlNode) reply = NULL;
  g_autoptr(GBytes) photo = NULL;
  g_autoptr(GError) error = NULL;

  reply = holboo_xmpp_connection_send_iq_finish (HOLBOO_XMPP_CONNECTION (source), result, &error);
  if (reply != NULL)
    photo = holboo_xmpp_avatar_parse_data (reply, fetch->info->id, &error);
  if (photo != NULL)
    take_photo (fetch, photo, "avatar");
  else
    g_message ("The avatar of %s is left out: %s", fetch->jid, error->message);
  fetch_done (task);
}

static void
on_avatar_metadata (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  GTask *task = user_data;
  Fetch *fetch = g_task_get_task_data (task);
  g_autoptr(HolbooXmlNode) reply = NULL;
  g_autoptr(HolbooXmlNode) request = NULL;
  g_autoptr(GError) error = NULL;

  reply = holboo_xmpp_connection_send_iq_finish (HOLBOO_XMPP_CONNECTION (source), result, &error);
  if (reply != NULL)
    fetch->info = holboo_xmpp_avatar_parse_metadata (reply, &error);

  if (fetch->info == NULL)
    {
      /* No XEP-0084 avatar: an older client's vcard-temp photo, then. */
      g_debug ("No avatar metadata for %s (%s)", fetch->jid, error->message);
      request = holboo_xmpp_avatar_build_vcard_temp_request (fetch->jid);
      holboo_xmpp_connection_send_iq_async (fetch->connection, request, g_task_get_cancellable (task),
                                            on_vcard_temp, task);
      return;
    }

  if (fetch->info->bytes > HOLBOO_XMPP_AVATAR_MAX_SIZE)
    {
      g_message ("The avatar of %s is %" G_GUINT64_FORMAT " bytes, over the limit of %u: not fetched",
                 fetch->jid, fetch->info->bytes, HOLBOO_XMPP_AVATAR_MAX_SIZE);
      fetch_done (task);
      return;
    }

  request = holboo_xmpp_avatar_build_data_request (fetch->jid, fetch->info->id);
  holboo_xmpp_connection_send_iq_async (fetch->connection, request, g_task_get_cancellable (task),
                                        on_avatar_data, task);
}

static void
on_vcard (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  GTask *task = user_data;
  Fetch *fetch = g_task_get_task_data (task);
  g_autoptr(HolbooXmlNode) reply = NULL;
  g_autoptr(HolbooXmlNode) vcard = NULL;
  g_autoptr(HolbooXmlNode) request = NULL;
  g_autoptr(GError) error = NULL;

  reply = holboo_xmpp_connection_send_iq_finish (HOLBOO_XMPP_CONNECTION (source), result, &error);
  if (reply == NULL &&
      !g_error_matches (error, HOLBOO_XMPP_STANZA_ERROR, HOLBOO_XMPP_STANZA_ERROR_ITEM_NOT_FOUND))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      g_object_unref (task);
      return;
    }
  if (reply != NULL)
    vcard = holboo_xmpp_vcard4_parse_result (reply, &error);

  if (vcard != NULL)
    {
      g_autoptr(HolbooCard) card = holboo_card_new_from_vcard_xml (vcard, &error);

      if (card != NULL)
        {
          g_set_object (&fetch->card, card);
          fetch->have_vcard = TRUE;
        }
    }
  if (!fetch->have_vcard)
    g_debug ("No usable vCard for %s: %s", fetch->jid, error ? error->message : "none");

  request = holboo_xmpp_avatar_build_metadata_request (fetch->jid);
  holboo_xmpp_connection_send_iq_async (fetch->connection, request, g_task_get_cancellable (task),
                                        on_avatar_metadata, task);
}

/**
 * holboo_account_fetch_card_async:
 * @jid: whose card: a contact's bare JID, or the account's own
 *
 * Reads a card and its photo.  Fails with %G_IO_ERROR_NOT_FOUND when
 * there is neither, and with the server's stanza error when it refuses
 * (e.g. not-authorized: @jid shares its card with its contacts only).
 */
void
holboo_account_fetch_card_async (HolbooAccount       *self,
                                 const char          *jid,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(HolbooJid) parsed = NULL;
  g_autoptr(HolbooXmlNode) request = NULL;
  Fetch *fetch;

  g_return_if_fail (HOLBOO_IS_ACCOUNT (self));
  g_return_if_fail (jid != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, holboo_account_fetch_card_async);

  parsed = holboo_jid_parse (jid, -1, NULL);
  if (parsed == NULL || holboo_jid_get_localpart (parsed) == NULL)
    {
      g_task_return_new_error (task, HOLBOO_ACCOUNT_ERROR, HOLBOO_ACCOUNT_ERROR_INVALID_ADDRESS,
                               _("“%s” is not a valid address"), jid);
      return;
    }

  fetch = g_new0 (Fetch, 1);
  fetch->connection = g_object_ref (self->connection);
  fetch->jid = g_strdup (holboo_jid_get_bare_string (parsed));
  fetch->card = holboo_card_new ();
  g_task_set_task_data (task, fetch, (GDestroyNotify) fetch_free);

  request = holboo_xmpp_vcard4_build_request (fetch->jid);
  holboo_xmpp_connection_send_iq_async (fetch->connection, request, cancellable,
                                        on_vcard, g_steal_pointer (&task));
}

/**
 * holboo_account_fetch_card_finish:
 *
 * Returns: (transfer full) (nullable): the card
 */
HolbooCard *
holboo_account_fetch_card_finish (HolbooAccount *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (HOLBOO_IS_ACCOUNT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* ---- events ---- */

static gboolean
on_pep_event (HolbooXmppConnection *connection,
              HolbooXmlNode        *stanza,
              gpointer              user_data)
{
  HolbooAccount *self = user_data;
  g_autoptr(HolbooJid) from = NULL;
  g_autoptr(HolbooXmlNode) vcard = NULL;
  g_autoptr(HolbooXmppAvatarInfo) info = NULL;
  gboolean removed = FALSE;

  vcard = holboo_xmpp_vcard4_parse_event (stanza, &from);
  if (vcard != NULL)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(HolbooCard) card = holboo_card_new_from_vcard_xml (vcard, &error);

      if (card == NULL)
        g_message ("Dropping the vCard event of %s: %s", holboo_jid_to_string (from), error->message);
      else
        g_signal_emit (self, _holboo_account_signals[ACCOUNT_SIGNAL_CARD_CHANGED], 0,
                       holboo_jid_to_string (from), card);
      return TRUE;
    }

  info = holboo_xmpp_avatar_parse_metadata_event (stanza, &from, &removed);
  if (info != NULL || removed)
    {
      g_signal_emit (self, _holboo_account_signals[ACCOUNT_SIGNAL_CARD_CHANGED], 0,
                     holboo_jid_to_string (from), NULL);
      return TRUE;
    }

  /* A card or avatar event dropped above stays dropped; other nodes'
   * events (bookmarks, …) are for the handlers after this one. */
  {
    HolbooXmlNode *event = holboo_xml_node_get_child (stanza, "event", HOLBOO_XMLNS_PUBSUB_EVENT);
    HolbooXmlNode *items = event != NULL ? holboo_xml_node_get_child (event, "items", HOLBOO_XMLNS_PUBSUB_EVENT) : NULL;
    const char *node = items != NULL ? holboo_xml_node_get_attribute (items, "node") : NULL;

    return g_strcmp0 (node, HOLBOO_XMLNS_VCARD4_NODE) == 0 ||
           g_strcmp0 (node, HOLBOO_XMLNS_AVATAR_METADATA) == 0;
  }
}

void
_holboo_account_cards_init (HolbooAccount *self)
{
  self->card_handler_id =
    holboo_xmpp_connection_add_handler (self->connection, "message", HOLBOO_XMLNS_PUBSUB_EVENT,
                                        on_pep_event, self, NULL);
}

void
_holboo_account_cards_dispose (HolbooAccount *self)
{
  if (self->connection != NULL && self->card_handler_id != 0)
    holboo_xmpp_connection_remove_handler (self->connection, self->card_handler_id);
  self->card_handler_id = 0;
}

gboolean
_holboo_account_cards_receive_event (HolbooAccount *self,
                                     HolbooXmlNode *stanza)
{
  return on_pep_event (self->connection, stanza, self);
}

void
_holboo_account_cards_class_init (GObjectClass *object_class)
{
  /**
   * HolbooAccount::card-changed:
   * @jid: whose card changed
   * @card: (nullable): the new card, without photo; %NULL when only the
   *   avatar changed (fetch the card for it)
   */
  _holboo_account_signals[ACCOUNT_SIGNAL_CARD_CHANGED] =
    g_signal_new ("card-changed", G_TYPE_FROM_CLASS (object_class), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2,
                  G_TYPE_STRING | G_SIGNAL_TYPE_STATIC_SCOPE, HOLBOO_TYPE_CARD);
}
