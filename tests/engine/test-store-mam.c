/* test-store-mam.c: MAM synced ranges — joining, gaps, and a simulated
 * archive caught up newest first and filled lazily
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-store-mam"

#include "config.h"

#include "store-message-util.h"

#include <string.h>

#define SEC G_USEC_PER_SEC

typedef struct {
  Fixture      base;
  HolbooStore *store;
} MamFixture;

static void
mam_set_up (MamFixture    *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture_set_up (&f->base, data);
  f->store = holboo_store_new (f->base.path, NULL, &error);
  g_assert_no_error (error);
}

static void
mam_tear_down (MamFixture    *f,
               gconstpointer  data)
{
  g_clear_object (&f->store);
  fixture_tear_down (&f->base, data);
}

static void
record (MamFixture *f,
        const char *with,
        const char *first_id,
        gint64      first_ts,
        const char *last_id,
        gint64      last_ts,
        gboolean    reaches_start)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (holboo_store_mam_record_range (f->store, ACCOUNT, with, first_id, first_ts,
                                                last_id, last_ts, reaches_start, &error));
  g_assert_no_error (error);
}

/* The ranges as "first-last[*]" newest first; * marks reaches_start. */
static char *
ranges (MamFixture *f,
        const char *with)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = holboo_store_mam_list_ranges (f->store, ACCOUNT, with, &error);
  GString *out = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < list->len; i++)
    {
      HolbooMamRange *r = list->pdata[i];

      g_assert_cmpstr (r->archive, ==, ACCOUNT);
      g_assert_cmpstr (r->with_jid, ==, with);
      g_string_append_printf (out, "%s%s-%s%s", i ? " " : "", r->first_id, r->last_id,
                              r->reaches_start ? "*" : "");
    }
  return g_string_free (out, FALSE);
}

/* The gap as "end<start" ("-" for none), or "complete". */
static char *
gap (MamFixture *f,
     const char *with,
     const char *before_id,
     gint64      before_ts)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HolbooMamGap) g = NULL;

  g_assert_true (holboo_store_mam_find_gap (f->store, ACCOUNT, with, before_id, before_ts, &g, &error));
  g_assert_no_error (error);
  if (g == NULL)
    return g_strdup ("complete");
  g_assert_true ((g->end_id == NULL) == (g->end_ts == 0) || g->end_id == NULL);
  g_assert_true ((g->start_id == NULL) == (g->start_ts == 0));
  return g_strdup_printf ("%s<%s", g->end_id ? g->end_id : "-", g->start_id ? g->start_id : "-");
}

#define ASSERT_RANGES(with, expect) G_STMT_START {                  \
    g_autofree char *got_ = ranges (f, with);                       \
    g_assert_cmpstr (got_, ==, expect);                             \
  } G_STMT_END
#define ASSERT_GAP(with, id, ts, expect) G_STMT_START {             \
    g_autofree char *got_ = gap (f, with, id, ts);                  \
    g_assert_cmpstr (got_, ==, expect);                             \
  } G_STMT_END

static void
test_join (MamFixture    *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  ASSERT_GAP (NULL, NULL, 0, "-<-");      /* nothing known: fetch the newest */

  record (f, NULL, "A5", 50, "A9", 90, FALSE);
  ASSERT_RANGES (NULL, "A5-A9");
  ASSERT_GAP (NULL, NULL, 0, "-<A9");     /* catch up down to A9 */
  ASSERT_GAP (NULL, "A7", 70, "A5<-");    /* inside: continue below A5 */
  ASSERT_GAP (NULL, "A9", 90, "A5<-");    /* an end, by id */
  ASSERT_GAP (NULL, NULL, 70, "A5<-");    /* by time alone */
  ASSERT_GAP (NULL, "A0", 5, "A0<-");     /* below everything */

  /* A page fetched "before A5" includes A5: it joins. */
  record (f, NULL, "A1", 10, "A5", 50, FALSE);
  ASSERT_RANGES (NULL, "A1-A9");

  /* Disjoint: a later catch-up. */
  record (f, NULL, "B1", 200, "B3", 220, FALSE);
  ASSERT_RANGES (NULL, "B1-B3 A1-A9");
  ASSERT_GAP (NULL, NULL, 0, "-<B3");
  ASSERT_GAP (NULL, "B1", 200, "B1<A9");
  ASSERT_GAP (NULL, "X", 150, "X<A9");

  /* Contained: nothing changes. */
  record (f, NULL, "A2", 20, "A3", 30, FALSE);
  ASSERT_RANGES (NULL, "B1-B3 A1-A9");

  /* Times that overlap strictly join ranges, here three into one. */
  record (f, NULL, "X1", 85, "X2", 205, FALSE);
  ASSERT_RANGES (NULL, "A1-B3");

  /* Equal times at the ends are not proof of contiguity (Prosody stamps
   * whole seconds)... */
  record (f, NULL, "C1", 300, "C2", 310, FALSE);
  record (f, NULL, "C3", 310, "C4", 320, FALSE);
  ASSERT_RANGES (NULL, "C3-C4 C1-C2 A1-B3");
  ASSERT_GAP (NULL, "C3", 310, "C3<C2");
  ASSERT_GAP (NULL, NULL, 310, "-<C2");  /* a time alone at an end is not inside */
  /* ...a shared message is. */
  record (f, NULL, "C2", 310, "C3", 310, FALSE);
  ASSERT_RANGES (NULL, "C1-C4 A1-B3");

  /* Reaching the start of the archive. */
  record (f, NULL, "S", 5, "A1", 10, TRUE);
  ASSERT_RANGES (NULL, "C1-C4 S-B3*");
  ASSERT_GAP (NULL, "A7", 70, "complete");
  ASSERT_GAP (NULL, "C1", 300, "C1<B3");
  record (f, NULL, "B3", 220, "C1", 300, FALSE);
  ASSERT_RANGES (NULL, "S-C4*");
  ASSERT_GAP (NULL, "C4", 320, "complete");
  ASSERT_GAP (NULL, NULL, 0, "-<C4");

  /* A range that ends before it starts is refused, and changes nothing. */
  g_assert_false (holboo_store_mam_record_range (f->store, ACCOUNT, NULL, "Z1", 900, "Z2", 800, FALSE,
                                                 &error));
  g_assert_error (error, HOLBOO_STORE_ERROR, HOLBOO_STORE_ERROR_INVALID);
  ASSERT_RANGES (NULL, "S-C4*");

  /* Another archive is another story. */
  {
    g_autoptr(HolbooMamGap) g = NULL;

    g_assert_true (holboo_store_mam_find_gap (f->store, ROOM, NULL, "C4", 320, &g, NULL));
    g_assert_nonnull (g);
    g_assert_cmpstr (g->end_id, ==, "C4");
    g_assert_null (g->start_id);
  }
}

