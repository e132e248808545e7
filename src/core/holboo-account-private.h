/* holboo-account-private.h: what the account's files share, and hooks
 * for tests and benchmarks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "holboo-account.h"
#include "holboo-worker.h"
#include "holboo-xmpp-carbons.h"

G_BEGIN_DECLS

enum {
  ACCOUNT_SIGNAL_MESSAGE_ADDED,
  ACCOUNT_SIGNAL_MESSAGE_UPDATED,
  ACCOUNT_SIGNAL_SYNCED,
  ACCOUNT_SIGNAL_STORE_ERROR,
  ACCOUNT_SIGNAL_CONVERSATION_UPDATED,
  ACCOUNT_SIGNAL_CHAT_STATE_CHANGED,
  ACCOUNT_SIGNAL_INVITATION_RECEIVED,
  ACCOUNT_SIGNAL_CARD_CHANGED,
  ACCOUNT_SIGNAL_CALL_ADDED,
  ACCOUNT_SIGNAL_CUSTOMERS_CHANGED,
  ACCOUNT_SIGNAL_TEAMLOG_SYNCED,
  ACCOUNT_SIGNAL_TEAMLOG_STATE_CHANGED,
  ACCOUNT_N_SIGNALS
};

extern guint _holboo_account_signals[ACCOUNT_N_SIGNALS];

typedef struct _HolbooMamSync HolbooMamSync;
typedef struct _HolbooAccountUpload HolbooAccountUpload;
typedef struct _HolbooAccountContacts HolbooAccountContacts;
typedef struct _HolbooAccountCalls HolbooAccountCalls;
typedef struct _HolbooAccountTeamlog HolbooAccountTeamlog;

/* One step of work for the store, run in order on the worker. */
typedef enum {
  HOLBOO_ACCOUNT_OP_INSERT,
  HOLBOO_ACCOUNT_OP_STATE,
  HOLBOO_ACCOUNT_OP_STATE_BY_ORIGIN,
  HOLBOO_ACCOUNT_OP_MAM_RANGE,
  HOLBOO_ACCOUNT_OP_FIND_GAP,
  HOLBOO_ACCOUNT_OP_OLDER_GAP,
  HOLBOO_ACCOUNT_OP_OUTBOX_LIST,
  HOLBOO_ACCOUNT_OP_CONVERSATIONS,
  HOLBOO_ACCOUNT_OP_LOAD_MESSAGES,
  HOLBOO_ACCOUNT_OP_BARRIER,
  HOLBOO_ACCOUNT_OP_ACTION,
  HOLBOO_ACCOUNT_OP_DRAFT_SAVE,
  HOLBOO_ACCOUNT_OP_DRAFT_LOAD,
  HOLBOO_ACCOUNT_OP_MARK_READ,
  HOLBOO_ACCOUNT_OP_CALL,
} HolbooAccountOpKind;

/* HOLBOO_ACCOUNT_OP_CALL: runs on the worker; what it returns is the
 * op's call_result. */
typedef gpointer (*HolbooAccountCallFunc) (HolbooStore  *store,
                                           gpointer      data,
                                           GError      **error);

typedef enum {
  HOLBOO_ACCOUNT_INSERT_LIVE     = 1 << 0,   /* answer its receipt request once stored */
  HOLBOO_ACCOUNT_INSERT_OUTBOX   = 1 << 1,   /* typed here: send it once stored */
  HOLBOO_ACCOUNT_GAP_WITH_FLOORS = 1 << 2,   /* FIND_GAP: list the conversations too */
} HolbooAccountOpFlags;

/* Inputs are set on the main thread before the op is queued, outputs on
 * the worker; the main thread reads outputs only after completion. */
