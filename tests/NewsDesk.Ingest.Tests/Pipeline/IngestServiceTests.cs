using Microsoft.EntityFrameworkCore;
using NewsDesk.Core.Articles;
using NewsDesk.Core.Sources;
using NewsDesk.Ingest.Pipeline;
using NewsDesk.Ingest.Tests.Dedup;
using NewsDesk.TestSupport;

namespace NewsDesk.Ingest.Tests.Pipeline;

public sealed class IngestServiceTests
{
    [Fact]
    public async Task Feed_items_land_in_incoming_tagged_under_the_feeds_own_title()
    {
        await using var harness = await IngestHarness.CreateAsync();
        var feed = harness.Files.Write("wire.xml", Fixtures.Numbered("Wire Service", 3));

        var summary = await harness.IngestAsync(feed);

        Assert.Equal((3, 0, 0), (summary.Added, summary.Updated, summary.Duplicates));
        Assert.Empty(summary.Rejected);
        var articles = await harness.ArticlesAsync();
        Assert.All(articles, a =>
        {
            Assert.Equal(ArticleStatus.Incoming, a.Status);
            Assert.Null(a.PublishedAt);
            Assert.Equal(new DateTime(2024, 1, 2, 10, 0, 0, DateTimeKind.Utc), a.SourcePublishedAt);
            Assert.Equal("Wire Service", a.Source!.Name);
            Assert.Equal("Wire Service", a.SourceName);
            Assert.Single(a.Terms);
            var revision = Assert.Single(a.Revisions);
            Assert.Equal(("ingest", a.Headline, a.Body, "Wire Service", a.OriginalUrl), (revision.Reason, revision.Headline, revision.Body, revision.SourceName, revision.OriginalUrl));
        });
    }

    [Fact]
    public async Task The_same_feed_twice_adds_nothing_the_second_time()
    {
        await using var harness = await IngestHarness.CreateAsync();
        var feed = harness.Files.Write("wire.xml", Fixtures.Numbered("Wire", 250));

        await harness.IngestAsync(feed);
        var again = await harness.IngestAsync(feed);

        Assert.Equal((0, 0, 250), (again.Added, again.Updated, again.Duplicates));
        Assert.Equal(250, (await harness.ArticlesAsync()).Count);
    }

    [Fact]
    public async Task A_changed_item_updates_its_article_and_keeps_a_revision()
    {
        await using var harness = await IngestHarness.CreateAsync();
        var path = harness.Files.Write("wire.xml", Fixtures.Rss("Wire", ("g1", "https://wire.example/1", "Bombers fly near Okinawa", "First version.")));
        await harness.IngestAsync(path);

        harness.Files.Write("wire.xml", Fixtures.Rss("Wire", ("g1", "https://wire.example/1", "Bombers fly near Okinawa, Japan scrambles jets", "Second version.")));
        var summary = await harness.IngestAsync(path);

        Assert.Equal((0, 1, 0), (summary.Added, summary.Updated, summary.Duplicates));
        var article = Assert.Single(await harness.ArticlesAsync());
        Assert.Equal("Bombers fly near Okinawa, Japan scrambles jets", article.Headline);
        Assert.Equal("Second version.", article.Body);
        Assert.Equal("bombers-fly-near-okinawa", article.Slug);
        Assert.Equal([(1, "ingest", "First version."), (2, "ingest update", "Second version.")], article.Revisions.OrderBy(r => r.Number).Select(r => (r.Number, r.Reason, r.Body)));
    }

    [Fact]
    public async Task Without_guids_the_canonical_url_recognises_an_item_despite_tracking_parameters()
    {
        await using var harness = await IngestHarness.CreateAsync();
        var first = harness.Files.Write("a.xml", """<rss version="2.0"><channel><title>Wire</title><item><link>https://www.wire.example/story/7?utm_source=rss</link><title>Story</title><description>Text.</description></item></channel></rss>""");
        var second = harness.Files.Write("b.xml", """<rss version="2.0"><channel><title>Wire</title><item><link>http://wire.example/story/7#top</link><title>Story</title><description>Text.</description></item></channel></rss>""");

        await harness.IngestAsync(first);
        var summary = await harness.IngestAsync(second);

        Assert.Equal(1, summary.Duplicates);
        Assert.Single(await harness.ArticlesAsync());
    }

