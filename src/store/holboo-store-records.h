/* holboo-store-records.h: rows of the message store, as plain structs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "holboo-store-types.h"

G_BEGIN_DECLS

/**
 * HolbooStoredAttachment:
 * @message_id: the row id of its message; 0 before it is stored
 * @state: where the file is
 * @url: (nullable): where it can be fetched (https); %NULL until ours is
 *   uploaded
 * @local_path: (nullable): the file on this computer: ours as the user
 *   picked it, theirs once downloaded
 * @name: the file's name, for showing and saving
 * @size: its size in bytes, or -1 when not known
 * @mime: (nullable): its MIME type as far as it is known
 * @thumbnail_path: (nullable): a small PNG preview, for images
 * @width: an image's width in pixels, or 0
 * @height: an image's height in pixels, or 0
 * @description: (nullable): the caption sent with it
 * @error: (nullable): why the last upload or download failed, for the user
 *
 * A file sent with a message (one per message).  Reference counted; all
 * strings are owned.
 */
typedef struct {
  gint64                  message_id;
  HolbooAttachmentState   state;
  char                   *url;
  char                   *local_path;
  char                   *name;
  gint64                  size;
  char                   *mime;
  char                   *thumbnail_path;
  int                     width;
  int                     height;
  char                   *description;
  char                   *error;
} HolbooStoredAttachment;

/**
 * HolbooStoredMessage:
 * @id: the row id; 0 before it is stored
 * @conversation_id: the conversation's row id; 0 before it is stored
 * @peer: the conversation: the contact's bare JID, or the room's
 * @kind: the conversation's kind; used when a new conversation is created
 * @direction: incoming or outgoing
 * @state: %HOLBOO_MESSAGE_STATE_RECEIVED for incoming messages, else the
 *   delivery state
 * @from_jid: the sender, normalised (full JID as received; for outgoing
 *   messages this account's JID)
 * @to_jid: the addressee, normalised
 * @body: the text
 * @timestamp: when it was written, µs since the epoch (the delay stamp if
 *   any, else the time it arrived or was typed); orders a conversation
 * @server_ts: the archive's time for it, µs since the epoch, or 0 when not
 *   known (MAM ranges compare these)
 * @message_id: (nullable): the stanza's id attribute
 * @origin_id: (nullable): its XEP-0359 origin-id
 * @stanza_id: (nullable): the id the archive gave it (XEP-0359 stanza-id,
 *   or the MAM result id); only one by the conversation's archive
 * @stanza_id_by: (nullable): the archive that gave @stanza_id (this
 *   account's bare JID for chats, the room's for groups); set exactly
 *   when @stanza_id is
 * @receipt_requested: the sender asked for a delivery receipt (incoming),
 *   or we asked for one (outgoing)
 * @markable: the sender asked for chat markers (XEP-0333)
 * @edited_at: when the body shown was corrected (XEP-0308), µs; 0 when
 *   never: the UI says "edited" when it is not 0
 * @retracted: deleted for everyone (XEP-0424): @body is empty, and the
 *   UI shows a tombstone
 * @read: (read-only) an incoming message the user has seen (it is at or
 *   before its conversation's read mark, which markers from this
 *   account's other devices move too); outgoing messages say how far
 *   they got in @state (%HOLBOO_MESSAGE_STATE_DELIVERED,
 *   %HOLBOO_MESSAGE_STATE_READ)
 * @reply_to_id: (nullable): the id of the message this one answers
 *   (XEP-0461)
 * @reply_to_jid: (nullable): its author, as the reply named it
 * @reply_to_row: the row of that message once stored, else 0
 * @reply_preview: (nullable): the text to quote above the reply: the
 *   start of the stored message answered, or the quote the sender sent
 *   while that is not stored; %NULL when it was retracted.  When
 *   inserting: the quote the sender sent (XEP-0428 fallback, unquoted)
 * @reactions: (nullable) (element-type HolbooReaction): (read-only) the
 *   reactions to this message, one entry per emoji in the order they
 *   first came; %NULL when there are none
 * @attachment: (nullable): its file; stored with a new message, and
 *   filled in by every read of the store
 *
 * One message.  Reference counted; all strings are owned.  The store
 * dedups on @stanza_id (per conversation and archive), on @origin_id (per
 * conversation, direction and sender), and for senders without
 * origin-ids on @message_id with @body.
 */
