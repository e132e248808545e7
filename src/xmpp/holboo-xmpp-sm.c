/* holboo-xmpp-sm.c: stream management (XEP-0198) bookkeeping, without I/O
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Counters are 32-bit and wrap (XEP-0198 §4).  The outbound side keeps
 * every stanza sent since the last ack; the invariant is
 * outbound = acked + unacked->len (mod 2³²), so an ack of h releases
 * h - acked stanzas, and after <resumed h=…/> the rest is what the
 * server never got.
 */

#define G_LOG_DOMAIN "holboo-xmpp-sm"

#include "config.h"

#include "holboo-xmpp-sm.h"
#include "holboo-xmpp-error.h"
#include "holboo-xmpp-types.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

struct _HolbooXmppSm
{
  gboolean  enabled;
  gboolean  resume;
  char     *id;
  char     *location;
  guint32   inbound;
  guint32   acked;
  GQueue    unacked;    /* HolbooXmlNode*, oldest first */
};

HolbooXmppSm *
holboo_xmpp_sm_new (void)
{
  HolbooXmppSm *self = g_new0 (HolbooXmppSm, 1);

  g_queue_init (&self->unacked);
  return self;
}

void
holboo_xmpp_sm_free (HolbooXmppSm *self)
{
  if (self == NULL)
    return;

  holboo_xmpp_sm_reset (self);
  g_free (self);
}

/**
 * holboo_xmpp_sm_reset:
 *
 * Forgets the session: counters, id and the unacked queue.
 */
void
holboo_xmpp_sm_reset (HolbooXmppSm *self)
{
  g_return_if_fail (self != NULL);

  self->enabled = FALSE;
  self->resume = FALSE;
  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->location, g_free);
  self->inbound = 0;
  self->acked = 0;
  g_queue_clear_full (&self->unacked, (GDestroyNotify) holboo_xml_node_unref);
}

/**
 * holboo_xmpp_sm_enabled:
 * @enabled: the server's `<enabled/>`
 *
 * Starts counting from zero; stanzas tracked before are dropped.
 */
void
holboo_xmpp_sm_enabled (HolbooXmppSm  *self,
                        HolbooXmlNode *enabled)
{
  const char *resume, *id;

  g_return_if_fail (self != NULL);

  holboo_xmpp_sm_reset (self);
  self->enabled = TRUE;
  resume = holboo_xml_node_get_attribute (enabled, "resume");
  id = holboo_xml_node_get_attribute (enabled, "id");
  self->resume = (g_strcmp0 (resume, "true") == 0 || g_strcmp0 (resume, "1") == 0) &&
                 id != NULL && *id != '\0';
  self->id = g_strdup (id);
  self->location = g_strdup (holboo_xml_node_get_attribute (enabled, "location"));
}

gboolean
holboo_xmpp_sm_is_enabled (HolbooXmppSm *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->enabled;
}

gboolean
holboo_xmpp_sm_can_resume (HolbooXmppSm *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->enabled && self->resume;
}

const char *
holboo_xmpp_sm_get_id (HolbooXmppSm *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->id;
}

/**
 * holboo_xmpp_sm_get_location:
 *
 * Returns: (nullable): where the server prefers to be reconnected to
 *   for resumption; informational only, never followed blindly
 */
const char *
holboo_xmpp_sm_get_location (HolbooXmppSm *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->location;
}

guint32
holboo_xmpp_sm_get_inbound (HolbooXmppSm *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->inbound;
}

/* One more stanza from the server was handled. */
void
holboo_xmpp_sm_count_inbound (HolbooXmppSm *self)
{
  g_return_if_fail (self != NULL);

  if (self->enabled)
    self->inbound++;
}

guint32
holboo_xmpp_sm_get_outbound (HolbooXmppSm *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->acked + self->unacked.length;
}

/* A stanza went out: keep it until the server acks it. */
void
holboo_xmpp_sm_track_outbound (HolbooXmppSm  *self,
                               HolbooXmlNode *stanza)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (stanza != NULL);

  if (self->enabled)
    g_queue_push_tail (&self->unacked, holboo_xml_node_ref (stanza));
}

guint
holboo_xmpp_sm_get_n_unacked (HolbooXmppSm *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->unacked.length;
}

static gboolean
parse_h (const char *text,
         guint32    *h)
{
  guint64 value;

  if (text == NULL || !g_ascii_isdigit (text[0]) ||
      !g_ascii_string_to_unsigned (text, 10, 0, G_MAXUINT32, &value, NULL))
    return FALSE;

  *h = (guint32) value;
  return TRUE;
}

