using NewsDesk.Core.Articles;
using NewsDesk.Core.Taxonomy;
using NewsDesk.IntegrationTests.Reading;

namespace NewsDesk.IntegrationTests.Pages.Tags;

public sealed class IndexTests
{
    [Fact]
    public async Task The_tag_index_lists_tags_with_public_stories_by_kind_with_their_counts()
    {
        await using var app = new ReadingApp();
        await app.InitializeAsync();
        await app.WriteAsync(async db =>
        {
            var ct = TestContext.Current.CancellationToken;
            var admiral = new Tag("admiral-quiet", "Admiral Quiet", TagKind.Person);
            var coastGuard = new Tag("china-coast-guard", "China Coast Guard", TagKind.Organisation);
            db.Tags.AddRange(admiral, coastGuard, new Tag("unused-drone", "Unused drone", TagKind.Equipment));
            await db.SaveChangesAsync(ct);
            db.ArticleTerms.AddRange(
                new ArticleTerm { ArticleId = app.Sample.Stories["scs-collision"].Id, TermId = coastGuard.Id, Score = 0.9, Origin = LinkOrigin.Auto },
                new ArticleTerm { ArticleId = app.Sample.Stories["senkaku-patrol"].Id, TermId = coastGuard.Id, Score = 0.3, Origin = LinkOrigin.Editor, Decision = LinkDecision.Accepted },
                // A suggestion too weak to show, and a rejected one: neither puts the admiral on the index.
                new ArticleTerm { ArticleId = app.Sample.Stories["kishi"].Id, TermId = admiral.Id, Score = 0.2, Origin = LinkOrigin.Auto },
                new ArticleTerm { ArticleId = app.Sample.Stories["tokyo-cyber"].Id, TermId = admiral.Id, Score = 0.9, Origin = LinkOrigin.Auto, Decision = LinkDecision.Rejected });
            await db.SaveChangesAsync(ct);
        });

        var page = await app.CreateClient().GetDocumentAsync("/tags");

        Assert.Equal("Tags", page.QuerySelector("h1")!.TextContent);
        // The sample's stories name two people the built-in taxonomy knows, so the tagger filed them under those too.
        Assert.Equal(["People", "Organisations", "Equipment"], page.Texts("section h2"));
        List<(string, string?, string)> Items(string kind) =>
            [.. page.QuerySelectorAll("section").Single(s => s.QuerySelector("h2")!.TextContent == kind).QuerySelectorAll("li")
                .Select(li => (li.QuerySelector("a")!.TextContent, li.QuerySelector("a")!.GetAttribute("href"), li.QuerySelector(".count")!.TextContent))];
        Assert.DoesNotContain(Items("People"), i => i.Item1 == "Admiral Quiet");
        Assert.Equal([("China Coast Guard", "/tags/china-coast-guard", "2")], Items("Organisations"));
        Assert.Equal([("H-6 bomber", "/tags/h-6-bomber", "1")], Items("Equipment"));
        var people = Items("People").Select(i => i.Item1).ToList();
        Assert.Equal(people.Order(StringComparer.CurrentCultureIgnoreCase), people);
        Assert.Contains(page.QuerySelectorAll("footer a"), a => a.GetAttribute("href") == "/tags");
    }
}
