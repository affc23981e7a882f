using System.Net;
using NewsDesk.IntegrationTests.Reading;

namespace NewsDesk.IntegrationTests.Pages.Topics;

public sealed class ShowTests(ReadingApp app) : IClassFixture<ReadingApp>
{
    [Fact]
    public async Task A_topic_page_lists_its_stories_with_description_and_feed()
    {
        var page = await app.CreateClient().GetDocumentAsync("/topics/cyber-security");

        Assert.Equal("Cyber security", page.QuerySelector("h1")!.TextContent);
        Assert.Equal("Attacks, espionage and defence in cyberspace.", page.QuerySelector(".listing-header .standfirst")!.TextContent);
        Assert.Equal(["Ransomware hits Tokyo port operator", "Vietnam and Japan sign cyber defence pact"], page.Texts(".story-list h3 a"));
        Assert.Equal("/topics/cyber-security/feed.xml", page.QuerySelector("link[rel=alternate][type='application/atom+xml']")!.GetAttribute("href"));
    }

    [Fact]
    public async Task The_topics_index_lists_every_topic_with_its_count()
    {
        var page = await app.CreateClient().GetDocumentAsync("/topics");

        Assert.Equal(["Cyber security 2", "Defence cooperation 2", "Maritime security 3"], page.QuerySelectorAll(".topics li").Select(li => li.TextContent.Trim()));
    }

    [Fact]
    public async Task An_unknown_topic_is_not_found()
    {
        await app.CreateClient().GetDocumentAsync("/topics/piracy", HttpStatusCode.NotFound);
    }
}
