using System.Net;
using NewsDesk.Core.Taxonomy;
using NewsDesk.IntegrationTests.Reading;

namespace NewsDesk.IntegrationTests.Pages.Tags;

public sealed class ShowTests(ReadingApp app) : IClassFixture<ReadingApp>
{
    [Fact]
    public async Task A_tag_page_lists_the_stories_about_that_thing()
    {
        var page = await app.CreateClient().GetDocumentAsync("/tags/h-6-bomber");

        Assert.Equal("H-6 bomber", page.QuerySelector("h1")!.TextContent);
        Assert.Equal("Equipment", page.QuerySelector(".kicker")!.TextContent);
        Assert.Equal(["Japan scrambles jets as Chinese bombers near Okinawa"], page.Texts(".story-list h3 a"));
    }

    [Fact]
    public async Task A_rejected_link_does_not_put_a_story_on_the_tag_page()
    {
        using var rejected = new ReadingApp();
        await rejected.InitializeAsync();
        await rejected.WriteAsync(async db =>
        {
            var link = await db.ArticleTerms.FindAsync([rejected.Sample.Stories["kishi"].Id, rejected.Sample.Bomber.Id], TestContext.Current.CancellationToken);
            link!.Decision = NewsDesk.Core.Articles.LinkDecision.Rejected;
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        });

        var page = await rejected.CreateClient().GetDocumentAsync("/tags/h-6-bomber");

        Assert.Empty(page.QuerySelectorAll(".story-list li"));
    }

    [Fact]
    public async Task A_renamed_tag_redirects_and_an_unknown_one_is_not_found()
    {
        await app.WriteAsync(async db =>
        {
            db.SlugRedirects.Add(new SlugRedirect { Kind = SlugKind.Tag, FromSlug = "xian-h-6", TargetId = app.Sample.Bomber.Id, CreatedAt = DateTime.UtcNow });
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        });

        using var moved = await app.NoRedirects().GetResponseAsync("/tags/xian-h-6");
        Assert.Equal(HttpStatusCode.MovedPermanently, moved.StatusCode);
        Assert.Equal("/tags/h-6-bomber", moved.Headers.Location!.OriginalString);
        await app.CreateClient().GetDocumentAsync("/tags/no-such-tag", HttpStatusCode.NotFound);
    }
}