    [Fact]
    public async Task The_same_text_from_another_source_is_a_duplicate_by_content()
    {
        await using var harness = await IngestHarness.CreateAsync();
        await harness.IngestAsync(harness.Files.Write("a.xml", Fixtures.Rss("Outlet A", ("a1", "https://a.example/1", "Same story", "Same text."))));

        var summary = await harness.IngestAsync(harness.Files.Write("b.xml", Fixtures.Rss("Outlet B", ("b1", "https://b.example/x", "Same  story", "Same   text."))));

        Assert.Equal((0, 0, 1), (summary.Added, summary.Updated, summary.Duplicates));
    }

    [Fact]
    public async Task Near_duplicates_from_different_sources_are_clustered_not_dropped()
    {
        await using var harness = await IngestHarness.CreateAsync();
        await harness.IngestAsync(harness.Files.Write("a.xml", Fixtures.Rss("Outlet A", ("a1", "https://a.example/1", "Chinese ships enter Senkaku waters", MinHashTests.Wire))));
        await harness.IngestAsync(harness.Files.Write("b.xml", Fixtures.Rss("Outlet B", ("b1", "https://b.example/1", "China coast guard in Japanese waters again", MinHashTests.Edited))));
        await harness.IngestAsync(harness.Files.Write("c.xml", Fixtures.Rss("Outlet C", ("c1", "https://c.example/1", "Balikatan begins", MinHashTests.Different))));

        var articles = await harness.ArticlesAsync();

        Assert.Equal(3, articles.Count);
        Assert.NotNull(articles[0].ClusterMembership?.StoryClusterId);
        Assert.Equal(articles[0].ClusterMembership?.StoryClusterId, articles[1].ClusterMembership?.StoryClusterId);
        Assert.InRange(articles[1].ClusterMembership!.Similarity!.Value, 0.5, 1.0);
        Assert.Null(articles[2].ClusterMembership?.StoryClusterId);
    }

