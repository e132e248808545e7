/* holboo-store-records.c: rows of the message store, as plain structs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "holboo-store"

#include "config.h"

#include "holboo-store-records.h"

G_DEFINE_BOXED_TYPE (HolbooStoredAttachment, holboo_stored_attachment,
                     holboo_stored_attachment_ref, holboo_stored_attachment_unref)
G_DEFINE_BOXED_TYPE (HolbooStoredMessage, holboo_stored_message,
                     holboo_stored_message_ref, holboo_stored_message_unref)
G_DEFINE_BOXED_TYPE (HolbooStoredConversation, holboo_stored_conversation,
                     holboo_stored_conversation_ref, holboo_stored_conversation_unref)
G_DEFINE_BOXED_TYPE (HolbooSearchHit, holboo_search_hit,
                     holboo_search_hit_copy, holboo_search_hit_free)
G_DEFINE_BOXED_TYPE (HolbooMamRange, holboo_mam_range,
                     holboo_mam_range_copy, holboo_mam_range_free)
G_DEFINE_BOXED_TYPE (HolbooMamGap, holboo_mam_gap,
                     holboo_mam_gap_copy, holboo_mam_gap_free)
G_DEFINE_BOXED_TYPE (HolbooMessageAction, holboo_message_action,
                     holboo_message_action_copy, holboo_message_action_free)

/**
 * holboo_stored_attachment_new:
 *
 * Returns: (transfer full): an empty attachment (size unknown), for the
 *   caller to fill in
 */
HolbooStoredAttachment *
holboo_stored_attachment_new (void)
{
  HolbooStoredAttachment *self = g_atomic_rc_box_new0 (HolbooStoredAttachment);

  self->size = -1;
  return self;
}

/**
 * holboo_stored_attachment_copy:
 *
 * Returns: (transfer full): a copy of @self, to change
 */
HolbooStoredAttachment *
holboo_stored_attachment_copy (const HolbooStoredAttachment *self)
{
  HolbooStoredAttachment *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = holboo_stored_attachment_new ();
  copy->message_id = self->message_id;
  copy->state = self->state;
  copy->url = g_strdup (self->url);
  copy->local_path = g_strdup (self->local_path);
  copy->name = g_strdup (self->name);
  copy->size = self->size;
  copy->mime = g_strdup (self->mime);
  copy->thumbnail_path = g_strdup (self->thumbnail_path);
  copy->width = self->width;
  copy->height = self->height;
  copy->description = g_strdup (self->description);
  copy->error = g_strdup (self->error);
  return copy;
}

HolbooStoredAttachment *
holboo_stored_attachment_ref (HolbooStoredAttachment *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return g_atomic_rc_box_acquire (self);
}

static void
stored_attachment_clear (HolbooStoredAttachment *self)
{
  g_free (self->url);
  g_free (self->local_path);
  g_free (self->name);
  g_free (self->mime);
  g_free (self->thumbnail_path);
  g_free (self->description);
  g_free (self->error);
}

void
holboo_stored_attachment_unref (HolbooStoredAttachment *self)
{
  g_return_if_fail (self != NULL);

  g_atomic_rc_box_release_full (self, (GDestroyNotify) stored_attachment_clear);
}

/**
 * holboo_stored_message_new:
 *
 * Returns: (transfer full): an empty message (incoming, received, all
 *   strings %NULL), for the caller to fill in
 */
HolbooStoredMessage *
holboo_stored_message_new (void)
{
  return g_atomic_rc_box_new0 (HolbooStoredMessage);
}

HolbooStoredMessage *
holboo_stored_message_ref (HolbooStoredMessage *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return g_atomic_rc_box_acquire (self);
}