typedef struct {
  HolbooAccountOpKind  kind;
  guint                flags;
  /* INSERT (in), STATE* (row_id, state, peer, origin_id in) */
  HolbooStoredMessage *message;
  char                *receipt_to;
  gint64               row_id;
  HolbooMessageState   state;
  char                *peer;
  char                *origin_id;
  /* MAM_RANGE, FIND_GAP, OLDER_GAP (in) */
  char                *archive;
  char                *with;
  char                *first_id;
  gint64               first_ts;
  char                *last_id;
  gint64               last_ts;
  gboolean             reaches_start;
  char                *before_id;
  gint64               before_ts;
  /* LOAD_MESSAGES (in) */
  HolbooMessageCursor  cursor;
  gboolean             has_cursor;
  guint                limit;
  /* ACTION (in) */
  HolbooMessageAction *action;
  /* MARK_READ (in): the message read (row_id) and its conversation */
  gint64               conversation_id;
  gint64               until;
  /* DRAFT_SAVE (in: peer, text), DRAFT_LOAD (in: peer; out: text) */
  char                *text;
  /* CALL (in: func, data; out: call_result) */
  HolbooAccountCallFunc call_func;
  gpointer             call_data;
  GDestroyNotify       call_data_free;
  gpointer             call_result;
  GDestroyNotify       call_result_free;
  /* outputs (rows: also the conversations for FIND_GAP with floors) */
  HolbooInsertResult   result;
  HolbooStoredMessage *row;        /* INSERT (updated copy), STATE*: the row as it is now */
  HolbooMamGap        *gap;
  HolbooActionResult   action_result;    /* ACTION */
  HolbooStoredConversation *conversation; /* ACTION (displayed), MARK_READ: as it is now */
  gint64               oldest_timestamp; /* OLDER_GAP: of the oldest message stored, or 0 */
  GPtrArray           *rows;
  GError              *error;
} HolbooAccountOp;

typedef struct _HolbooAccountBatch HolbooAccountBatch;
typedef struct _HolbooAccountRooms HolbooAccountRooms;

/* Called on the main thread after a batch's ops ran and their signals
 * were emitted.  @self is %NULL when the account went away first: free
 * @data's resources only. */
typedef void (*HolbooAccountBatchThen) (HolbooAccount      *self,
                                        HolbooAccountBatch *batch,
                                        gpointer            data);

struct _HolbooAccountBatch {
  GPtrArray              *ops;            /* (element-type HolbooAccountOp) */
  HolbooAccountBatchThen  then;
  gpointer                then_data;
  GDestroyNotify          then_data_free;
  HolbooAccount          *account;        /* not a reference */
  gboolean                incoming;       /* the batch filled by the main loop */
};

struct _HolbooAccount
{
  GObject               parent_instance;

  HolbooXmppSettings   *settings;
  char                 *store_path;
  HolbooJid            *jid;              /* bare */
  HolbooStore          *store;            /* until the worker has it */
  HolbooXmppConnection *connection;
  HolbooWorker         *worker;
  GCancellable         *cancellable;      /* cancelled in dispose */
  guint                 message_handler_id;
  gint64                last_timestamp;
  GHashTable           *live_order;       /* peer → (gint64 *) last live timestamp */
  gboolean              closed;

  /* holboo-account-batch.c */
  HolbooAccountBatch   *pending;
  guint                 flush_id;
  guint                 incoming_in_flight;

  /* holboo-account-outbox.c */
  GHashTable           *in_flight;        /* origin-id → InFlight */
  gboolean              outbox_listing;
  gboolean              outbox_relist;

  /* holboo-account-mam.c */
  GHashTable           *mam_queries;      /* queryid → HolbooMamSync (not a reference) */
  GPtrArray            *syncs;            /* (element-type HolbooMamSync): running */
  HolbooMamSync        *catch_up;         /* (nullable): in syncs */
  guint                 mam_page_size;
  guint                 catch_up_max_pages;
  gboolean              syncing;
  gboolean              presence_sent;
  guint                 mam_pages;        /* pages fetched, for tests */

  /* holboo-account-cards.c */
  guint                 card_handler_id;

  /* holboo-account-sync.c */
  GPtrArray            *sync_tasks;       /* (element-type GTask) (nullable): waiting for the catch-up */

  /* holboo-account-contacts.c, holboo-account-presence.c */
  HolbooAccountContacts *contacts;
  /* holboo-account-chat-states.c */
  GHashTable           *chat_states;      /* peer → PeerChatState */
  GHashTable           *sent_chat_states; /* peer → GINT_TO_POINTER (HolbooXmppChatState) */
  guint                 chat_state_timeout; /* ms */

