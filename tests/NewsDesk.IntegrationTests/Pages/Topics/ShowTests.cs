using System.Net;
using Microsoft.EntityFrameworkCore;
using NewsDesk.Core.Articles;
using NewsDesk.IntegrationTests.Reading;

namespace NewsDesk.IntegrationTests.Pages.Topics;

public sealed class ShowTests(ReadingApp app) : IClassFixture<ReadingApp>
{
    [Fact]
    public async Task A_topic_page_lists_its_stories_with_description_and_feed()
    {
        // Built-in topics come without a description; an admin writes one.
        await app.WriteAsync(async db =>
        {
            (await db.Topics.SingleAsync(t => t.Slug == "cyber-security", TestContext.Current.CancellationToken)).Description = "Attacks, espionage and defence in cyberspace.";
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        });

        var page = await app.CreateClient().GetDocumentAsync("/topics/cyber-security");

        Assert.Equal("Cyber security", page.QuerySelector("h1")!.TextContent);
        Assert.Equal("Attacks, espionage and defence in cyberspace.", page.QuerySelector(".listing-header .standfirst")!.TextContent);
        Assert.Equal(["Ransomware hits Tokyo port operator", "Vietnam and Japan sign cyber defence pact", ReadingApp.SeedHeadline], page.Texts(".story-list h3 a"));
        Assert.Equal("/topics/cyber-security/feed.xml", page.QuerySelector("link[rel=alternate][type='application/atom+xml']")!.GetAttribute("href"));
        Assert.Null(page.QuerySelector("meta[name=robots]"));
    }

    [Fact]
    public async Task The_topics_index_lists_every_topic_and_quiets_those_without_stories()
    {
        var (all, withStories) = await app.ReadAsync(async db =>
        {
            var topics = await db.Topics.Where(t => t.RetiredAt == null && t.MergedIntoId == null).Select(t => new { t.Id, t.Name }).ToListAsync(TestContext.Current.CancellationToken);
            var now = DateTime.UtcNow;
            var filed = await db.ArticleTerms.Where(ArticleTerm.IsPublic)
                .Where(l => l.Article.Status == ArticleStatus.Published && l.Article.PublishedAt <= now)
                .Select(l => l.TermId).Distinct().ToListAsync(TestContext.Current.CancellationToken);
            return (topics.Select(t => t.Name).ToHashSet(), topics.Where(t => filed.Contains(t.Id)).Select(t => t.Name).ToHashSet());
        });

        var page = await app.CreateClient().GetDocumentAsync("/topics");

        var items = page.QuerySelectorAll(".topics li").ToList();
        Assert.Equal(all.Order(StringComparer.CurrentCulture), items.Select(li => li.QuerySelector("a")!.TextContent));
        // Two sample stories and the seed story are about cyber security.
        Assert.Contains(items, li => string.Join(' ', li.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)) == "Cyber security 3" && !li.ClassList.Contains("quiet"));
        Assert.Equal(withStories, items.Where(li => !li.ClassList.Contains("quiet")).Select(li => li.QuerySelector("a")!.TextContent).ToHashSet());
        Assert.Contains(items, li => li.ClassList.Contains("quiet"));
        Assert.All(items.Where(li => li.ClassList.Contains("quiet")), li => Assert.Equal("no stories yet", li.QuerySelector(".count")!.TextContent));
    }

    [Fact]
    public async Task An_unknown_topic_is_not_found()
    {
        await app.CreateClient().GetDocumentAsync("/topics/underwater-basket-weaving", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_topic_without_stories_is_a_page_kept_out_of_search_engines()
    {
        var slug = await app.ReadAsync(db => db.Topics.Where(t => !t.Articles.Any()).OrderBy(t => t.Slug).Select(t => t.Slug).FirstAsync(TestContext.Current.CancellationToken));

        var page = await app.CreateClient().GetDocumentAsync("/topics/" + slug);

        Assert.Equal("No stories yet.", page.QuerySelector(".empty")!.TextContent);
        Assert.Equal("noindex, follow", page.QuerySelector("meta[name=robots]")!.GetAttribute("content"));
    }
}