    [Fact]
    public async Task A_third_telling_of_the_story_joins_the_existing_cluster()
    {
        await using var harness = await IngestHarness.CreateAsync();
        var third = MinHashTests.Edited.Replace("Additional reporting by our Tokyo bureau.", "Reuters contributed.", StringComparison.Ordinal);
        await harness.IngestAsync(harness.Files.Write("a.xml", Fixtures.Rss("Outlet A", ("a1", "https://a.example/1", "One", MinHashTests.Wire))));
        await harness.IngestAsync(harness.Files.Write("b.xml", Fixtures.Rss("Outlet B", ("b1", "https://b.example/1", "Two", MinHashTests.Edited))));
        await harness.IngestAsync(harness.Files.Write("c.xml", Fixtures.Rss("Outlet C", ("c1", "https://c.example/1", "Three", third))));

        var clusters = (await harness.ArticlesAsync()).Select(a => a.ClusterMembership?.StoryClusterId).ToList();

        Assert.NotNull(clusters[0]);
        Assert.All(clusters, c => Assert.Equal(clusters[0], c));
        await using var scope = harness.Store.NewContext();
        Assert.Equal(1, await scope.Db.StoryClusters.CountAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Batches_prepared_ahead_still_see_what_earlier_batches_of_the_same_feed_stored()
    {
        // Batches of 4: while one is written the next is prepared against a store that does not have it yet.
        await using var harness = await IngestHarness.CreateAsync(new Dictionary<string, string?> { ["Ingest:BatchSize"] = "4" }, realTagger: true);
        static (string, string, string, string) Report(int i, string revision = "") =>
            ($"g{i}", $"https://wire.example/{i}", $"Coast guard report {i} from Okinawa{revision}", $"Japan's coast guard tracked vessel number {i} near the Senkaku Islands{revision}.");
        // The second batch repeats one item of the first and revises another, so its look-ahead may run before the first commits.
        (string, string, string, string)[] items =
        [
            Report(1), Report(2), Report(3), Report(4),
            Report(2), Report(3, ", revised"), Report(5), Report(6),
            Report(7), Report(8), Report(9), Report(10),
            ("g11", "https://wire.example/11", "Chinese ships near Senkaku", MinHashTests.Wire),
            ("g12", "https://wire.example/12", "China coast guard in Japanese waters", MinHashTests.Edited),
        ];

        var summary = await harness.IngestAsync(harness.Files.Write("wire.xml", Fixtures.Rss("Wire", items)));

        Assert.Equal((12, 1, 1), (summary.Added, summary.Updated, summary.Duplicates));
        Assert.Empty(summary.Rejected);
        var articles = await harness.ArticlesAsync();
        Assert.Equal(12, articles.Count);
        var revised = Assert.Single(articles, a => a.ExternalId == "g3");
        Assert.Equal("Coast guard report 3 from Okinawa, revised", revised.Headline);
        Assert.EndsWith("Islands, revised.", revised.Body, StringComparison.Ordinal);
        Assert.Equal([1, 2], revised.Revisions.Select(r => r.Number).Order());
        // Every new article was tagged (suggestions computed ahead), and the revised one again from its new text.
        Assert.All(articles, a => Assert.Contains(a.Terms, l => l.Origin == LinkOrigin.Auto));
        var near = articles.Where(a => a.ExternalId is "g11" or "g12").Select(a => a.ClusterMembership?.StoryClusterId).ToList();
        Assert.NotNull(near[0]);
        Assert.Equal(near[0], near[1]);
    }

    [Fact]
    public async Task Near_duplicates_within_one_feed_are_clustered_too()
    {
        await using var harness = await IngestHarness.CreateAsync();
        await harness.IngestAsync(harness.Files.Write("a.xml", Fixtures.Rss("Aggregator", ("1", "https://a.example/1", "One", MinHashTests.Wire), ("2", "https://b.example/2", "Two", MinHashTests.Edited))));

        var articles = await harness.ArticlesAsync();

        Assert.NotNull(articles[0].ClusterMembership?.StoryClusterId);
        Assert.Equal(articles[0].ClusterMembership?.StoryClusterId, articles[1].ClusterMembership?.StoryClusterId);
    }

    [Fact]
    public async Task The_cluster_threshold_is_configurable()
    {
        await using var harness = await IngestHarness.CreateAsync(new Dictionary<string, string?> { ["Ingest:ClusterThreshold"] = "0.95" });
        await harness.IngestAsync(harness.Files.Write("a.xml", Fixtures.Rss("Outlet A", ("a1", "https://a.example/1", "One", MinHashTests.Wire))));
        await harness.IngestAsync(harness.Files.Write("b.xml", Fixtures.Rss("Outlet B", ("b1", "https://b.example/1", "Two", MinHashTests.Edited))));

        Assert.All(await harness.ArticlesAsync(), a => Assert.Null(a.ClusterMembership?.StoryClusterId));
    }

    [Fact]
    public async Task Publish_publishes_what_it_adds_and_a_trusted_source_publishes_anyway()
    {
        await using var harness = await IngestHarness.CreateAsync();
        await harness.IngestAsync(new IngestRequest { Publish = true }, harness.Files.Write("a.xml", Fixtures.Numbered("Outlet A", 1)));
        await using (var scope = harness.Store.NewContext())
        {
            scope.Db.Sources.Add(new Source("Trusted Wire", SourceKind.Feed) { TrustedToPublish = true });
            await scope.Db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        await harness.IngestAsync(new IngestRequest { SourceName = "Trusted Wire" }, harness.Files.Write("b.xml", Fixtures.Numbered("Whatever", 1, start: 5)));

        var articles = await harness.ArticlesAsync();
        Assert.All(articles, a => Assert.Equal(ArticleStatus.Published, a.Status));
        Assert.Equal(new DateTime(2024, 1, 2, 10, 0, 0, DateTimeKind.Utc), articles[0].PublishedAt);
        Assert.Equal("Trusted Wire", articles[1].Source!.Name);
    }

    [Fact]
    public async Task Directories_are_read_recursively_and_every_bad_file_is_named_with_its_reason()
    {
        await using var harness = await IngestHarness.CreateAsync();
        harness.Files.Write("in/feeds/a.xml", Fixtures.Numbered("A", 2));
        File.Copy(Repository.SeedFile, harness.Files.File("in/seed.txt"));
        harness.Files.Write("in/empty.xml", "");
        harness.Files.Write("in/page.html", "<!DOCTYPE html><html><body><p>hi</p></body></html>");
        await File.WriteAllBytesAsync(harness.Files.File("in/blob.bin"), [0x00, 0x01, 0x02, 0xFF, 0x00, 0x10], TestContext.Current.CancellationToken);
        harness.Files.Write("in/.hidden.xml", Fixtures.Numbered("Hidden", 1));

        var summary = await harness.IngestAsync(harness.Files.File("in"), harness.Files.File("nope.xml"));

        Assert.Equal(3, summary.Added);
        Assert.Equal(
            [("blob.bin", "binary data, not a feed or an article"), ("empty.xml", "empty: nothing to read"), ("nope.xml", "no such file or directory"), ("page.html", "an HTML page, not a feed")],
            summary.Rejected.Select(r => (Path.GetFileName(r.Source), r.Reason)).OrderBy(r => r.Item1, StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_feed_file_with_a_text_warning_before_it_is_still_read_as_a_feed()
    {
        await using var harness = await IngestHarness.CreateAsync();
        var path = harness.Files.Write("php.xml", "Warning: Cannot modify header information in /var/www/feed.php on line 12\n" + Fixtures.Numbered("PHP Wire", 2));

        var summary = await harness.IngestAsync(path);

        Assert.Equal(2, summary.Added);
        Assert.Empty(summary.Rejected);
    }

    [Fact]
    public async Task A_plain_text_article_is_published_only_when_asked_and_keeps_its_byline()
    {
        await using var harness = await IngestHarness.CreateAsync();

        var summary = await harness.IngestAsync(new IngestRequest { Publish = true }, Repository.SeedFile);

        Assert.Equal(1, summary.Added);
        var article = Assert.Single(await harness.ArticlesAsync());
        Assert.Equal(ArticleStatus.Published, article.Status);
        Assert.Equal("Zaini Majeed", article.Byline);
        Assert.Equal(new DateTime(2021, 11, 24, 7, 53, 0, DateTimeKind.Utc), article.PublishedAt);
    }

    [Fact]
    public async Task A_failed_input_changes_nothing_already_stored()
    {
        await using var harness = await IngestHarness.CreateAsync();
        var path = harness.Files.Write("wire.xml", Fixtures.Numbered("Wire", 2));
        await harness.IngestAsync(path);
        var before = (await harness.ArticlesAsync()).Select(a => (a.Id, a.Headline, a.Body, a.Version)).ToList();

        harness.Files.Write("wire.xml", "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><rss><channel><title>Wire</title><item><guid>g0</guid><title>&e;</title></item></channel></rss>");
        var summary = await harness.IngestAsync(path);

        Assert.Single(summary.Rejected);
        Assert.Equal(before, (await harness.ArticlesAsync()).Select(a => (a.Id, a.Headline, a.Body, a.Version)));
    }

    [Fact]
    public async Task A_one_gigabyte_file_is_refused_at_once_by_its_size()
    {
        await using var harness = await IngestHarness.CreateAsync();
        var path = harness.Files.File("huge.xml");
        await using (var file = File.Create(path))
        {
            file.SetLength(1L << 30);
        }

        var summary = await harness.IngestAsync(path);

        Assert.Equal("1,073,741,824 bytes, over the 52,428,800-byte limit", Assert.Single(summary.Rejected).Reason);
    }

    [Fact]
    public async Task Every_input_is_recorded_as_a_run()
    {
        await using var harness = await IngestHarness.CreateAsync();
        await harness.IngestAsync(harness.Files.Write("a.xml", Fixtures.Numbered("Wire", 2)), harness.Files.File("missing.xml"));

        await using var scope = harness.Store.NewContext();
        var runs = await scope.Db.FeedRuns.OrderBy(r => r.Id).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal([(FeedRunOutcome.Succeeded, 2), (FeedRunOutcome.Failed, 0)], runs.Select(r => (r.Outcome, r.Added)));
        Assert.All(runs, r => Assert.NotNull(r.FinishedAt));
        Assert.Equal("no such file or directory", runs[1].Message);
    }

    [Fact]
    public async Task An_upload_stream_is_ingested_under_its_file_name()
    {
        await using var harness = await IngestHarness.CreateAsync();
        using var stream = new MemoryStream(File.ReadAllBytes(Repository.SeedFile));

        var summary = await harness.Service.IngestStreamAsync("upload.txt", stream, new IngestRequest { Trigger = FeedRunTrigger.Upload }, TestContext.Current.CancellationToken);

        Assert.Equal(1, summary.Added);
        Assert.Equal("upload.txt", Assert.Single(await harness.ArticlesAsync()).Source!.Name);
    }

    [Fact]
    public async Task Items_without_title_text_or_link_are_rejected_one_by_one()
    {
        await using var harness = await IngestHarness.CreateAsync();
        var path = harness.Files.Write("a.xml", """<rss version="2.0"><channel><title>W</title><item><guid>x</guid></item><item><title>Fine</title></item></channel></rss>""");

        var summary = await harness.IngestAsync(path);

        Assert.Equal(1, summary.Added);
        Assert.Equal("item 1: an entry with no title, no text and no link", Assert.Single(summary.Rejected).Reason);
    }

    [Fact]
    public async Task An_item_whose_body_is_longer_than_a_story_may_be_is_refused_by_name_and_the_rest_stored()
    {
        await using var harness = await IngestHarness.CreateAsync();
        var huge = string.Join(' ', Enumerable.Repeat("patrol", 200_000));
        var path = harness.Files.Write("big.xml", $"""<rss version="2.0"><channel><title>W</title><item><title>Too long</title><description>{huge}</description></item><item><title>Fine</title><description>Short.</description></item></channel></rss>""");

        var summary = await harness.IngestAsync(path);
        var again = await harness.IngestAsync(path);

        Assert.Equal(1, summary.Added);
        Assert.Equal("\"Too long\": the body is 1,399,999 characters long; a story may have 1,000,000", Assert.Single(summary.Rejected).Reason);
        Assert.Equal(["Fine"], (await harness.ArticlesAsync()).Select(a => a.Headline));
        // Not stored, so not known: the next run refuses it again rather than calling it a duplicate.
        Assert.Equal((0, 1), (again.Added, again.Duplicates));
        Assert.Single(again.Rejected);
    }

    [Fact]
    public async Task A_broken_feed_that_yields_no_entry_is_refused_and_creates_no_source()
    {
        await using var harness = await IngestHarness.CreateAsync();
        var path = harness.Files.Write("bad.xml", """<?xml version="1.0"?><rss version="2.0"><channel><title>Broken<item><title>x</title></channel>""");

        var summary = await harness.IngestAsync(path);

        Assert.Equal(0, summary.Added);
        var reason = Assert.Single(summary.Rejected).Reason;
        Assert.StartsWith("not well-formed XML (line 1, column ", reason, StringComparison.Ordinal);
        Assert.EndsWith("; no entry could be read from it", reason, StringComparison.Ordinal);
        await using var scope = harness.Store.NewContext();
        Assert.Empty(await scope.Db.Sources.ToListAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task An_entry_titled_only_with_invisible_characters_takes_its_headline_from_its_text()
    {
        await using var harness = await IngestHarness.CreateAsync();
        var path = harness.Files.Write("zw.xml", "<rss version=\"2.0\"><channel><title>W</title><item><title>\u200B\u202E</title><description>Coast guard ships met near the shoal at dawn.</description></item></channel></rss>");

        var summary = await harness.IngestAsync(path);

        Assert.Equal(1, summary.Added);
        Assert.Equal("Coast guard ships met near the shoal at dawn.", Assert.Single(await harness.ArticlesAsync()).Headline);
    }

    [Fact]
    public async Task An_article_file_whose_headline_shows_nothing_is_refused()
    {
        await using var harness = await IngestHarness.CreateAsync();
        var path = harness.Files.Write("rlo.txt", "\u202E\n\nBy Someone\n\nA paragraph of the story.\n");

        var summary = await harness.IngestAsync(path);

        Assert.Equal(0, summary.Added);
        Assert.EndsWith(": the headline shows nothing (only invisible characters)", Assert.Single(summary.Rejected).Reason, StringComparison.Ordinal);
    }
}
