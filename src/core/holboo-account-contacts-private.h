/* holboo-account-contacts-private.h: the state that
 * holboo-account-contacts.c and holboo-account-presence.c share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "holboo-account-contacts.h"
#include "holboo-account-private.h"
#include "holboo-contact-private.h"
#include "holboo-xmpp-caps.h"

G_BEGIN_DECLS

struct _HolbooAccountContacts {
  /* holboo-account-contacts.c */
  GListStore             *model;            /* HolbooContact, sorted by JID */
  GHashTable             *by_jid;           /* bare JID → HolbooContact (borrowed from the model) */
  GHashTable             *blocked;          /* JIDs as listed, a set */
  char                   *roster_ver;
  gboolean                loaded;           /* what the store holds is in memory */
  gboolean                fetch_waiting;    /* a session started before that */
  guint                   roster_handler;
  guint                   blocking_handler;

  /* holboo-account-presence.c */
  guint                   presence_handler;
  guint                   disco_handler;
  HolbooXmppPresenceShow  show;
  char                   *status;
  HolbooXmppDiscoInfo    *own_info;
  char                   *caps_ver;
  HolbooXmppCapsCache    *caps_cache;
  GHashTable             *caps_pending;     /* ver → full JID asked */
  GPtrArray              *external_services; /* (nullable) */
};

/* holboo-account-contacts.c */
HolbooContact *_holboo_account_contacts_get   (HolbooAccount *self,
                                               const char    *bare_jid);
void           _holboo_account_contacts_fetch (HolbooAccount *self);

/* holboo-account-presence.c */
void           _holboo_account_presence_init     (HolbooAccount *self);
void           _holboo_account_presence_connect  (HolbooAccount *self);
void           _holboo_account_presence_dispose  (HolbooAccount *self);
void           _holboo_account_presence_finalize (HolbooAccount *self);
void           _holboo_account_presence_session_started (HolbooAccount *self);
void           _holboo_account_presence_clear    (HolbooAccount *self);
gboolean       _holboo_account_presence_handle   (HolbooAccount *self,
                                                  HolbooXmlNode *stanza);
void           _holboo_account_emit_blocklist_changed (HolbooAccount *self);

G_END_DECLS