/**
 * holboo_xmpp_sm_ack:
 * @h: the h attribute of `<a/>` or `<resumed/>`
 *
 * Returns: (transfer container) (element-type HolbooXmlNode) (nullable):
 *   the stanzas @h acknowledges, oldest first (maybe none), or %NULL with
 *   @error set if @h is not a number or acknowledges more than was sent
 *   (XEP-0198 §4: undefined-condition, "handled-count-too-high")
 */
GPtrArray *
holboo_xmpp_sm_ack (HolbooXmppSm  *self,
                    const char    *h,
                    GError       **error)
{
  GPtrArray *acked;
  guint32 value, count;

  g_return_val_if_fail (self != NULL, NULL);

  if (!parse_h (h, &value))
    {
      g_set_error (error, HOLBOO_XMPP_ERROR, HOLBOO_XMPP_ERROR_PROTOCOL,
                   _("The server acknowledged an invalid count: %s"), h != NULL ? h : "");
      return NULL;
    }

  count = value - self->acked;   /* mod 2³² */
  if (count > self->unacked.length)
    {
      g_set_error (error, HOLBOO_XMPP_ERROR, HOLBOO_XMPP_ERROR_PROTOCOL,
                   _("The server acknowledged %u stanzas, but only %u were sent"),
                   count, self->unacked.length);
      return NULL;
    }

  acked = g_ptr_array_new_full (count, (GDestroyNotify) holboo_xml_node_unref);
  for (guint32 i = 0; i < count; i++)
    g_ptr_array_add (acked, g_queue_pop_head (&self->unacked));
  self->acked = value;

  return acked;
}

/**
 * holboo_xmpp_sm_take_unacked:
 *
 * Empties the queue: after `<resumed/>` (and holboo_xmpp_sm_ack()) the
 * rest is sent again, and so tracked again; after `<failed/>` it is
 * what may have been lost.
 *
 * Returns: (transfer container) (element-type HolbooXmlNode): the
 *   stanzas not acknowledged, oldest first
 */
GPtrArray *
holboo_xmpp_sm_take_unacked (HolbooXmppSm *self)
{
  GPtrArray *unacked;
  HolbooXmlNode *stanza;

  g_return_val_if_fail (self != NULL, NULL);

  unacked = g_ptr_array_new_full (self->unacked.length, (GDestroyNotify) holboo_xml_node_unref);
  while ((stanza = g_queue_pop_head (&self->unacked)) != NULL)
    g_ptr_array_add (unacked, stanza);

  return unacked;
}

HolbooXmlNode *
holboo_xmpp_sm_build_enable (gboolean resume)
{
  HolbooXmlNode *enable = holboo_xml_node_new ("enable", HOLBOO_XMLNS_SM);

  if (resume)
    holboo_xml_node_set_attribute (enable, "resume", "true");
  return enable;
}

HolbooXmlNode *
holboo_xmpp_sm_build_request (void)
{
  return holboo_xml_node_new ("r", HOLBOO_XMLNS_SM);
}

HolbooXmlNode *
holboo_xmpp_sm_build_answer (HolbooXmppSm *self)
{
  HolbooXmlNode *answer = holboo_xml_node_new ("a", HOLBOO_XMLNS_SM);
  char h[16];

  g_snprintf (h, sizeof h, "%" G_GUINT32_FORMAT, self->inbound);
  holboo_xml_node_set_attribute (answer, "h", h);
  return answer;
}

HolbooXmlNode *
holboo_xmpp_sm_build_resume (HolbooXmppSm *self)
{
  HolbooXmlNode *resume = holboo_xml_node_new ("resume", HOLBOO_XMLNS_SM);
  char h[16];

  g_return_val_if_fail (holboo_xmpp_sm_can_resume (self), NULL);

  g_snprintf (h, sizeof h, "%" G_GUINT32_FORMAT, self->inbound);
  holboo_xml_node_set_attribute (resume, "h", h);
  holboo_xml_node_set_attribute (resume, "previd", self->id);
  return resume;
}

/* What XEP-0198 counts: message, presence and iq in jabber:client. */
gboolean
holboo_xmpp_sm_is_stanza (HolbooXmlNode *element)
{
  const char *name;

  if (g_strcmp0 (holboo_xml_node_get_ns (element), HOLBOO_XMLNS_CLIENT) != 0)
    return FALSE;

  name = holboo_xml_node_get_name (element);
  return strcmp (name, "message") == 0 || strcmp (name, "presence") == 0 ||
         strcmp (name, "iq") == 0;
}
