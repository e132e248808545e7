/* test-fuzz-corpus.c: the fuzz target over its seed corpus, in every build
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * So that the harness itself is built and run by CI, not only by the
 * -Dfuzzing=true build: each file of fuzz-corpus/ goes through
 * LLVMFuzzerTestOneInput(), which aborts on any failed check.
 */

#include "config.h"

#include <glib.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(char * const *) a, *(char * const *) b);
}

static void
test_seed (gconstpointer data)
{
  const char *path = data;
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize len = 0;

  g_assert_true (g_file_get_contents (path, &contents, &len, &error));
  g_assert_no_error (error);
  g_assert_cmpint (LLVMFuzzerTestOneInput ((const uint8_t *) contents, len), ==, 0);

  /* The same bytes under every flag value: both framings, many cuts. */
  if (len > 0)
    {
      for (guint flags = 0; flags < 256; flags += 37)
        {
          contents[0] = (char) flags;
          LLVMFuzzerTestOneInput ((const uint8_t *) contents, len);
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  const char *name;

  g_test_init (&argc, &argv, NULL);

  dir = g_dir_open (FUZZ_CORPUS_DIR, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_assert_cmpuint (names->len, >, 0);

  for (guint i = 0; i < names->len; i++)
    {
      char *base = g_ptr_array_index (names, i);
      g_autofree char *path = g_strdup_printf ("/fuzz-corpus/%s", base);

      g_test_add_data_func_full (path, g_build_filename (FUZZ_CORPUS_DIR, base, NULL),
                                 test_seed, g_free);
    }

  return g_test_run ();
}
