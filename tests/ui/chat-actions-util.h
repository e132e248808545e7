/* chat-actions-util.h: what the message-actions and files UI tests
 * share: Ann's page, Bat's account, rows by message id, stores, keys,
 * screenshots
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "chats-test-util.h"
#include "core-live-util.h"
#include "holboo-conversation-view.h"

G_BEGIN_DECLS

/* Ann uses the page; Bat is a second account in the process. */
extern LiveAccount     *ann, *bat;
extern GtkWindow       *window;
extern HolbooChatsPage *page;
extern GtkWidget       *view;      /* the conversation view, once open */
extern char            *tmp_dir;

typedef gboolean (*StoredCheck) (HolbooStoredMessage *m, gconstpointer data);

typedef struct {
  gint64      id;
  const char *name;
  const char *text;
} RowWait;

typedef struct {
  HolbooMessageDirection direction;
  HolbooAttachmentState  state;
  const char            *name_prefix;
} FileWait;

void                 actions_start     (int                 *argc,
                                        char              ***argv);
void                 actions_open_bat  (void);
void                 actions_stop      (void);

/* @live's newest stored message with @peer whose body is @body. */
HolbooStoredMessage *stored            (LiveAccount         *live,
                                        LiveAccount         *peer,
                                        const char          *body);
/* Waits (30 s at most) for a stored message that passes @check. */
HolbooStoredMessage *wait_stored       (LiveAccount         *live,
                                        LiveAccount         *peer,
                                        StoredCheck          check,
                                        gconstpointer        data);
gboolean             body_is           (HolbooStoredMessage *m,
                                        gconstpointer        data);
gboolean             file_in_state     (HolbooStoredMessage *m,
                                        gconstpointer        data);

/* Ann's rows, by the message's row id. */
HolbooMessageRow    *row_by_id         (gint64               id);
GtkWidget           *row_child         (gint64               id,
                                        const char          *name);
gboolean             row_child_visible (gint64               id,
                                        const char          *name);
const char          *row_text          (gint64               id,
                                        const char          *name);
gboolean             row_shows         (gpointer             data);
void                 assert_row_shows  (gint64               id,
                                        const char          *name,
                                        const char          *text);
gboolean             preview_shown     (gpointer             data);

gboolean             is_mapped         (gpointer             data);
gboolean             unparented        (gpointer             data);
gboolean             open_list_loaded  (gpointer             data);
gboolean             text_read         (gpointer             data);
void                 on_text_read      (GObject             *source,
                                        GAsyncResult        *result,
                                        gpointer             user_data);

void                 set_dark          (gboolean             dark);
/* test-ui-chats-actions-@name.png and …-dark.png */
void                 screenshots       (GtkWidget           *widget,
                                        const char          *name);
/* An X key event (xdotool) into the focused window. */
void                 key               (const char          *keysym);
GtkTextView         *composer          (void);
char                *composer_text     (void);
void                 type_and_send     (const char          *text);
void                 activate_on       (gint64               id,
                                        const char          *action);
GtkWidget           *find_toplevel     (const char          *name);
GtkDropTarget       *drop_target       (GtkWidget           *widget);
char                *checksum_of       (const char          *path);
/* 640×400 stripes. */
GdkTexture          *make_texture      (void);

G_END_DECLS
