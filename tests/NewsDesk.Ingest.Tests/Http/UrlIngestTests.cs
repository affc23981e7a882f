using System.Net;
using Microsoft.Extensions.DependencyInjection;
using NewsDesk.Core.Articles;
using NewsDesk.Ingest.Http;

namespace NewsDesk.Ingest.Tests.Http;

public sealed class UrlIngestTests
{
    private static readonly Dictionary<string, string?> Fast = new()
    {
        ["Ingest:Http:TimeoutSeconds"] = "3",
        ["Ingest:Http:AttemptTimeoutSeconds"] = "2",
        ["Ingest:Http:MaxResponseBytes"] = "1048576",
    };

    [Fact]
    public async Task A_feed_url_is_fetched_and_its_items_stored_with_absolute_links()
    {
        await using var server = await FixtureServer.StartAsync();
        await using var harness = await IngestHarness.CreateAsync(Fast);

        var summary = await harness.IngestAsync(server.Url("feed.xml").AbsoluteUri);

        Assert.Equal(3, summary.Added);
        var articles = await harness.ArticlesAsync();
        Assert.All(articles, a => Assert.StartsWith("https://wire.example/", a.OriginalUrl, StringComparison.Ordinal));
        Assert.Equal("Served Wire", articles[0].Source!.Name);
    }

    [Fact]
    public async Task Redirects_are_followed_a_bounded_number_of_times()
    {
        await using var server = await FixtureServer.StartAsync();
        await using var harness = await IngestHarness.CreateAsync(Fast);

        var moved = await harness.IngestAsync(server.Url("moved").AbsoluteUri);
        var loop = await harness.IngestAsync(server.Url("loop").AbsoluteUri);

        Assert.Equal(3, moved.Added);
        Assert.StartsWith("more than 5 redirects", Assert.Single(loop.Rejected).Reason, StringComparison.Ordinal);
        Assert.Equal(6, server.Hits["/loop"]);
    }

    [Fact]
    public async Task A_transient_server_error_is_retried_with_backoff()
    {
        await using var server = await FixtureServer.StartAsync();
        await using var harness = await IngestHarness.CreateAsync(Fast);

        var summary = await harness.IngestAsync(server.Url("flaky.xml").AbsoluteUri);

        Assert.Equal(2, summary.Added);
        Assert.Equal(2, server.Hits["/flaky.xml"]);
    }

    [Fact]
    public async Task Errors_are_rejections_with_the_status()
    {
        await using var server = await FixtureServer.StartAsync();
        await using var harness = await IngestHarness.CreateAsync(Fast);

        var summary = await harness.IngestAsync(server.Url("down.xml").AbsoluteUri, server.Url("gone.xml").AbsoluteUri);

        Assert.Equal(["HTTP 500 Internal Server Error", "HTTP 404 Not Found"], summary.Rejected.Select(r => r.Reason));
        Assert.Equal(3, server.Hits["/down.xml"]);
        Assert.Equal(1, server.Hits["/gone.xml"]);
    }

    [Fact]
    public async Task A_response_that_never_ends_is_cut_at_the_size_cap()
    {
        await using var server = await FixtureServer.StartAsync();
        await using var harness = await IngestHarness.CreateAsync(Fast);

        var summary = await harness.IngestAsync(server.Url("endless").AbsoluteUri);

        Assert.Equal("the response is over the 1,048,576-byte limit", Assert.Single(summary.Rejected).Reason);
    }

    [Fact]
    public async Task A_response_that_trickles_forever_is_cut_at_the_time_limit()
    {
        await using var server = await FixtureServer.StartAsync();
        await using var harness = await IngestHarness.CreateAsync(Fast);
        var started = DateTime.UtcNow;

        var summary = await harness.IngestAsync(server.Url("trickle").AbsoluteUri);

        Assert.Equal("no complete response within 3 s", Assert.Single(summary.Rejected).Reason);
        Assert.InRange(DateTime.UtcNow - started, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(20));
    }

    [Fact]
    public async Task An_article_page_url_becomes_one_article_from_its_main_text()
    {
        await using var server = await FixtureServer.StartAsync();
        await using var harness = await IngestHarness.CreateAsync(Fast);

        var summary = await harness.IngestAsync(server.Url("story.html").AbsoluteUri);

        Assert.Equal(1, summary.Added);
        var article = Assert.Single(await harness.ArticlesAsync());
        Assert.Equal("Chinese ships enter Senkaku waters", article.Headline);
        Assert.Contains("Uotsuri Island", article.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("Most read", article.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("Sport", article.Body, StringComparison.Ordinal);
        Assert.Equal(server.Url("news/senkaku?utm_source=x").AbsoluteUri, article.OriginalUrl);
        Assert.Equal(ArticleStatus.Incoming, article.Status);
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("localhost")]
    public async Task Loopback_addresses_are_refused_unless_configuration_allows_them(string host)
    {
        await using var server = await FixtureServer.StartAsync();
        await using var harness = await IngestHarness.CreateAsync(new Dictionary<string, string?>(Fast) { ["Ingest:Http:AllowPrivateAddresses"] = "false" });
        var url = new UriBuilder(server.Url("feed.xml")) { Host = host }.Uri;

        var summary = await harness.IngestAsync(url.AbsoluteUri);

        Assert.Contains("a private, loopback or link-local address (refused", Assert.Single(summary.Rejected).Reason, StringComparison.Ordinal);
        Assert.False(server.Hits.ContainsKey("/feed.xml"));
    }

    [Theory]
    [InlineData("10.1.2.3", false)]
    [InlineData("172.16.0.1", false)]
    [InlineData("192.168.1.1", false)]
    [InlineData("169.254.169.254", false)]
    [InlineData("100.64.0.1", false)]
    [InlineData("0.0.0.0", false)]
    [InlineData("::1", false)]
    [InlineData("fe80::1", false)]
    [InlineData("fd00::1", false)]
    [InlineData("::ffff:127.0.0.1", false)]
    [InlineData("::ffff:10.0.0.1", false)]
    [InlineData("2002:0a00:0001::1", false)]
    [InlineData("64:ff9b::a9fe:a9fe", false)]
    [InlineData("93.184.216.34", true)]
    [InlineData("2606:2800:220:1:248:1893:25c8:1946", true)]
    public void The_address_check_knows_the_private_ranges(string address, bool isPublic)
    {
        Assert.Equal(isPublic, AddressGuard.IsPublic(IPAddress.Parse(address)));
    }

    [Fact]
    public async Task Non_http_schemes_are_refused()
    {
        await using var harness = await IngestHarness.CreateAsync(Fast);

        var summary = await harness.IngestAsync("file:///etc/passwd", "ftp://example.com/feed.xml");

        Assert.All(summary.Rejected, r => Assert.Equal("only http and https URLs can be fetched", r.Reason));
    }

    [Fact]
    public async Task The_fetcher_sends_conditional_headers_and_reports_not_modified()
    {
        await using var server = await FixtureServer.StartAsync();
        await using var harness = await IngestHarness.CreateAsync(Fast);
        var fetcher = harness.Store.Services.GetRequiredService<Fetcher>();

        using var first = await fetcher.FetchAsync(server.Url("feed.xml"), cancellationToken: TestContext.Current.CancellationToken);
        using var second = await fetcher.FetchAsync(server.Url("feed.xml"), first.ETag, null, TestContext.Current.CancellationToken);

        Assert.Equal("\"v1\"", first.ETag);
        Assert.True(second.NotModified);
        Assert.Null(second.File);
    }
}