  /* holboo-account-actions.c */
  GHashTable           *displayed_sent;   /* peer → (gint64 *) timestamp of the newest marked */
  /* holboo-account-rooms*.c, holboo-account-bookmarks.c */
  HolbooAccountRooms   *rooms;

  /* holboo-account-upload.c */
  HolbooAccountUpload  *upload;

  /* holboo-account-calls.c */
  HolbooAccountCalls   *calls;
  /* holboo-account-teamlog*.c */
  HolbooAccountTeamlog *teamlog;
};

/* holboo-account.c */
gint64               _holboo_account_next_timestamp   (HolbooAccount        *self,
                                                       gint64                at);
gboolean             _holboo_account_is_connected     (HolbooAccount        *self);
void                 _holboo_account_set_syncing      (HolbooAccount        *self,
                                                       gboolean              syncing);
void                 _holboo_account_send_presence    (HolbooAccount        *self);

/* holboo-account-contacts.c: the roster, the blocklist and (in
 * holboo-account-presence.c) presence, disco and external services */
void                 _holboo_account_contacts_init     (HolbooAccount        *self);
void                 _holboo_account_contacts_class_init (GObjectClass       *object_class,
                                                       guint                 first_prop_id);
gboolean             _holboo_account_contacts_get_property (HolbooAccount    *self,
                                                       guint                 prop_id,
                                                       GValue               *value);
gboolean             _holboo_account_contacts_set_property (HolbooAccount    *self,
                                                       guint                 prop_id,
                                                       const GValue         *value);
void                 _holboo_account_contacts_connect  (HolbooAccount        *self);
void                 _holboo_account_contacts_store_ready (HolbooAccount     *self);
void                 _holboo_account_contacts_session_started (HolbooAccount *self);
void                 _holboo_account_contacts_dispose  (HolbooAccount        *self);
void                 _holboo_account_contacts_finalize (HolbooAccount        *self);
HolbooXmlNode       *_holboo_account_build_presence   (HolbooAccount        *self);
gboolean             _holboo_account_is_blocked_jid   (HolbooAccount        *self,
                                                       HolbooJid            *jid);

/* holboo-account-batch.c */
HolbooAccountOp     *_holboo_account_op_new           (HolbooAccountOpKind   kind);
void                 _holboo_account_op_free          (HolbooAccountOp      *op);
HolbooAccountBatch  *_holboo_account_batch_new        (HolbooAccountBatchThen then,
                                                       gpointer              then_data,
                                                       GDestroyNotify        then_data_free);
void                 _holboo_account_batch_add        (HolbooAccountBatch   *batch,
                                                       HolbooAccountOp      *op);
void                 _holboo_account_batch_free       (HolbooAccountBatch   *batch);
void                 _holboo_account_queue_op         (HolbooAccount        *self,
                                                       HolbooAccountOp      *op);
void                 _holboo_account_submit           (HolbooAccount        *self,
                                                       HolbooAccountBatch   *batch);
void                 _holboo_account_flush_pending    (HolbooAccount        *self);

/* holboo-account-incoming.c */
gboolean             _holboo_account_handle_message   (HolbooXmppConnection *connection,
                                                       HolbooXmlNode        *stanza,
                                                       gpointer              user_data);
HolbooStoredMessage *_holboo_account_message_to_record (HolbooAccount       *self,
                                                       HolbooXmlNode        *stanza,
                                                       gboolean              archived,
                                                       HolbooMessageAction **out_action,
                                                       GError              **error);
void                 _holboo_account_queue_action     (HolbooAccount        *self,
                                                       HolbooMessageAction  *action);

/* holboo-account-chat-states.c */
void                 _holboo_account_chat_states_init (HolbooAccount        *self);
void                 _holboo_account_chat_states_dispose (HolbooAccount     *self);
void                 _holboo_account_chat_state_received (HolbooAccount     *self,
                                                       const char           *peer,
                                                       HolbooXmppChatState   state,
                                                       gboolean              with_body);
