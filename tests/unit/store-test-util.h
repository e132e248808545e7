/* store-test-util.h: helpers shared by the store tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "holboo-store-private.h"

G_BEGIN_DECLS

typedef struct {
  char *tmp;
  char *path;   /* tmp/test.db, not created */
} Fixture;

void           fixture_set_up       (Fixture       *f,
                                     gconstpointer  data);
void           fixture_tear_down    (Fixture       *f,
                                     gconstpointer  data);

/* A second, independent connection to @path. */
sqlite3       *raw_open             (const char    *path);
void           raw_exec             (sqlite3       *db,
                                     const char    *sql);
sqlite3_int64  raw_int              (sqlite3       *db,
                                     const char    *sql);
char          *raw_text             (sqlite3       *db,
                                     const char    *sql);

/* user_version, application_id and sqlite_master as one string. */
char          *describe_schema      (const char    *path);

GBytes        *read_bytes           (const char    *path);
void           assert_unchanged     (const char    *path,
                                     GBytes        *before);
void           assert_no_side_files (const char    *path);
/* Copies tests/unit/store-fixtures/@name to @dest, mode 0644. */
void           copy_fixture         (const char    *name,
                                     const char    *dest);

G_END_DECLS