/* Ranges of queries filtered on one peer hold only that conversation:
 * they count for it, together with the whole archive's, and not for
 * the whole archive. */
static void
test_filtered (MamFixture    *f,
               gconstpointer  data)
{
  record (f, NULL, "W1", 500, "W2", 600, FALSE);
  record (f, NULL, "V1", 100, "V2", 200, FALSE);
  record (f, PEER, "P3", 450, "P4", 550, FALSE);
  record (f, PEER, "P1", 300, "P2", 350, FALSE);
  ASSERT_RANGES (NULL, "W1-W2 V1-V2");
  ASSERT_RANGES (PEER, "P3-P4 P1-P2");

  /* Down through W, then P3-P4 (which overlaps W), then a gap. */
  ASSERT_GAP (PEER, "W2", 600, "P3<P2");
  ASSERT_GAP (NULL, "W2", 600, "W1<V2");
  ASSERT_GAP ("saraa@example.mn", "W2", 600, "W1<V2");
  ASSERT_GAP (PEER, "P1", 300, "P1<V2");

  /* The conversation reaches its start: complete for it only. */
  record (f, PEER, "P0", 50, "P1", 300, TRUE);
  ASSERT_GAP (PEER, "P2", 350, "complete");
  ASSERT_GAP (NULL, "V1", 100, "V1<-");
}

/* A simulated archive: messages with whole-second times (three per
 * second), paged "before X" like RSM, with complete at the start. */
typedef struct {
  char   id[16];
  gint64 ts;
} ArchiveItem;

#define ARCHIVE_MAX 1200
#define PAGE 50

typedef struct {
  ArchiveItem items[ARCHIVE_MAX];
  guint       len;
  guint       queries;
} Archive;

static void
archive_grow (Archive *a,
              guint    n)
{
  for (guint i = 0; i < n; i++, a->len++)
    {
      g_snprintf (a->items[a->len].id, sizeof a->items[0].id, "M%04u", a->len);
      a->items[a->len].ts = G_GINT64_CONSTANT (1700000000) * SEC + (a->len / 3) * SEC;
    }
}

/* Items [*first, *first + *n) are the page before @before_id (NULL: the
 * newest); returns whether it reaches the start. */
static gboolean
archive_page_before (Archive    *a,
                     const char *before_id,
                     guint      *first,
                     guint      *n)
{
  guint end = a->len;

  a->queries++;
  if (before_id != NULL)
    for (end = 0; end < a->len && strcmp (a->items[end].id, before_id) != 0; end++)
      ;
  *first = end > PAGE ? end - PAGE : 0;
  *n = end - *first;
  return *first == 0;
}

static void
store_items (MamFixture *f,
             Archive    *a,
             guint       first,
             guint       n)
{
  g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func ((GDestroyNotify) holboo_stored_message_unref);
  g_autoptr(GError) error = NULL;

  for (guint i = first; i < first + n; i++)
    {
      HolbooStoredMessage *m = make_message (HOLBOO_MESSAGE_INCOMING, PEER, a->items[i].id, a->items[i].ts);

      set_ids (m, a->items[i].id, NULL);
      m->server_ts = a->items[i].ts;
      g_ptr_array_add (batch, m);
    }
  g_assert_true (holboo_store_insert_messages (f->store, (HolbooStoredMessage **) batch->pdata, batch->len,
                                               NULL, &error));
  g_assert_no_error (error);
}

