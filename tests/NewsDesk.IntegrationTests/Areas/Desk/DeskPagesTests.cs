using System.Net;
using Microsoft.EntityFrameworkCore;
using NewsDesk.Core.Articles;
using NewsDesk.Core.FrontPage;
using NewsDesk.Core.Taxonomy;
using NewsDesk.TestSupport;

namespace NewsDesk.IntegrationTests.Areas.Desk;

public sealed class DeskPagesTests(DeskApp app) : IClassFixture<DeskApp>
{
    [Fact]
    public async Task The_story_list_filters_by_status_region_and_text()
    {
        var editor = await app.SignInAsync("Editor");
        var asia = await app.TermAsync(TermType.Region, "List Asia");
        var japan = await app.TermAsync(TermType.Region, "List Japan");
        await app.WithServiceAsync<TaxonomyCuration, CurationResult>(c => c.SetRegionAsync(japan.Id, asia.Id, RegionKind.Country, [], NewsDesk.Core.Audit.Actor.System("test")));
        var story = await app.CreateStoryAsync("Filterable frigate story", "A frigate near List Japan.");
        await app.CreateStoryAsync("Unrelated 100% story", "Nothing.");

        var byRegion = await editor.GetHtmlAsync($"/desk?region={asia.Id}&status=Draft");
        var byText = await editor.GetHtmlAsync("/desk?q=FRIGATE");
        var byPercent = await editor.GetHtmlAsync("/desk?q=100%25");
        var published = await editor.GetHtmlAsync("/desk?status=Published&q=frigate");

        Assert.Equal(["Filterable frigate story"], byRegion.QuerySelectorAll("#stories td.title > a").Select(a => a.TextContent));
        Assert.Equal(["Filterable frigate story"], byText.QuerySelectorAll("#stories td.title > a").Select(a => a.TextContent));
        Assert.Equal(["Unrelated 100% story"], byPercent.QuerySelectorAll("#stories td.title > a").Select(a => a.TextContent));
        Assert.Empty(published.QuerySelectorAll("#stories td.title"));
        Assert.Equal($"/desk/stories/{story.Id}", byText.QuerySelector("#stories td.title > a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Incoming_items_are_accepted_published_discarded_or_marked_duplicate()
    {
        var editor = await app.SignInAsync("Editor");
        var original = await app.CreateStoryAsync("Original report", "Text.");
        var ids = new List<int>();
        foreach (var headline in new[] { "Incoming accept", "Incoming publish", "Incoming discard", "Incoming duplicate" })
        {
            ids.Add(await app.WithDbAsync(async db =>
            {
                var article = new Article(Core.Text.Slugs.From(headline), headline, "Body", ArticleStatus.Incoming, DateTime.UtcNow) { OriginalUrl = headline.EndsWith("duplicate", StringComparison.Ordinal) ? "https://example.org/a" : null };
                db.Articles.Add(article);
                await db.SaveChangesAsync();
                return article.Id;
            }));
        }

        await app.WithDbAsync(async db =>
        {
            (await db.Articles.SingleAsync(a => a.Id == original.Id)).OriginalUrl = "https://example.org/a";
            return await db.SaveChangesAsync();
        });

        var page = await editor.GetHtmlAsync("/desk/incoming");
        Assert.Contains($"#{original.Id} Original report", page.QuerySelector($"#item-{ids[3]}")!.TextContent, StringComparison.Ordinal);
        await Triage(editor, ids[0], "accept");
        await Triage(editor, ids[1], "publish");
        await Triage(editor, ids[2], "discard");
        var duplicate = await editor.SubmitAsync("/desk/incoming", $"#item-{ids[3]} form:has(#duplicate-{ids[3]})", []);
        Assert.Equal(HttpStatusCode.Redirect, duplicate.StatusCode);

        var statuses = await app.WithDbAsync(db => db.Articles.Where(a => ids.Contains(a.Id)).OrderBy(a => a.Id).Select(a => new { a.Status, a.DuplicateOfId }).ToListAsync());
        Assert.Equal([ArticleStatus.Draft, ArticleStatus.Published, ArticleStatus.Discarded, ArticleStatus.Discarded], statuses.Select(s => s.Status));
        Assert.Equal(original.Id, statuses[3].DuplicateOfId);
        Assert.DoesNotContain((await editor.GetHtmlAsync("/desk/incoming")).QuerySelectorAll("#incoming tbody tr"), r => ids.Any(id => r.Id == $"item-{id}"));

        async Task Triage(HttpClient client, int id, string act)
        {
            var response = await client.SubmitAsync("/desk/incoming", $"#item-{id} form:has(#{act}-{id})", new() { ["act"] = act });
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }
    }

    [Fact]
    public async Task The_front_page_pins_one_top_story_and_orders_featured_stories_per_region()
    {
        var editor = await app.SignInAsync("Editor");
        var region = await app.TermAsync(TermType.Region, "Front Region");
        var a = await PublishedAsync("Front A");
        var b = await PublishedAsync("Front B");

        await editor.SubmitAsync("/desk/front-page", "#pin-form", new() { ["articleId"] = a.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        await editor.SubmitAsync("/desk/front-page", "#pin-form", new() { ["articleId"] = b.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        await editor.SubmitAsync("/desk/front-page", "#feature-form", new() { ["regionId"] = region.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), ["articleId"] = a.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        await editor.SubmitAsync("/desk/front-page", "#feature-form", new() { ["regionId"] = region.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), ["articleId"] = b.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        var draft = await app.CreateStoryAsync("Front draft", "Body.");
        await editor.SubmitAsync("/desk/front-page", "#pin-form", new() { ["articleId"] = draft.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) });

        var now = DateTime.UtcNow;
        Assert.Equal(b.Id, await app.WithDbAsync(db => db.TopStoryIdAsync(now)));
        Assert.Equal([a.Id, b.Id], await app.WithDbAsync(db => db.FeaturedIdsAsync(region.Id, now)));
        var page = await editor.GetHtmlAsync("/desk/front-page");
        Assert.Equal("Front B", page.QuerySelector("#top-headline")!.TextContent);
    }

    [Fact]
    public async Task Uploading_article_files_reports_added_duplicates_and_rejected_with_reasons()
    {
        var editor = await app.SignInAsync("Editor");
        var token = await editor.AntiforgeryTokenAsync("/desk/upload");
        var seed = await File.ReadAllBytesAsync(Repository.SeedFile, TestContext.Current.CancellationToken);
        using var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent("Uploaded headline\n\nBy Someone\n\nFirst paragraph of the uploaded story.\n"u8.ToArray()), "files", "new.txt" },
            { new ByteArrayContent(seed), "files", "seed-again.txt" },
            { new ByteArrayContent("\n\n\n"u8.ToArray()), "files", "empty.txt" },
        };

        var first = await editor.PostAsync(new Uri("/desk/upload", UriKind.Relative), content, TestContext.Current.CancellationToken);
        var html = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await first.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        Assert.Equal("2", html.QuerySelector("#added-count")!.TextContent);
        Assert.Equal("1", html.QuerySelector("#rejected-count")!.TextContent);
        Assert.Contains("empty.txt", html.QuerySelector("#upload-summary")!.TextContent, StringComparison.Ordinal);
        using var again = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent("Uploaded headline\n\nBy Someone\n\nFirst paragraph of the uploaded story.\n"u8.ToArray()), "files", "new-again.txt" },
        };
        var second = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await (await editor.PostAsync(new Uri("/desk/upload", UriKind.Relative), again, TestContext.Current.CancellationToken)).Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal("1", second.QuerySelector("#duplicate-count")!.TextContent);
        Assert.True(await app.WithDbAsync(db => db.Articles.AnyAsync(a => a.Headline == "Uploaded headline" && a.Status == ArticleStatus.Incoming)));
        var audit = await app.WithDbAsync(db => db.AuditEntries.Where(e => e.Action == "ingest.upload").OrderBy(e => e.Id).Select(e => e.UserName + ": " + e.Summary).ToListAsync());
        Assert.Equal(
            ["editor@newsdesk.test: new.txt, seed-again.txt, empty.txt: 2 added, 0 updated, 0 duplicates, 1 rejected", "editor@newsdesk.test: new-again.txt: 0 added, 0 updated, 1 duplicates, 0 rejected"],
            audit.TakeLast(2));
    }

    [Fact]
    public async Task Poll_now_makes_a_feed_due_and_source_settings_are_validated_and_audited()
    {
        var admin = await app.SignInAsync("Admin");
        await admin.SubmitAsync("/admin/sources", "#create-source", new() { ["name"] = "Test feed", ["url"] = "https://example.org/feed.xml" });
        var source = await app.WithDbAsync(db => db.Sources.SingleAsync(s => s.Name == "Test feed"));
        await app.WithDbAsync(db => db.Sources.Where(s => s.Id == source.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.NextPollAt, DateTime.UtcNow.AddHours(5))));

        await admin.SubmitAsync("/admin/sources", $"form:has(#poll-{source.Id})", []);
        // The test host polls no feeds, and the page says so rather than promising a poll.
        Assert.Equal(
            "Test feed is due now, but this instance does not poll feeds (Ingest:Polling:Enabled is off); an instance that does will poll it.",
            (await admin.GetHtmlAsync("/admin/sources")).QuerySelector(".flash")!.TextContent.Trim());
        await admin.SubmitAsync($"/admin/sources/{source.Id}", "#source-form", new() { ["minutes"] = "1" });
        await admin.SubmitAsync($"/admin/sources/{source.Id}", "#source-form", new() { ["minutes"] = "15", ["trusted"] = "true" });

        var stored = await app.WithDbAsync(db => db.Sources.SingleAsync(s => s.Id == source.Id));
        Assert.True(stored.NextPollAt <= DateTime.UtcNow);
        Assert.Equal((TimeSpan.FromMinutes(15), true), (stored.PollInterval, stored.TrustedToPublish));
        var audit = await admin.GetHtmlAsync($"/admin/audit?entityType=source&entityId={source.Id}");
        Assert.Equal(["source.edit", "source.poll", "source.create"], audit.QuerySelectorAll("#audit code").Select(c => c.TextContent));
        var byAction = await admin.GetHtmlAsync("/admin/audit?action=source.po&user=admin@");
        Assert.All(byAction.QuerySelectorAll("#audit code"), c => Assert.Equal("source.poll", c.TextContent));
    }

    private async Task<Article> PublishedAsync(string headline)
    {
        var story = await app.CreateStoryAsync(headline, "Body.");
        var outcome = await app.WithServiceAsync<StoryDesk, StoryOutcome>(d => d.TransitionAsync(story.Id, story.Version, StoryAction.Publish, NewsDesk.Core.Audit.Actor.System("test")));
        Assert.True(outcome.Succeeded);
        return outcome.Article!;
    }
}