void                 _holboo_account_chat_state_sent  (HolbooAccount        *self,
                                                       const char           *peer,
                                                       HolbooXmppChatState   state);

/* holboo-account-actions.c */
void                 _holboo_account_actions_init     (HolbooAccount        *self);
void                 _holboo_account_actions_dispose  (HolbooAccount        *self);
void                 _holboo_account_action_done      (HolbooAccount        *self,
                                                       HolbooAccountOp      *op);
HolbooXmlNode       *_holboo_account_build_outgoing   (HolbooAccount        *self,
                                                       HolbooStoredMessage  *m);

/* holboo-account-outbox.c */
gboolean             _holboo_account_validate_body    (const char           *body,
                                                       GError              **error);
void                 _holboo_account_outbox_init      (HolbooAccount        *self);
void                 _holboo_account_outbox_stored    (HolbooAccount        *self,
                                                       HolbooStoredMessage  *message);
void                 _holboo_account_outbox_state_done (HolbooAccount       *self,
                                                       HolbooAccountOp      *op);
void                 _holboo_account_outbox_flush     (HolbooAccount        *self);
void                 _holboo_account_outbox_session_started (HolbooAccount  *self,
                                                       gboolean              resumed);
void                 _holboo_account_outbox_connect_signals (HolbooAccount  *self);

/* holboo-account-mam.c */
void                 _holboo_account_mam_init         (HolbooAccount        *self);
void                 _holboo_account_mam_dispose      (HolbooAccount        *self);
gboolean             _holboo_account_mam_handle_result (HolbooAccount       *self,
                                                       HolbooXmlNode        *stanza);
void                 _holboo_account_catch_up_start   (HolbooAccount        *self);

/* holboo-account-sync.c */
void                 _holboo_account_sync_init        (HolbooAccount        *self);
void                 _holboo_account_sync_dispose     (HolbooAccount        *self);
void                 _holboo_account_sync_done        (HolbooAccount        *self,
                                                       guint                 n_new,
                                                       const GError         *error);
/* holboo-account-mam.c: a room's archive.  @done is called once, when
 * the catch-up ends (not when the account goes away first). */
typedef void (*HolbooRoomSyncDone) (HolbooAccount *self,
                                    const char    *room,
                                    guint          n_new,
                                    const GError  *error,
                                    gpointer       user_data);
void                 _holboo_account_room_catch_up    (HolbooAccount        *self,
                                                       HolbooJid            *room,
                                                       HolbooRoomSyncDone    done,
                                                       gpointer              user_data);

/* holboo-account-rooms.c */
void                 _holboo_account_rooms_init       (HolbooAccount        *self);
void                 _holboo_account_rooms_dispose    (HolbooAccount        *self);
void                 _holboo_account_rooms_session_started (HolbooAccount   *self,
                                                       gboolean              resumed);
gboolean             _holboo_account_rooms_is_room    (HolbooAccount        *self,
                                                       const char           *bare_jid);
gboolean             _holboo_account_rooms_can_send   (HolbooAccount        *self,
                                                       const char           *room);
HolbooJid           *_holboo_account_rooms_lookup_jid (HolbooAccount        *self,
                                                       const char           *bare_jid);

/* holboo-account-room-messages.c */
gboolean             _holboo_account_rooms_handle_message (HolbooAccount    *self,
                                                       HolbooXmlNode        *stanza);
HolbooStoredMessage *_holboo_account_room_message_to_record (HolbooAccount  *self,
                                                       HolbooJid            *room,
                                                       HolbooXmlNode        *stanza,
                                                       GError              **error);
HolbooXmlNode       *_holboo_account_build_groupchat  (HolbooStoredMessage  *m);

/* holboo-account-bookmarks.c */
gboolean             _holboo_account_bookmarks_handle_message (HolbooAccount *self,
                                                       HolbooXmlNode        *stanza);
void                 _holboo_account_bookmarks_session_started (HolbooAccount *self);
void                 _holboo_account_bookmarks_publish (HolbooAccount       *self,
                                                       const char           *room,
                                                       const char           *nick,
                                                       const char           *name,
                                                       gboolean              autojoin);
