/* holboo-store-types.h: forward declarations and enums of the store layer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _HolbooStore HolbooStore;

#define HOLBOO_STORE_ERROR (holboo_store_error_quark ())

/**
 * HolbooStoreError:
 * @HOLBOO_STORE_ERROR_FAILED: any other SQLite failure
 * @HOLBOO_STORE_ERROR_CANNOT_OPEN: the file cannot be created or opened
 *   (missing directory, not a regular file, no permission, ...)
 * @HOLBOO_STORE_ERROR_CORRUPT: the file is not an SQLite database, is
 *   damaged, or is some other program's database
 * @HOLBOO_STORE_ERROR_TOO_NEW: the schema is newer than this Holboo knows;
 *   the file was not modified
 * @HOLBOO_STORE_ERROR_MIGRATION_FAILED: upgrading the schema failed; the
 *   upgrade was rolled back and the file is as it was
 * @HOLBOO_STORE_ERROR_INVALID: a row broke a rule of the schema (a missing
 *   or out-of-range value); the transaction it was part of was rolled back
 */
typedef enum {
  HOLBOO_STORE_ERROR_FAILED,
  HOLBOO_STORE_ERROR_CANNOT_OPEN,
  HOLBOO_STORE_ERROR_CORRUPT,
  HOLBOO_STORE_ERROR_TOO_NEW,
  HOLBOO_STORE_ERROR_MIGRATION_FAILED,
  HOLBOO_STORE_ERROR_INVALID,
} HolbooStoreError;

GQuark holboo_store_error_quark (void);

/* The values below are stored in the database: never renumber them. */

/**
 * HolbooConversationKind:
 * @HOLBOO_CONVERSATION_CHAT: one to one, with a contact's bare JID
 * @HOLBOO_CONVERSATION_GROUP: a group chat (MUC room)
 */
typedef enum {
  HOLBOO_CONVERSATION_CHAT  = 0,
  HOLBOO_CONVERSATION_GROUP = 1,
} HolbooConversationKind;

/**
 * HolbooMessageDirection:
 * @HOLBOO_MESSAGE_INCOMING: written by someone else
 * @HOLBOO_MESSAGE_OUTGOING: written by this account, on this device or
 *   another (a carbon or an archived copy)
 */
typedef enum {
  HOLBOO_MESSAGE_INCOMING = 0,
  HOLBOO_MESSAGE_OUTGOING = 1,
} HolbooMessageDirection;

/**
 * HolbooMessageState:
 * @HOLBOO_MESSAGE_STATE_RECEIVED: every incoming message
 * @HOLBOO_MESSAGE_STATE_PENDING: outgoing, in the outbox, not written to a
 *   stream yet (or written to one that was lost)
 * @HOLBOO_MESSAGE_STATE_SENT: outgoing, written to the current stream and
 *   still in the outbox until the server confirms it
 * @HOLBOO_MESSAGE_STATE_FAILED: the server refused it, or sending was
 *   given up; out of the outbox until holboo_store_outbox_retry()
 * @HOLBOO_MESSAGE_STATE_ACKED: the server has it (stream management ack,
 *   or its copy came back by carbon or MAM)
 * @HOLBOO_MESSAGE_STATE_DELIVERED: the recipient's client confirmed it
 *   (XEP-0184)
 * @HOLBOO_MESSAGE_STATE_READ: the recipient displayed it (XEP-0333)
 *
 * Outgoing states only move forward, in this order (FAILED sits before
 * ACKED: proof that the server has a message overrides a failure).
 */
typedef enum {
  HOLBOO_MESSAGE_STATE_RECEIVED  = 0,
  HOLBOO_MESSAGE_STATE_PENDING   = 1,
  HOLBOO_MESSAGE_STATE_SENT      = 2,
  HOLBOO_MESSAGE_STATE_FAILED    = 3,
  HOLBOO_MESSAGE_STATE_ACKED     = 4,
  HOLBOO_MESSAGE_STATE_DELIVERED = 5,
  HOLBOO_MESSAGE_STATE_READ      = 6,
} HolbooMessageState;

/**
 * HolbooAttachmentState:
 * @HOLBOO_ATTACHMENT_STATE_UPLOADING: ours, not uploaded yet (the upload
 *   runs, or starts again when the account is back); its message waits
 * @HOLBOO_ATTACHMENT_STATE_UPLOAD_FAILED: ours, the upload failed; its
 *   message is FAILED until the user retries
 * @HOLBOO_ATTACHMENT_STATE_UPLOADED: ours, at its URL; the file is local
 * @HOLBOO_ATTACHMENT_STATE_REMOTE: offered to us by URL, not downloaded
 * @HOLBOO_ATTACHMENT_STATE_DOWNLOADED: offered to us and downloaded
 * @HOLBOO_ATTACHMENT_STATE_DOWNLOAD_FAILED: offered to us; the last
 *   download failed (it can be tried again)
 */
typedef enum {
  HOLBOO_ATTACHMENT_STATE_UPLOADING       = 0,
  HOLBOO_ATTACHMENT_STATE_UPLOAD_FAILED   = 1,
  HOLBOO_ATTACHMENT_STATE_UPLOADED        = 2,
  HOLBOO_ATTACHMENT_STATE_REMOTE          = 3,
  HOLBOO_ATTACHMENT_STATE_DOWNLOADED      = 4,
  HOLBOO_ATTACHMENT_STATE_DOWNLOAD_FAILED = 5,
} HolbooAttachmentState;

/**
 * HolbooInsertOutcome:
 * @HOLBOO_INSERT_NEW: the message was stored as a new row
 * @HOLBOO_INSERT_DUPLICATE: a copy was already stored; nothing changed
 * @HOLBOO_INSERT_UPDATED: a copy was already stored and learnt something
 *   from this one (its archive id, or a later state): the row changed
 */
typedef enum {
  HOLBOO_INSERT_NEW,
  HOLBOO_INSERT_DUPLICATE,
  HOLBOO_INSERT_UPDATED,
} HolbooInsertOutcome;

G_END_DECLS
