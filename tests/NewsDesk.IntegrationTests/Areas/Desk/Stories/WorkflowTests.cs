using System.Net;
using Microsoft.EntityFrameworkCore;
using NewsDesk.Core.Articles;
using NewsDesk.Core.Taxonomy;
using NewsDesk.TestSupport;

namespace NewsDesk.IntegrationTests.Areas.Desk.Stories;

public sealed class WorkflowTests(DeskApp app) : IClassFixture<DeskApp>
{
    [Fact]
    public async Task A_story_goes_from_draft_to_review_to_published_and_readers_see_it_only_then()
    {
        var editor = await app.SignInAsync("Editor");
        var created = await editor.SubmitAsync("/desk/stories/new", "#create-form", new()
        {
            ["Input.Headline"] = "Coast guard ships enter contiguous zone",
            ["Input.Body"] = "Four ships **entered** the zone.\n\n## Response\n\nTokyo protested.",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var url = created.Location()!;
        var id = int.Parse(url.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
        var article = await app.ArticleAsync(id);
        Assert.Equal(ArticleStatus.Draft, article.Status);
        Assert.Equal("coast-guard-ships-enter-contiguous-zone", article.Slug);
        var anonymous = app.CreateHttpsClient();
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(new Uri("/articles/" + article.Slug, UriKind.Relative), TestContext.Current.CancellationToken)).StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await editor.SubmitAsync(url, "#story-form", new() { ["Act"] = "submit" })).StatusCode);
        Assert.Equal(ArticleStatus.InReview, (await app.ArticleAsync(id)).Status);
        Assert.Equal("In review", (await editor.GetHtmlAsync(url)).QuerySelector("#story-status")!.TextContent);

        Assert.Equal(HttpStatusCode.Redirect, (await editor.SubmitAsync(url, "#story-form", new() { ["Act"] = "publish" })).StatusCode);
        article = await app.ArticleAsync(id);
        Assert.Equal(ArticleStatus.Published, article.Status);
        Assert.NotNull(article.PublishedAt);
        var page = await anonymous.GetHtmlAsync("/articles/" + article.Slug);
        Assert.Equal("Coast guard ships enter contiguous zone", page.QuerySelector("h1")!.TextContent);
        Assert.Equal("entered", page.QuerySelector(".body strong")!.TextContent);

        Assert.Equal(HttpStatusCode.Redirect, (await editor.SubmitAsync(url, "#story-form", new() { ["Act"] = "unpublish" })).StatusCode);
        Assert.Equal(ArticleStatus.Unpublished, (await app.ArticleAsync(id)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(new Uri("/articles/" + article.Slug, UriKind.Relative), TestContext.Current.CancellationToken)).StatusCode);

        var revisions = await app.WithDbAsync(db => db.ArticleRevisions.Where(r => r.ArticleId == id).OrderBy(r => r.Number).Select(r => r.Reason).ToListAsync());
        Assert.Equal(["create", "edit", "submit", "edit", "publish", "edit", "unpublish"], revisions);
        var audit = await app.WithDbAsync(db => db.AuditEntries.Where(e => e.EntityType == "article" && e.EntityId == id.ToString(System.Globalization.CultureInfo.InvariantCulture)).Select(e => e.Action + " by " + e.UserName).ToListAsync());
        Assert.Contains("article.publish by editor@newsdesk.test", audit);
        Assert.Contains("article.unpublish by editor@newsdesk.test", audit);
    }

