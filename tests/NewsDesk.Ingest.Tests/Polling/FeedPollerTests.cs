using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsDesk.Core.Sources;
using NewsDesk.Ingest.Polling;
using NewsDesk.Ingest.Tests.Http;
using NewsDesk.TestSupport;

namespace NewsDesk.Ingest.Tests.Polling;

public sealed class FeedPollerTests
{
    // No retries keeps failing polls quick; the time limits stay generous because no test here waits for one, and a
    // loaded CI machine can take seconds to answer a local fixture.
    private static readonly Dictionary<string, string?> Fast = new()
    {
        ["Ingest:Http:TimeoutSeconds"] = "30",
        ["Ingest:Http:AttemptTimeoutSeconds"] = "20",
        ["Ingest:Http:MaxRetries"] = "0",
    };

    [Fact]
    public async Task Two_instances_on_one_database_poll_a_due_source_once()
    {
        await using var server = await FixtureServer.StartAsync();
        await using var harness = await IngestHarness.CreateAsync(Fast);
        await AddSourceAsync(harness, server.Url("feed.xml"));
        await using var other = harness.SecondInstance();

        var polled = await Task.WhenAll(
            harness.Store.Services.GetRequiredService<FeedPoller>().PollDueAsync(TestContext.Current.CancellationToken),
            other.GetRequiredService<FeedPoller>().PollDueAsync(TestContext.Current.CancellationToken));

        Assert.Equal(1, polled.Sum());
        Assert.Equal(1, server.Hits["/feed.xml"]);
        Assert.Equal(3, (await harness.ArticlesAsync()).Count);
        var source = await SourceAsync(harness);
        Assert.Null(source.LeaseOwner);
        Assert.Equal("\"v1\"", source.ETag);
        Assert.StartsWith("200: 3 added", source.LastStatus, StringComparison.Ordinal);
        Assert.InRange(source.NextPollAt!.Value, DateTime.UtcNow.AddMinutes(25), DateTime.UtcNow.AddMinutes(31));
    }

    [Fact]
    public async Task The_next_poll_is_conditional_and_a_304_is_recorded()
    {
        await using var server = await FixtureServer.StartAsync();
        await using var harness = await IngestHarness.CreateAsync(Fast);
        await AddSourceAsync(harness, server.Url("feed.xml"));
        var poller = harness.Store.Services.GetRequiredService<FeedPoller>();
        await poller.PollDueAsync(TestContext.Current.CancellationToken);
        Assert.Equal(0, await poller.PollDueAsync(TestContext.Current.CancellationToken));

        await MakeDueAsync(harness);
        await poller.PollDueAsync(TestContext.Current.CancellationToken);

        Assert.Equal([null, "\"v1\""], server.IfNoneMatch);
        await using var scope = harness.Store.NewContext();
        var runs = await scope.Db.FeedRuns.OrderBy(r => r.Id).Select(r => new { r.Outcome, r.Trigger, r.Added }).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal([(FeedRunOutcome.Succeeded, 3), (FeedRunOutcome.NotModified, 0)], runs.Select(r => (r.Outcome, r.Added)));
        Assert.All(runs, r => Assert.Equal(FeedRunTrigger.Poll, r.Trigger));
        Assert.Equal("304 Not Modified", (await SourceAsync(harness)).LastStatus);
    }

    [Fact]
    public async Task A_failing_source_records_its_error_and_backs_off()
    {
        await using var server = await FixtureServer.StartAsync();
        await using var harness = await IngestHarness.CreateAsync(Fast);
        await AddSourceAsync(harness, server.Url("down.xml"));
        var poller = harness.Store.Services.GetRequiredService<FeedPoller>();

        await poller.PollDueAsync(TestContext.Current.CancellationToken);
        await MakeDueAsync(harness);
        await poller.PollDueAsync(TestContext.Current.CancellationToken);

        var source = await SourceAsync(harness);
        Assert.Equal(2, source.ConsecutiveFailures);
        Assert.Equal("HTTP 500 Internal Server Error", source.LastError);
        // Interval 30 min × 2² after the second failure.
        Assert.InRange(source.NextPollAt!.Value, DateTime.UtcNow.AddMinutes(115), DateTime.UtcNow.AddMinutes(121));
    }

