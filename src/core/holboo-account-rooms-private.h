/* holboo-account-rooms-private.h: what the account's group chat files
 * share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "holboo-account-private.h"
#include "holboo-account-rooms.h"
#include "holboo-room-private.h"
#include "holboo-xmpp-muc.h"

G_BEGIN_DECLS

#define JOIN_TIMEOUT_SECONDS 30
#define MAX_NICK_ATTEMPTS    5

typedef struct {
  HolbooRoom *room;
  char       *password;
  char       *base_nick;      /* the nickname asked for; conflicts add a suffix */
  guint       nick_attempt;
  gboolean    wanted;
  gboolean    user_join;      /* a join the user asked for: a conflict is theirs to solve */
  GPtrArray  *tasks;          /* (element-type GTask): waiting for the join (or creation) */
  gboolean    creating;
  gboolean    publish_bookmark;
  char       *create_name;
  GStrv       create_members;
  guint       timeout_id;
  gboolean    pinging;
  gboolean    swallow_leave;  /* test hook: the next self leave is lost */
} Entry;

struct _HolbooAccountRooms {
  GHashTable *entries;        /* bare JID → Entry */
  GListStore *list;           /* HolbooRoom, in join order */
  guint       presence_handler_id;
  guint       ping_seconds;
  guint       ping_id;
  gboolean    stored_loaded;
};

/* holboo-account-rooms.c */
Entry      *_holboo_rooms_lookup          (HolbooAccount *self,
                                           const char    *bare);
Entry      *_holboo_rooms_ensure_entry    (HolbooAccount *self,
                                           HolbooJid     *room,
                                           const char    *nick);
const char *_holboo_rooms_room_jid        (Entry         *entry);
void        _holboo_rooms_remove_from_list (HolbooAccount *self,
                                           HolbooRoom    *room);
void        _holboo_rooms_complete_tasks  (Entry         *entry,
                                           const GError  *error);
void        _holboo_rooms_save_room       (HolbooAccount *self,
                                           Entry         *entry);
void        _holboo_rooms_send_join       (HolbooAccount *self,
                                           Entry         *entry);
void        _holboo_rooms_join_failed     (HolbooAccount *self,
                                           Entry         *entry,
                                           GError        *error);
void        _holboo_rooms_joined          (HolbooAccount *self,
                                           Entry         *entry);
void        _holboo_rooms_join_entry      (HolbooAccount *self,
                                           Entry         *entry);
void        _holboo_rooms_leave           (HolbooAccount *self,
                                           Entry         *entry,
                                           gboolean       retract);
gpointer    _holboo_rooms_list_rooms_func (HolbooStore   *store,
                                           gpointer       data,
                                           GError       **error);

/* holboo-account-room-config.c */
void        _holboo_rooms_configure_room  (HolbooAccount *self,
                                           Entry         *entry);

/* holboo-account-room-ping.c */
void        _holboo_rooms_ping_rooms      (HolbooAccount *self);
void        _holboo_rooms_restart_ping_timer (HolbooAccount *self);

/* Shared with the other account files and tests. */
void        _holboo_account_rooms_constructed (HolbooAccount *self);
const char *_holboo_account_rooms_get_nick (HolbooAccount *self,
                                           const char    *room);
void        _holboo_account_rooms_autojoin (HolbooAccount *self,
                                           HolbooJid     *jid,
                                           const char    *nick,
                                           const char    *name,
                                           const char    *password);
void        _holboo_account_rooms_forget  (HolbooAccount *self,
                                           const char    *jid);
void        _holboo_account_rooms_drop_silently (HolbooAccount *self,
                                           const char    *room);
void        _holboo_account_rooms_ping_now (HolbooAccount *self);

G_END_DECLS