typedef struct {
  gint64                  id;
  gint64                  conversation_id;
  char                   *peer;
  HolbooConversationKind  kind;
  HolbooMessageDirection  direction;
  HolbooMessageState      state;
  char                   *from_jid;
  char                   *to_jid;
  char                   *body;
  gint64                  timestamp;
  gint64                  server_ts;
  char                   *message_id;
  char                   *origin_id;
  char                   *stanza_id;
  char                   *stanza_id_by;
  gboolean                receipt_requested;
  gboolean                markable;
  gint64                  edited_at;
  gboolean                retracted;
  gboolean                read;
  char                   *reply_to_id;
  char                   *reply_to_jid;
  gint64                  reply_to_row;
  char                   *reply_preview;
  GPtrArray              *reactions;
  HolbooStoredAttachment *attachment;
} HolbooStoredMessage;

/**
 * HolbooReaction:
 * @emoji: the reaction
 * @count: how many people reacted with it
 * @own: this account is one of them
 *
 * One line of a message's reactions summary.
 */
typedef struct {
  char     *emoji;
  guint     count;
  gboolean  own;
} HolbooReaction;

/**
 * HolbooMessageActionKind:
 * @HOLBOO_MESSAGE_ACTION_CORRECT: replace the body (XEP-0308)
 * @HOLBOO_MESSAGE_ACTION_RETRACT: delete for everyone (XEP-0424)
 * @HOLBOO_MESSAGE_ACTION_REACT: set the actor's reactions (XEP-0444)
 * @HOLBOO_MESSAGE_ACTION_DISPLAYED: the actor saw the message and all
 *   before it (XEP-0333 displayed)
 *
 * Stored in pending actions: never renumber.
 */
typedef enum {
  HOLBOO_MESSAGE_ACTION_CORRECT   = 0,
  HOLBOO_MESSAGE_ACTION_RETRACT   = 1,
  HOLBOO_MESSAGE_ACTION_REACT     = 2,
  HOLBOO_MESSAGE_ACTION_DISPLAYED = 3,
} HolbooMessageActionKind;

/**
 * HolbooMessageAction:
 * @kind: what it does
 * @peer: the conversation (bare JID of the contact or room)
 * @conversation_kind: chat or group
 * @direction: %HOLBOO_MESSAGE_OUTGOING when this account acted (on any
 *   of its devices), %HOLBOO_MESSAGE_INCOMING when the peer did
 * @from_jid: (nullable): the actor as received (in a group the occupant)
 * @target_id: the id the action names (id attribute, origin-id or
 *   archive id of the message acted on)
 * @body: (nullable): %HOLBOO_MESSAGE_ACTION_CORRECT: the new text
 * @reactions: (nullable): %HOLBOO_MESSAGE_ACTION_REACT: the actor's whole
 *   set (empty: taken back)
 * @timestamp: when the action was made, µs: of two actions on one
 *   message the later wins, whatever order they arrive in
 *
 * Something done to an earlier message.
 */
typedef struct {
  HolbooMessageActionKind  kind;
  char                    *peer;
  HolbooConversationKind   conversation_kind;
  HolbooMessageDirection   direction;
  char                    *from_jid;
  char                    *target_id;
  char                    *body;
  GStrv                    reactions;
  gint64                   timestamp;
} HolbooMessageAction;

/**
 * HolbooActionOutcome:
 * @HOLBOO_ACTION_APPLIED: the message changed
 * @HOLBOO_ACTION_PENDING: the message is not stored yet; the action is
 *   kept and applied when it comes
 * @HOLBOO_ACTION_IGNORED: nothing to do: a later action already won, the
 *   message is retracted, or the action changes nothing
 * @HOLBOO_ACTION_REFUSED: the actor may not do this to that message
 *   (someone else's message): dropped
 */