/* What the engine does with a gap: page backwards from its end until
 * the stored history below (its start) or the archive's start, at most
 * @max_pages pages; record each page as it is stored.  Returns FALSE
 * when the archive had nothing more. */
static gboolean
fill_gap (MamFixture *f,
          Archive    *a,
          guint       max_pages)
{
  g_autoptr(HolbooMamGap) g = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *end_id = NULL;
  gint64 end_ts = 0;

  g_assert_true (holboo_store_mam_find_gap (f->store, ACCOUNT, NULL, NULL, 0, &g, &error));
  /* Newest first: the newest gap, then older ones from the oldest
   * message stored. */
  if (g != NULL && g->start_id != NULL && strcmp (g->start_id, a->items[a->len - 1].id) == 0)
    {
      g_autoptr(GPtrArray) oldest = NULL;
      HolbooStoredMessage *m;
      g_autoptr(HolbooStoredConversation) conv = holboo_store_get_conversation (f->store, PEER, NULL);

      oldest = holboo_store_get_messages_after (f->store, conv->id, NULL, 1, &error);
      m = oldest->pdata[0];
      g_clear_pointer (&g, holboo_mam_gap_free);
      g_assert_true (holboo_store_mam_find_gap (f->store, ACCOUNT, PEER, m->stanza_id, m->server_ts, &g,
                                                &error));
      if (g == NULL)
        return FALSE;
    }

  end_id = g_strdup (g->end_id);
  end_ts = g->end_ts;
  for (guint p = 0; p < max_pages; p++)
    {
      guint first, n, stop = G_MAXUINT;
      gboolean complete = archive_page_before (a, end_id, &first, &n);
      const char *range_first_id, *range_last_id;
      gint64 range_first_ts, range_last_ts;

      if (n == 0)
        return FALSE;
      for (guint i = first; i < first + n; i++)
        if (g->start_id != NULL && strcmp (a->items[i].id, g->start_id) == 0)
          stop = i;
      store_items (f, a, first, n);

      /* From the gap's start if reached, to the anchor paged from (so
       * the page joins the range above it). */
      range_first_id = stop != G_MAXUINT ? a->items[stop].id : a->items[first].id;
      range_first_ts = stop != G_MAXUINT ? a->items[stop].ts : a->items[first].ts;
      range_last_id = end_id != NULL ? end_id : a->items[first + n - 1].id;
      range_last_ts = end_id != NULL ? end_ts : a->items[first + n - 1].ts;
      record (f, NULL, range_first_id, range_first_ts, range_last_id, range_last_ts,
              complete && stop == G_MAXUINT);

      if (stop != G_MAXUINT || complete)
        break;
      g_free (end_id);
      end_id = g_strdup (a->items[first].id);
      end_ts = a->items[first].ts;
    }
  return TRUE;
}

static void
test_simulated_archive (MamFixture    *f,
                        gconstpointer  data)
{
  Archive *a = g_new0 (Archive, 1);
  g_autoptr(HolbooStoredConversation) conv = NULL;
  guint count = 0;

  /* First connect: catch up three pages of the newest, not the whole
   * archive. */
  archive_grow (a, 1000);
  fill_gap (f, a, 3);
  g_assert_cmpuint (a->queries, ==, 3);
  ASSERT_RANGES (NULL, "M0850-M0999");

  /* Offline for a while; then catch up the new messages only. */
  archive_grow (a, 120);
  a->queries = 0;
  fill_gap (f, a, 10);
  g_assert_cmpuint (a->queries, ==, 3);  /* 120 new + the overlap with M0999 */
  ASSERT_RANGES (NULL, "M0850-M1119");

  /* Scrolling back fills the older history, page by page, until the
   * archive says complete. */
  a->queries = 0;
  while (fill_gap (f, a, 1))
    ;
  ASSERT_RANGES (NULL, "M0000-M1119*");
  g_assert_cmpuint (a->queries, ==, 850 / PAGE);
  ASSERT_GAP (PEER, "M0500", a->items[500].ts, "complete");

  /* Every archived message is stored exactly once. */
  conv = holboo_store_get_conversation (f->store, PEER, NULL);
  g_assert_true (holboo_store_count_messages (f->store, conv->id, &count, NULL));
  g_assert_cmpuint (count, ==, a->len);
  g_assert_cmpint (count_rows (f->store, "SELECT count(DISTINCT stanza_id) FROM messages"), ==, a->len);
  g_free (a);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/store/mam/" name, MamFixture, NULL, mam_set_up, func, mam_tear_down)
  ADD ("join", test_join);
  ADD ("filtered", test_filtered);
  ADD ("simulated-archive", test_simulated_archive);
#undef ADD

  return g_test_run ();
}
