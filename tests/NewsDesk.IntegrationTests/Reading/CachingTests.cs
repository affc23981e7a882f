using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NewsDesk.Core;
using NewsDesk.Core.Articles;
using NewsDesk.Core.Data;

namespace NewsDesk.IntegrationTests.Reading;

public sealed class CachingTests
{
    private const string Kishi = "/articles/japan-scrambles-jets-as-chinese-bombers-near-okinawa";

    private static async Task<ReadingApp> StartAsync()
    {
        var app = new ReadingApp();
        app.With("Reading:ChangeCheckInterval", "00:00:00.200");
        await app.InitializeAsync();
        return app;
    }

    private static async Task<List<string>> HeadlinesAsync(HttpClient client, string url = "/") =>
        [.. (await client.GetDocumentAsync(url)).Texts(".story-list h3 a, .top-story h3 a")];

    private static async Task<int> BusiestCountAsync(HttpClient client, string region) =>
        int.Parse((await client.GetDocumentAsync("/")).QuerySelectorAll(".busiest-regions li")
            .Single(li => li.QuerySelector("a")!.TextContent == region).QuerySelector(".count")!.TextContent, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Another process on the same store (the CLI, a second instance): its own container, no shared memory with the app.</summary>
    private static ServiceProvider OtherProcess(ReadingApp app)
    {
        var services = new ServiceCollection().AddLogging();
        services.AddNewsDeskCore(new ConfigurationBuilder().Build(), app.DatabaseFile);
        return services.BuildServiceProvider();
    }

    private static async Task<TimeSpan> WaitUntilAsync(Func<Task<bool>> condition, TimeSpan timeout)
    {
        var watch = Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(watch.Elapsed < timeout, $"Not seen within {timeout}.");
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }

        return watch.Elapsed;
    }

    [Fact]
    public async Task Pages_come_from_the_cache_until_the_content_stamp_changes()
    {
        using var app = await StartAsync();
        var client = app.CreateClient();
        using var first = await client.GetResponseAsync(Kishi);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);

        // A write that bypasses SaveChanges (and so the stamp) is not seen: the page really is cached…
        await app.WriteAsync(db => db.Database.ExecuteSqlRawAsync("UPDATE Articles SET Headline = 'Quietly changed' WHERE Id = {0}", app.Sample.Stories["kishi"].Id));
        await Task.Delay(500, TestContext.Current.CancellationToken);
        using (var cached = await client.GetResponseAsync(Kishi))
        {
            var body = await cached.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            // Says what was served if this ever fails (the ETag is a hash of the page).
            Assert.True(body.Contains("Japan scrambles jets", StringComparison.Ordinal) && cached.Headers.Age is not null,
                $"not the cached page: Age {cached.Headers.Age?.ToString() ?? "none"}, ETag {cached.Headers.ETag}, first render's ETag {first.Headers.ETag}");
        }