    [Fact]
    public async Task A_scheduled_story_stays_private_until_its_time()
    {
        var editor = await app.SignInAsync("Editor");
        var story = await app.CreateStoryAsync("Scheduled bomber flight analysis", "Body.");
        var url = $"/desk/stories/{story.Id}";

        var response = await editor.SubmitAsync(url, "#story-form", new() { ["Act"] = "schedule", ["ScheduleAt"] = DateTime.UtcNow.AddDays(2).ToString("yyyy-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture) });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var article = await app.ArticleAsync(story.Id);
        Assert.Equal(ArticleStatus.Published, article.Status);
        Assert.True(article.PublishedAt > DateTime.UtcNow.AddDays(1));
        Assert.Equal("Scheduled", (await editor.GetHtmlAsync(url)).QuerySelector("#story-status")!.TextContent);
        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateHttpsClient().GetAsync(new Uri("/articles/" + article.Slug, UriKind.Relative), TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task A_schedule_in_the_past_is_refused_and_the_text_is_kept()
    {
        var editor = await app.SignInAsync("Editor");
        var story = await app.CreateStoryAsync("Past schedule", "Body.");

        var response = await editor.SubmitAsync($"/desk/stories/{story.Id}", "#story-form", new() { ["Act"] = "schedule", ["ScheduleAt"] = "2001-01-01T10:00", ["Input.Body"] = "Unsaved words" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("must be in the future", html, StringComparison.Ordinal);
        Assert.Contains("Unsaved words", html, StringComparison.Ordinal);
        Assert.Equal(ArticleStatus.Draft, (await app.ArticleAsync(story.Id)).Status);
    }

    [Fact]
    public async Task Changing_a_published_slug_redirects_the_old_address_permanently()
    {
        var editor = await app.SignInAsync("Editor");
        var story = await app.CreateStoryAsync("Old slug story", "Body.");
        var url = $"/desk/stories/{story.Id}";
        await editor.SubmitAsync(url, "#story-form", new() { ["Act"] = "publish" });

        var saved = await editor.SubmitAsync(url, "#story-form", new() { ["Input.Slug"] = "new-slug-story" });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var anonymous = app.CreateHttpsClient();
        var old = await anonymous.GetAsync(new Uri("/articles/old-slug-story?x=1", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.MovedPermanently, old.StatusCode);
        Assert.Equal("/articles/new-slug-story?x=1", old.Location());
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(new Uri("/articles/new-slug-story", UriKind.Relative), TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task A_draft_slug_change_leaves_no_redirect_and_a_taken_slug_is_refused()
    {
        var editor = await app.SignInAsync("Editor");
        var first = await app.CreateStoryAsync("Slug owner", "Body.");
        var second = await app.CreateStoryAsync("Slug taker", "Body.");

        var refused = await editor.SubmitAsync($"/desk/stories/{second.Id}", "#story-form", new() { ["Input.Slug"] = first.Slug });
        var renamed = await editor.SubmitAsync($"/desk/stories/{second.Id}", "#story-form", new() { ["Input.Slug"] = "slug-taker-renamed" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("already used by another story", await refused.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, renamed.StatusCode);
        Assert.False(await app.WithDbAsync(db => db.SlugRedirects.AnyAsync(r => r.TargetId == second.Id && r.Kind == SlugKind.Article)));
    }

    [Fact]
    public async Task A_correction_note_on_a_published_story_is_dated_and_kept_in_the_revision()
    {
        var editor = await app.SignInAsync("Editor");
        var story = await app.CreateStoryAsync("Corrected story", "Body.");
        var url = $"/desk/stories/{story.Id}";
        await editor.SubmitAsync(url, "#story-form", new() { ["Act"] = "publish" });

        await editor.SubmitAsync(url, "#story-form", new() { ["Input.CorrectionNote"] = "An earlier version misnamed the ship." });

        var article = await app.ArticleAsync(story.Id);
        Assert.Equal("An earlier version misnamed the ship.", article.CorrectionNote);
        Assert.NotNull(article.CorrectedAt);
        var preview = await editor.GetHtmlAsync($"{url}/preview");
        Assert.Contains("misnamed the ship", preview.QuerySelector(".correction")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("An earlier version misnamed the ship.", await app.WithDbAsync(db => db.ArticleRevisions.Where(r => r.ArticleId == story.Id).OrderByDescending(r => r.Number).Select(r => r.CorrectionNote).FirstAsync()));
    }

    [Fact]
    public async Task The_preview_shows_a_draft_as_readers_would_with_hostile_markdown_defused()
    {
        var editor = await app.SignInAsync("Editor");
        var story = await app.CreateStoryAsync("Preview me", "Hello <script>alert(1)</script> [x](javascript:alert(1)) **bold**");

        var page = await editor.GetHtmlAsync($"/desk/stories/{story.Id}/preview");

        Assert.Equal("Preview me", page.QuerySelector("article.story h1")!.TextContent);
        Assert.Empty(page.QuerySelectorAll("article.story script"));
        Assert.DoesNotContain("javascript:", page.QuerySelector("article.story .body")!.InnerHtml, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("bold", page.QuerySelector("article.story .body strong")!.TextContent);
        Assert.NotNull(page.QuerySelector("link[href*='NewsDesk.Reading/css/site']"));
    }
}