typedef enum {
  HOLBOO_ACTION_APPLIED,
  HOLBOO_ACTION_PENDING,
  HOLBOO_ACTION_IGNORED,
  HOLBOO_ACTION_REFUSED,
} HolbooActionOutcome;

/**
 * HolbooActionResult:
 * @outcome: what happened
 * @message_id: the row acted on (0 unless applied or ignored)
 * @conversation_id: the conversation
 * @read_moved: a displayed marker of this account moved the
 *   conversation's read mark (its unread count changed)
 */
typedef struct {
  HolbooActionOutcome outcome;
  gint64              message_id;
  gint64              conversation_id;
  gboolean            read_moved;
} HolbooActionResult;

/**
 * HolbooStoredConversation:
 * @id: the row id
 * @peer: the contact's or the room's bare JID
 * @kind: chat or group
 * @last_activity: time of the newest message, µs since the epoch (0: none)
 * @last_message_id: row id of the newest message, or 0
 * @unread: incoming messages newer than @read_until
 * @read_until: the newest time the user has seen (or answered at), on
 *   this device or, by its displayed markers, on another
 * @displayed_until: the newest time of our messages the peer has seen
 *   (its XEP-0333 displayed markers)
 * @muted: the user muted it: its messages do not notify
 * @pinned_at: when the user pinned it on top of the list (µs), 0 when
 *   it is not pinned
 *
 * One conversation.  Reference counted.
 */
typedef struct {
  gint64                  id;
  char                   *peer;
  HolbooConversationKind  kind;
  gint64                  last_activity;
  gint64                  last_message_id;
  guint                   unread;
  gint64                  read_until;
  gint64                  displayed_until;
  gboolean                muted;
  gint64                  pinned_at;
} HolbooStoredConversation;

/**
 * HolbooMessageCursor:
 * @timestamp: a message's timestamp
 * @id: its row id
 *
 * A position in a conversation, for keyset paging: messages are ordered
 * by (timestamp, id).
 */
typedef struct {
  gint64 timestamp;
  gint64 id;
} HolbooMessageCursor;

/**
 * HolbooInsertResult:
 * @outcome: whether the message was new, a duplicate, or updated a copy
 * @id: the row id of the message or of the copy it was merged into
 * @conversation_id: its conversation
 * @actions_applied: actions that waited for this message (a correction,
 *   reactions, … that came first) were applied to it: read it back
 */
typedef struct {
  HolbooInsertOutcome outcome;
  gint64              id;
  gint64              conversation_id;
  gboolean            actions_applied;
} HolbooInsertResult;

/**
 * HolbooSearchHit:
 * @message_id: the message's row id
 * @conversation_id: its conversation
 * @timestamp: its timestamp
 * @snippet: a short excerpt of the body around the matches.  Matched
 *   terms are enclosed in U+0002 and U+0003 (which XML cannot carry, so
 *   no body contains them); the text is not escaped for markup.
 */
typedef struct {
  gint64  message_id;
  gint64  conversation_id;
  gint64  timestamp;
  char   *snippet;
} HolbooSearchHit;

#define HOLBOO_SEARCH_MATCH_START "\x02"
#define HOLBOO_SEARCH_MATCH_END   "\x03"

/**
 * HolbooMamRange:
 * @archive: the archive's JID
 * @with_jid: (nullable): the peer a filtered query asked for, or %NULL
 *   for the whole archive
 * @first_id: archive id of the oldest message of the range
 * @first_ts: its archive time, µs
 * @last_id: archive id of the newest message of the range
 * @last_ts: its archive time, µs
 * @reaches_start: nothing in the archive is older than @first_id
 *
 * A stretch of an archive known to be stored completely.
 */
typedef struct {
  char     *archive;
  char     *with_jid;
  char     *first_id;
  gint64    first_ts;
  char     *last_id;
  gint64    last_ts;
  gboolean  reaches_start;
} HolbooMamRange;

