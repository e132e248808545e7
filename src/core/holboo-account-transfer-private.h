/* holboo-account-transfer-private.h: what the account's upload, download
 * and transfer files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "holboo-account-private.h"
#include "holboo-account-upload.h"
#include "holboo-http-transfer.h"
#include "holboo-image.h"
#include "holboo-xmpp-upload.h"

G_BEGIN_DECLS

struct _HolbooAccountUpload {
  SoupSession             *session;
  HolbooXmppUploadService *service;       /* for the current session */
  GHashTable              *transfers;     /* (gint64 *) message id → Transfer */
  GPtrArray               *pending_tasks; /* (element-type GTask): sends before their row */
  GQueue                   auto_queue;    /* message ids (as pointers to gint64) */
  guint                    auto_running;
  guint64                  auto_download_max;
  char                    *files_dir;
  char                    *previews_dir;
};

typedef struct {
  HolbooAccount        *account;     /* not a reference; NULL once it is gone */
  gint64                message_id;
  gboolean              upload;
  gboolean              running;
  gboolean              automatic;
  HolbooStoredMessage  *message;     /* the row as last read */
  HolbooStoredAttachment *work;      /* our copy of its file, changed as we go */
  GCancellable         *cancellable;
  GPtrArray            *tasks;       /* (element-type GTask) waiting for the end */
} Transfer;

typedef enum {
  STEP_INSERT,
  STEP_GET,
  STEP_UPDATE,
  STEP_UPLOADED,
  STEP_FAILED,
  STEP_RETRY,
  STEP_LIST_UPLOADS,
} StepKind;

typedef struct _Step Step;
typedef void (*StepThen) (HolbooAccount *self, Step *step);

struct _Step {
  StepKind                kind;
  HolbooAccount          *account;      /* valid in @then */
  Transfer               *transfer;     /* (nullable) a reference */
  gint64                  message_id;
  HolbooStoredMessage    *message;      /* INSERT in */
  HolbooStoredAttachment *attachment;   /* UPDATE, FAILED in */
  char                   *url;          /* UPLOADED in */
  char                   *dirs[2];      /* made on the worker */
  GError                 *failure;      /* FAILED: what the tasks get */
  GTask                  *task;         /* (nullable): taken by @then, else ends as closed */
  StepThen                then;
  /* out */
  HolbooInsertResult      result;
  HolbooStoredMessage    *row;
  GPtrArray              *rows;
  GError                 *error;
};


Transfer *_holboo_transfer_ref            (Transfer            *t);
void      _holboo_transfer_unref          (Transfer            *t);
Transfer *_holboo_transfer_new            (HolbooAccount       *self,
                                           gint64               message_id,
                                           gboolean             upload);
Transfer *_holboo_transfer_lookup         (HolbooAccount       *self,
                                           gint64               message_id);
void      _holboo_transfer_emit_updated   (HolbooAccount       *self,
                                           HolbooStoredMessage *row);
void      _holboo_transfer_finish         (Transfer            *t,
                                           HolbooStoredMessage *row,
                                           const GError        *error);
void      _holboo_transfer_fail           (Transfer            *t,
                                           const GError        *error);
void      _holboo_transfer_progress       (guint64              done,
                                           guint64              total,
                                           gpointer             user_data);
char     *_holboo_transfer_preview_path   (HolbooAccount       *self,
                                           gint64               message_id);
void      _holboo_transfer_on_inspected   (GObject             *source,
                                           GAsyncResult        *result,
                                           gpointer             user_data);
gboolean  _holboo_transfer_check_open     (HolbooAccount       *self,
                                           GError             **error);
Step     *_holboo_transfer_step_new       (HolbooAccount       *self,
                                           StepKind             kind,
                                           Transfer            *transfer,
                                           StepThen             then);
void      _holboo_transfer_step_push      (HolbooAccount       *self,
                                           Step                *step);

/* holboo-account-upload.c */
void      _holboo_upload_after_inspect    (Transfer            *t);

/* holboo-account-download.c */
void      _holboo_download_pump           (HolbooAccount       *self);
void      _holboo_download_on_message_added (HolbooAccount     *self,
                                           gint64               conversation_id,
                                           gint64               message_id,
                                           HolbooStoredMessage *m,
                                           gpointer             user_data);

G_END_DECLS