    [Fact]
    public async Task An_html_page_served_as_a_feed_is_a_failed_poll()
    {
        await using var server = await FixtureServer.StartAsync();
        await using var harness = await IngestHarness.CreateAsync(Fast);
        await AddSourceAsync(harness, server.Url("html-as-feed.xml"));

        await harness.Store.Services.GetRequiredService<FeedPoller>().PollDueAsync(TestContext.Current.CancellationToken);

        Assert.Equal("an HTML page, not a feed", (await SourceAsync(harness)).LastError);
        Assert.Empty(await harness.ArticlesAsync());
    }

    [Fact]
    public async Task A_lease_left_by_a_dead_instance_expires_and_a_live_one_is_respected()
    {
        await using var server = await FixtureServer.StartAsync();
        await using var harness = await IngestHarness.CreateAsync(Fast);
        await AddSourceAsync(harness, server.Url("feed.xml"));
        var poller = harness.Store.Services.GetRequiredService<FeedPoller>();

        await SetLeaseAsync(harness, "other-instance", DateTime.UtcNow.AddMinutes(5));
        Assert.Equal(0, await poller.PollDueAsync(TestContext.Current.CancellationToken));

        await SetLeaseAsync(harness, "crashed-instance", DateTime.UtcNow.AddMinutes(-1));
        Assert.Equal(1, await poller.PollDueAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task The_web_host_polls_when_configured_to()
    {
        await using var server = await FixtureServer.StartAsync();
        await using var factory = new NewsDeskAppFactory()
            .With("Ingest:Polling:Enabled", "true")
            .With("Ingest:Polling:IntervalSeconds", "1")
            .With("Ingest:Http:AllowPrivateAddresses", "true");
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Core.Data.NewsDeskDbContext>();
            db.Sources.Add(new Source("Served Wire", SourceKind.Feed) { Url = server.Url("feed.xml").AbsoluteUri });
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        var deadline = DateTime.UtcNow.AddSeconds(30);
        var count = 0;
        while (count < 3 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200, TestContext.Current.CancellationToken);
            await using var scope = factory.Services.CreateAsyncScope();
            count = await scope.ServiceProvider.GetRequiredService<Core.Data.NewsDeskDbContext>().Articles.CountAsync(a => a.SourceName == "Served Wire", TestContext.Current.CancellationToken);
        }

        Assert.Equal(3, count);
        Assert.Empty(factory.Logs.Errors);
    }

    private static async Task AddSourceAsync(IngestHarness harness, Uri url)
    {
        await using var scope = harness.Store.NewContext();
        scope.Db.Sources.Add(new Source("Polled", SourceKind.Feed) { Url = url.AbsoluteUri, PollInterval = TimeSpan.FromMinutes(30), CreatedAt = DateTime.UtcNow });
        await scope.Db.SaveChangesAsync(TestContext.Current.CancellationToken);
    }

    private static async Task<Source> SourceAsync(IngestHarness harness)
    {
        await using var scope = harness.Store.NewContext();
        return await scope.Db.Sources.AsNoTracking().SingleAsync(s => s.Name == "Polled", TestContext.Current.CancellationToken);
    }

    private static async Task MakeDueAsync(IngestHarness harness)
    {
        await using var scope = harness.Store.NewContext();
        await scope.Db.Sources.ExecuteUpdateAsync(s => s.SetProperty(x => x.NextPollAt, DateTime.UtcNow.AddSeconds(-1)), TestContext.Current.CancellationToken);
    }

    private static async Task SetLeaseAsync(IngestHarness harness, string owner, DateTime until)
    {
        await using var scope = harness.Store.NewContext();
        await scope.Db.Sources.ExecuteUpdateAsync(s => s.SetProperty(x => x.LeaseOwner, owner).SetProperty(x => x.LeaseExpiresAt, until), TestContext.Current.CancellationToken);
    }
}