/**
 * HolbooMamGap:
 * @end_id: (nullable): page backwards from before this archive id (RSM
 *   `<before>`); %NULL: from the newest end of the archive (an empty
 *   `<before/>`), or — when @end_ts is not 0 — from before that time
 *   (the MAM `end` filter)
 * @end_ts: the archive time of @end_id, or 0 for the newest end
 * @start_id: (nullable): the newest archive id already stored below the
 *   gap: stop paging when it appears (or when results are older than
 *   @start_ts).  %NULL: nothing older is known; page until the archive
 *   says complete or until enough is fetched
 * @start_ts: the archive time of @start_id, or 0
 *
 * Unsynced history in an archive, to fill newest first.
 */
typedef struct {
  char   *end_id;
  gint64  end_ts;
  char   *start_id;
  gint64  start_ts;
} HolbooMamGap;

#define HOLBOO_TYPE_STORED_ATTACHMENT   (holboo_stored_attachment_get_type ())
#define HOLBOO_TYPE_STORED_MESSAGE      (holboo_stored_message_get_type ())
#define HOLBOO_TYPE_STORED_CONVERSATION (holboo_stored_conversation_get_type ())
#define HOLBOO_TYPE_SEARCH_HIT          (holboo_search_hit_get_type ())
#define HOLBOO_TYPE_MAM_RANGE           (holboo_mam_range_get_type ())
#define HOLBOO_TYPE_MAM_GAP             (holboo_mam_gap_get_type ())
#define HOLBOO_TYPE_MESSAGE_ACTION      (holboo_message_action_get_type ())

GType                     holboo_stored_attachment_get_type   (void) G_GNUC_CONST;
HolbooStoredAttachment   *holboo_stored_attachment_new        (void);
HolbooStoredAttachment   *holboo_stored_attachment_copy       (const HolbooStoredAttachment *self);
HolbooStoredAttachment   *holboo_stored_attachment_ref        (HolbooStoredAttachment   *self);
void                      holboo_stored_attachment_unref      (HolbooStoredAttachment   *self);

GType                     holboo_stored_message_get_type      (void) G_GNUC_CONST;
HolbooStoredMessage      *holboo_stored_message_new           (void);
HolbooStoredMessage      *holboo_stored_message_ref           (HolbooStoredMessage      *self);
void                      holboo_stored_message_unref         (HolbooStoredMessage      *self);

GType                     holboo_stored_conversation_get_type (void) G_GNUC_CONST;
HolbooStoredConversation *holboo_stored_conversation_new      (void);
HolbooStoredConversation *holboo_stored_conversation_ref      (HolbooStoredConversation *self);
void                      holboo_stored_conversation_unref    (HolbooStoredConversation *self);

GType                     holboo_search_hit_get_type          (void) G_GNUC_CONST;
HolbooSearchHit          *holboo_search_hit_copy              (const HolbooSearchHit    *self);
void                      holboo_search_hit_free              (HolbooSearchHit          *self);

GType                     holboo_mam_range_get_type           (void) G_GNUC_CONST;
HolbooMamRange           *holboo_mam_range_copy               (const HolbooMamRange     *self);
void                      holboo_mam_range_free               (HolbooMamRange           *self);

GType                     holboo_mam_gap_get_type             (void) G_GNUC_CONST;
HolbooMamGap             *holboo_mam_gap_copy                 (const HolbooMamGap       *self);
void                      holboo_mam_gap_free                 (HolbooMamGap             *self);

GType                     holboo_message_action_get_type      (void) G_GNUC_CONST;
HolbooMessageAction      *holboo_message_action_new           (HolbooMessageActionKind   kind);
HolbooMessageAction      *holboo_message_action_copy          (const HolbooMessageAction *self);
void                      holboo_message_action_free          (HolbooMessageAction      *self);

void                      holboo_reaction_free                (HolbooReaction           *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HolbooStoredAttachment, holboo_stored_attachment_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HolbooStoredMessage, holboo_stored_message_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HolbooMessageAction, holboo_message_action_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HolbooStoredConversation, holboo_stored_conversation_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HolbooSearchHit, holboo_search_hit_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HolbooMamRange, holboo_mam_range_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HolbooMamGap, holboo_mam_gap_free)

G_END_DECLS
