using NewsDesk.Core.Articles;
using NewsDesk.IntegrationTests.Reading;

namespace NewsDesk.IntegrationTests.Pages.Authors;

public sealed class IndexTests
{
    [Fact]
    public async Task The_author_index_counts_every_published_story_a_byline_names_them_in()
    {
        await using var app = new ReadingApp();
        await app.InitializeAsync();
        await app.WriteAsync(async db =>
        {
            var now = DateTime.UtcNow;
            var shared = new Article("shared-byline", "Patrol boats meet at sea", "Two patrols met.", ArticleStatus.Draft, now.AddHours(-2)) { Byline = "By aiko tanaka; Dana Wu" };
            shared.Publish(now.AddHours(-2));
            var draft = new Article("bylined-draft", "Not yet", "Draft.", ArticleStatus.Draft, now) { Byline = "Drew Draft" };
            var scheduled = new Article("bylined-scheduled", "Later", "Embargoed.", ArticleStatus.Draft, now) { Byline = "Sam Later" };
            scheduled.Publish(now.AddDays(1));
            db.Articles.AddRange(shared, draft, scheduled);
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        });

        var page = await app.CreateClient().GetDocumentAsync("/authors");

        Assert.Equal("Authors", page.QuerySelector("h1")!.TextContent);
        var authors = page.QuerySelectorAll(".count-list li")
            .Select(li => (li.QuerySelector("a")!.TextContent, li.QuerySelector("a")!.GetAttribute("href"), li.QuerySelector(".count")!.TextContent))
            .ToList();
        // Aiko Tanaka is named as her newest byline prints her; drafts and scheduled stories name nobody yet.
        Assert.Equal(
            [
                ("aiko tanaka", "/authors/aiko-tanaka", "3"),
                ("Ben Ortiz", "/authors/ben-ortiz", "3"),
                ("Carla Reyes", "/authors/carla-reyes", "1"),
                ("Dana Wu", "/authors/dana-wu", "1"),
                ("Zaini Majeed", "/authors/zaini-majeed", "1"),
            ],
            authors);
        Assert.Contains(page.QuerySelectorAll("footer a"), a => a.GetAttribute("href") == "/authors");
    }
}
