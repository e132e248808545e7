/* keyring-test-util.h: a real Secret Service for tests — a private
 * session bus with gnome-keyring-daemon on it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct _TestKeyring TestKeyring;

TestKeyring *test_keyring_start           (void);
const char  *test_keyring_get_bus_address (TestKeyring *keyring);
void         test_keyring_stop            (TestKeyring *keyring);

G_END_DECLS