void                 _holboo_account_bookmarks_retract (HolbooAccount       *self,
                                                       const char           *room);

/* holboo-account-batch.c: runs @func on the worker after everything
 * queued so far; @then gets the op (its call_result, error). */
void                 _holboo_account_call             (HolbooAccount        *self,
                                                       HolbooAccountCallFunc func,
                                                       gpointer              data,
                                                       GDestroyNotify        data_free,
                                                       GDestroyNotify        result_free,
                                                       HolbooAccountBatchThen then,
                                                       gpointer              then_data,
                                                       GDestroyNotify        then_data_free);

/* holboo-account-cards.c */
void                 _holboo_account_cards_class_init (GObjectClass        *object_class);
void                 _holboo_account_cards_init       (HolbooAccount        *self);
void                 _holboo_account_cards_dispose    (HolbooAccount        *self);
/* holboo-account-upload.c */
void                 _holboo_account_upload_class_init (GObjectClass       *klass);
void                 _holboo_account_upload_init      (HolbooAccount        *self);
void                 _holboo_account_upload_constructed (HolbooAccount      *self);
void                 _holboo_account_upload_dispose   (HolbooAccount        *self);
void                 _holboo_account_upload_finalize  (HolbooAccount        *self);
void                 _holboo_account_upload_session_started (HolbooAccount  *self,
                                                       gboolean              resumed);
void                 _holboo_account_upload_attach    (HolbooAccount        *self,
                                                       HolbooXmlNode        *stanza,
                                                       HolbooStoredMessage  *m);
void                 _holboo_account_upload_decorate  (HolbooAccount        *self,
                                                       HolbooStoredMessage  *m,
                                                       HolbooXmlNode        *stanza);

/* holboo-account-calls.c */
void                 _holboo_account_calls_class_init (GObjectClass        *object_class);
void                 _holboo_account_calls_init       (HolbooAccount        *self);
void                 _holboo_account_calls_constructed (HolbooAccount       *self);
void                 _holboo_account_calls_store_ready (HolbooAccount       *self);
void                 _holboo_account_calls_dispose    (HolbooAccount        *self);
void                 _holboo_account_calls_finalize   (HolbooAccount        *self);
gboolean             _holboo_account_calls_handle_message (HolbooAccount    *self,
                                                       HolbooXmlNode        *message,
                                                       HolbooXmppCarbon      carbon);
/* holboo-account-teamlog*.c: the team log (customers) */
void                 _holboo_account_teamlog_class_init (GObjectClass      *object_class);
void                 _holboo_account_teamlog_init     (HolbooAccount        *self);
void                 _holboo_account_teamlog_store_ready (HolbooAccount     *self);
void                 _holboo_account_teamlog_dispose  (HolbooAccount        *self);
void                 _holboo_account_teamlog_finalize (HolbooAccount        *self);
void                 _holboo_account_teamlog_session_started (HolbooAccount *self,
                                                       gboolean              resumed);
gboolean             _holboo_account_teamlog_handle_message (HolbooAccount  *self,
                                                       HolbooXmlNode        *stanza);
gboolean             _holboo_account_teamlog_room_joined (HolbooAccount     *self,
                                                       const char           *room);

/* Test hook: a PEP event as if the server had sent it. */
gboolean             _holboo_account_cards_receive_event (HolbooAccount     *self,
                                                       HolbooXmlNode        *stanza);

/* Test hooks.  Run @stanza through the account's message handling as if
 * the server had sent it (without counting it for stream management). */
gboolean             _holboo_account_receive_stanza   (HolbooAccount        *self,
                                                       HolbooXmlNode        *stanza);
/* Run @stanza (a roster or blocking push, a presence, a disco#info
 * query) through the account's contact handling as if the server had
 * sent it.  Answers go out on the connection when it is up. */
gboolean             _holboo_account_receive_contact_stanza (HolbooAccount  *self,
                                                       HolbooXmlNode        *stanza);
/* The queryids of the running MAM queries. */
GStrv                _holboo_account_dup_mam_queryids (HolbooAccount        *self);

G_END_DECLS