        // …until the stamp says content changed, as bulk writers are told to do.
        await app.WriteAsync(db => NewsDesk.Core.Content.ContentStamps.BumpAsync(db, DateTime.UtcNow, TestContext.Current.CancellationToken));
        await WaitUntilAsync(async () => (await client.GetDocumentAsync(Kishi)).QuerySelector("h1")!.TextContent == "Quietly changed", TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Publishing_in_this_process_shows_on_the_next_request()
    {
        using var app = await StartAsync();
        var client = app.CreateClient();
        Assert.DoesNotContain("Draft about a secret cyber operation", await HeadlinesAsync(client));
        var japan = await BusiestCountAsync(client, "Japan");

        await app.WriteAsync(async db =>
        {
            var draft = await db.Articles.FindAsync([app.Sample.Stories["draft"].Id], TestContext.Current.CancellationToken);
            draft!.Publish(DateTime.UtcNow);
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        });

        Assert.Contains("Draft about a secret cyber operation", await HeadlinesAsync(client));
        // The busiest panel comes from the same per-version front-page data as the list: it moves with it.
        Assert.Equal(japan + 1, await BusiestCountAsync(client, "Japan"));
        Assert.Contains("Draft about a secret cyber operation", await HeadlinesAsync(client, "/regions/japan"));
    }

    [Fact]
    public async Task Publishing_editing_and_unpublishing_from_another_process_reach_the_cached_pages()
    {
        using var app = await StartAsync();
        var client = app.CreateClient();
        await HeadlinesAsync(client);
        await client.GetDocumentAsync(Kishi);
        await using var other = OtherProcess(app);

        await using (var scope = other.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<NewsDeskDbContext>();
            var draft = await db.Articles.SingleAsync(a => a.Slug == "unpublished-draft", TestContext.Current.CancellationToken);
            draft.Publish(DateTime.UtcNow);
            var kishi = await db.Articles.SingleAsync(a => a.Slug == "japan-scrambles-jets-as-chinese-bombers-near-okinawa", TestContext.Current.CancellationToken);
            kishi.Headline = "Japan scrambles jets as four Chinese bombers near Okinawa";
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        var seen = await WaitUntilAsync(async () => (await HeadlinesAsync(client)).Contains("Draft about a secret cyber operation"), TimeSpan.FromSeconds(5));
        Assert.True(seen < TimeSpan.FromSeconds(2), $"took {seen}");
        Assert.Equal("Japan scrambles jets as four Chinese bombers near Okinawa", (await client.GetDocumentAsync(Kishi)).QuerySelector("h1")!.TextContent);

        await using (var scope = other.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<NewsDeskDbContext>();
            (await db.Articles.SingleAsync(a => a.Slug == "unpublished-draft", TestContext.Current.CancellationToken)).MoveTo(ArticleStatus.Unpublished);
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        await WaitUntilAsync(async () => !(await HeadlinesAsync(client)).Contains("Draft about a secret cyber operation"), TimeSpan.FromSeconds(5));
        await WaitUntilAsync(async () => (await client.GetResponseAsync("/articles/unpublished-draft")).StatusCode == HttpStatusCode.NotFound, TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task A_scheduled_story_appears_when_its_time_comes()
    {
        using var app = await StartAsync();
        var client = app.CreateClient();
        var due = DateTime.UtcNow.AddSeconds(2);
        await app.WriteAsync(async db =>
        {
            var story = await db.Articles.FindAsync([app.Sample.Stories["scheduled"].Id], TestContext.Current.CancellationToken);
            story!.Publish(due);
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        });
        Assert.DoesNotContain("Scheduled report on cyber readiness", await HeadlinesAsync(client));

        await WaitUntilAsync(async () => (await HeadlinesAsync(client)).Contains("Scheduled report on cyber readiness"), TimeSpan.FromSeconds(10));

        Assert.True(DateTime.UtcNow - due < TimeSpan.FromSeconds(2), $"appeared {DateTime.UtcNow - due} after it was due");
    }

    [Fact]
    public async Task A_taxonomy_change_reaches_the_region_pages()
    {
        using var app = await StartAsync();
        var client = app.CreateClient();
        Assert.Equal("Senkaku Islands", (await client.GetDocumentAsync("/regions/senkaku-islands")).QuerySelector("h1")!.TextContent);

        await app.WriteAsync(async db =>
        {
            (await db.Regions.FindAsync([app.Sample.Senkaku.Id], TestContext.Current.CancellationToken))!.Name = "Senkaku (Diaoyu) Islands";
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        });

        Assert.Equal("Senkaku (Diaoyu) Islands", (await client.GetDocumentAsync("/regions/senkaku-islands")).QuerySelector("h1")!.TextContent);
        Assert.Contains("Senkaku (Diaoyu) Islands", (await client.GetDocumentAsync("/regions")).Texts(".theatres a"));
    }

    [Fact]
    public async Task ETag_and_Last_Modified_answer_304_until_the_page_changes()
    {
        using var app = await StartAsync();
        var client = app.CreateClient();
        using var first = await client.GetResponseAsync("/regions/japan");
        var etag = first.Headers.ETag!;
        var lastModified = first.Content.Headers.LastModified!.Value;
        Assert.True(etag.IsWeak);
        Assert.Equal("public, no-cache", first.Headers.CacheControl!.ToString());

        using var byTag = new HttpRequestMessage(HttpMethod.Get, "/regions/japan");
        byTag.Headers.IfNoneMatch.Add(etag);
        using var notModified = await client.SendAsync(byTag, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));

        using var byDate = new HttpRequestMessage(HttpMethod.Get, "/regions/japan");
        byDate.Headers.IfModifiedSince = lastModified;
        using var notModifiedSince = await client.SendAsync(byDate, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotModified, notModifiedSince.StatusCode);

        await Task.Delay(1100, TestContext.Current.CancellationToken);
        await app.WriteAsync(async db =>
        {
            (await db.Articles.FindAsync([app.Sample.Stories["kishi"].Id], TestContext.Current.CancellationToken))!.Headline = "Jets scrambled";
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        });

        using var afterChange = new HttpRequestMessage(HttpMethod.Get, "/regions/japan");
        afterChange.Headers.IfNoneMatch.Add(etag);
        afterChange.Headers.IfModifiedSince = lastModified;
        using var changed = await client.SendAsync(afterChange, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.NotEqual(etag, changed.Headers.ETag);
        Assert.True(changed.Content.Headers.LastModified > lastModified);
    }

    [Fact]
    public async Task Pages_and_feeds_are_compressed_for_clients_that_accept_it()
    {
        using var app = await StartAsync();
        var client = app.CreateClient();

        foreach (var (url, encoding) in new[] { ("/", "br"), ("/feed.xml", "gzip"), ("/regions", "br") })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue(encoding));
            using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
            Assert.Equal([encoding], response.Content.Headers.ContentEncoding);
            Assert.Contains("Accept-Encoding", response.Headers.Vary);
        }

        using var plain = await client.GetResponseAsync("/");
        Assert.Empty(plain.Content.Headers.ContentEncoding);
    }

    [Fact]
    public async Task The_cache_is_shared_by_signed_in_and_anonymous_readers_but_never_stores_errors()
    {
        using var app = await StartAsync();
        var client = app.CreateClient();

        using var missing = await client.GetResponseAsync("/regions/atlantis");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Null(missing.Headers.Age);

        using var withCookie = new HttpRequestMessage(HttpMethod.Get, "/topics");
        withCookie.Headers.Add("Cookie", ".AspNetCore.Identity.Application=abc");
        (await client.SendAsync(withCookie, TestContext.Current.CancellationToken)).Dispose();
        using var anonymous = await client.GetResponseAsync("/topics");
        Assert.NotNull(anonymous.Headers.Age);
    }

    [Fact]
    public async Task Public_pages_answer_only_GET_and_HEAD()
    {
        // Production settings (secure-only cookies) over plain HTTP: the case that was a 500.
        await using var app = new ReadingApp { Environment = "Production" };
        await app.InitializeAsync();
        using var client = app.CreateClient();

        foreach (var path in new[] { "/", "/regions/japan", "/search?q=bombers", Kishi })
        {
            using var post = await client.PostAsync(new Uri(path, UriKind.Relative), new FormUrlEncodedContent([new("q", "x")]), TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.MethodNotAllowed, post.StatusCode);
            Assert.Equal(["GET", "HEAD"], post.Content.Headers.Allow);
            Assert.Contains("Only for reading", await post.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
            using var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, path), TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        }
    }

    [Fact]
    public async Task A_form_that_cannot_be_read_gets_its_own_status_page_not_a_500()
    {
        // The error page runs again with the failed request's method and body: it must not read that form itself
        // (a desk upload over the server's body limit arrived there as a 400 and left as a 500).
        await using var app = new ReadingApp { Environment = "Production" };
        await app.InitializeAsync();
        using var client = app.CreateClient();
        using var content = new ByteArrayContent("--x\r\nnot a multipart body"u8.ToArray());
        content.Headers.TryAddWithoutValidation("Content-Type", "multipart/form-data; boundary=x");

        using var post = await client.PostAsync(new Uri("/regions/japan", UriKind.Relative), content, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, post.StatusCode);
        Assert.Contains("Only for reading", await post.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Empty(app.Logs.Errors);
    }
}