static void
stored_message_clear (HolbooStoredMessage *self)
{
  g_free (self->peer);
  g_free (self->from_jid);
  g_free (self->to_jid);
  g_free (self->body);
  g_free (self->message_id);
  g_free (self->origin_id);
  g_free (self->stanza_id);
  g_free (self->stanza_id_by);
  g_free (self->reply_to_id);
  g_free (self->reply_to_jid);
  g_free (self->reply_preview);
  g_clear_pointer (&self->reactions, g_ptr_array_unref);
  g_clear_pointer (&self->attachment, holboo_stored_attachment_unref);
}

void
holboo_stored_message_unref (HolbooStoredMessage *self)
{
  g_return_if_fail (self != NULL);

  g_atomic_rc_box_release_full (self, (GDestroyNotify) stored_message_clear);
}

HolbooStoredConversation *
holboo_stored_conversation_new (void)
{
  return g_atomic_rc_box_new0 (HolbooStoredConversation);
}

HolbooStoredConversation *
holboo_stored_conversation_ref (HolbooStoredConversation *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return g_atomic_rc_box_acquire (self);
}

static void
stored_conversation_clear (HolbooStoredConversation *self)
{
  g_free (self->peer);
}

void
holboo_stored_conversation_unref (HolbooStoredConversation *self)
{
  g_return_if_fail (self != NULL);

  g_atomic_rc_box_release_full (self, (GDestroyNotify) stored_conversation_clear);
}

HolbooSearchHit *
holboo_search_hit_copy (const HolbooSearchHit *self)
{
  HolbooSearchHit *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_memdup2 (self, sizeof *self);
  copy->snippet = g_strdup (self->snippet);
  return copy;
}

void
holboo_search_hit_free (HolbooSearchHit *self)
{
  if (self == NULL)
    return;
  g_free (self->snippet);
  g_free (self);
}

HolbooMamRange *
holboo_mam_range_copy (const HolbooMamRange *self)
{
  HolbooMamRange *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_memdup2 (self, sizeof *self);
  copy->archive = g_strdup (self->archive);
  copy->with_jid = g_strdup (self->with_jid);
  copy->first_id = g_strdup (self->first_id);
  copy->last_id = g_strdup (self->last_id);
  return copy;
}

void
holboo_mam_range_free (HolbooMamRange *self)
{
  if (self == NULL)
    return;
  g_free (self->archive);
  g_free (self->with_jid);
  g_free (self->first_id);
  g_free (self->last_id);
  g_free (self);
}

HolbooMamGap *
holboo_mam_gap_copy (const HolbooMamGap *self)
{
  HolbooMamGap *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_memdup2 (self, sizeof *self);
  copy->end_id = g_strdup (self->end_id);
  copy->start_id = g_strdup (self->start_id);
  return copy;
}

void
holboo_mam_gap_free (HolbooMamGap *self)
{
  if (self == NULL)
    return;
  g_free (self->end_id);
  g_free (self->start_id);
  g_free (self);
}

void
holboo_reaction_free (HolbooReaction *self)
{
  if (self == NULL)
    return;
  g_free (self->emoji);
  g_free (self);
}

/**
 * holboo_message_action_new:
 *
 * Returns: (transfer full): an empty action of @kind, for the caller to
 *   fill in
 */
HolbooMessageAction *
holboo_message_action_new (HolbooMessageActionKind kind)
{
  HolbooMessageAction *self = g_new0 (HolbooMessageAction, 1);

  self->kind = kind;
  return self;
}

HolbooMessageAction *
holboo_message_action_copy (const HolbooMessageAction *self)
{
  HolbooMessageAction *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_memdup2 (self, sizeof *self);
  copy->peer = g_strdup (self->peer);
  copy->from_jid = g_strdup (self->from_jid);
  copy->target_id = g_strdup (self->target_id);
  copy->body = g_strdup (self->body);
  copy->reactions = g_strdupv (self->reactions);
  return copy;
}

void
holboo_message_action_free (HolbooMessageAction *self)
{
  if (self == NULL)
    return;
  g_free (self->peer);
  g_free (self->from_jid);
  g_free (self->target_id);
  g_free (self->body);
  g_strfreev (self->reactions);
  g_free (self);
}
