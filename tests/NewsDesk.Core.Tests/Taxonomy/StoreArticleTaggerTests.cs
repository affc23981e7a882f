using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsDesk.Core.Articles;
using NewsDesk.Core.Taxonomy;
using NewsDesk.TestSupport;

namespace NewsDesk.Core.Tests.Taxonomy;

public sealed class StoreArticleTaggerTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Article NewArticle(string headline, string body, string? standfirst = null) =>
        new(Guid.NewGuid().ToString("N"), headline, body, ArticleStatus.Draft, DateTime.UtcNow) { Standfirst = standfirst };

    private static async Task<int> AddTaggedAsync(TestStore store, Article article)
    {
        await using var scope = store.NewContext();
        scope.Db.Articles.Add(article);
        await scope.Services.GetRequiredService<IArticleTagger>().TagAsync(article, Ct);
        await scope.Db.SaveChangesAsync(Ct);
        return article.Id;
    }

    private static async Task<List<(string Key, string Type, double Score, LinkOrigin Origin, LinkDecision Decision, string? Evidence)>> LinksAsync(TestStore store, int articleId)
    {
        await using var scope = store.NewContext();
        return [.. (await scope.Db.ArticleTerms.Where(l => l.ArticleId == articleId)
            .Select(l => new { l.Term.Key, l.Term.Slug, Type = l.Term.Type.ToString(), l.Score, l.Origin, l.Decision, l.Evidence }).ToListAsync(Ct))
            .Select(l => (l.Key ?? l.Slug, l.Type, l.Score, l.Origin, l.Decision, l.Evidence))];
    }

    [Fact]
    public async Task Tagging_links_regions_topics_and_new_tags_with_scores_and_evidence()
    {
        await using var store = await TestStore.CreateAsync();
        var id = await AddTaggedAsync(store, NewArticle(
            "Japan, Vietnam sign cyber defence pact",
            "Japan and Vietnam signed a defence cooperation pact. Defence Minister Nobuo Kishi met his Vietnamese counterpart Phan Van Giang in Tokyo.\n\nChinese coast guard ships again entered waters around the Senkaku Islands in the East China Sea.",
            standfirst: "The cybersecurity deal counters China."));

        var links = await LinksAsync(store, id);

        Assert.Contains(links, l => l.Key == "country:JP" && l.Score >= ArticleTerm.PublicScoreThreshold);
        Assert.Contains(links, l => l.Key == "m49:030" && l.Type == "Region");
        Assert.Contains(links, l => l.Key == "disputed:senkaku-islands");
        Assert.Contains(links, l => l.Key == "topic:defence-cooperation" && l.Type == "Topic");
        Assert.Contains(links, l => l.Key == "person:nobuo-kishi" && l.Type == "Tag");
        Assert.All(links, l => Assert.Equal(LinkOrigin.Auto, l.Origin));
        var japan = links.Single(l => l.Key == "country:JP");
        using var evidence = JsonDocument.Parse(japan.Evidence!);
        var first = evidence.RootElement[0];
        Assert.Equal("headline", first.GetProperty("field").GetString());
        Assert.Equal("Japan", first.GetProperty("text").GetString());
        Assert.Equal(0, first.GetProperty("start").GetInt32());
        await using var scope = store.NewContext();
        var kishi = await scope.Db.Tags.SingleAsync(t => t.Key == "person:nobuo-kishi", Ct);
        Assert.Equal(NewsDesk.Core.Taxonomy.TagKind.Person, kishi.Kind);
        Assert.Equal("nobuo-kishi", kishi.Slug);
    }

    [Fact]
    public async Task Evidence_offsets_point_into_the_article_s_own_fields()
    {
        await using var store = await TestStore.CreateAsync();
        var article = NewArticle("Drills near Taiwan", "The People's Liberation Army sent ships near Taiwan.", standfirst: "China warns Taipei.");
        var id = await AddTaggedAsync(store, article);

        var links = await LinksAsync(store, id);

        foreach (var link in links)
        {
            using var evidence = JsonDocument.Parse(link.Evidence!);
            foreach (var e in evidence.RootElement.EnumerateArray())
            {
                var field = e.GetProperty("field").GetString() switch
                {
                    "headline" => article.Headline,
                    "standfirst" => article.Standfirst!,
                    _ => article.Body,
                };
                Assert.Equal(e.GetProperty("text").GetString(), field[e.GetProperty("start").GetInt32()..e.GetProperty("end").GetInt32()]);
            }
        }
    }

    [Fact]
    public async Task Retagging_keeps_editor_decisions_and_removes_stale_suggestions()
    {
        await using var store = await TestStore.CreateAsync();
        var id = await AddTaggedAsync(store, NewArticle("Japan and Vietnam sign pact", "Japan and Vietnam signed a defence pact in Hanoi. Russia was not mentioned again."));
        await using (var scope = store.NewContext())
        {
            var links = await scope.Db.ArticleTerms.Include(l => l.Term).Where(l => l.ArticleId == id).ToListAsync(Ct);
            links.Single(l => l.Term.Key == "country:JP").Decision = LinkDecision.Rejected;
            links.Single(l => l.Term.Key == "country:RU").Decision = LinkDecision.Accepted;
            var peru = await scope.Db.Regions.SingleAsync(r => r.Key == "country:PE", Ct);
            scope.Db.ArticleTerms.Add(new ArticleTerm { ArticleId = id, TermId = peru.Id, Score = 1, Origin = LinkOrigin.Editor, Decision = LinkDecision.Accepted });
            var article = await scope.Db.Articles.SingleAsync(a => a.Id == id, Ct);
            article.Body = "Vietnam signed a defence pact in Hanoi with Japan.";
            await scope.Db.SaveChangesAsync(Ct);
        }

        await using (var scope = store.NewContext())
        {
            var article = await scope.Db.Articles.SingleAsync(a => a.Id == id, Ct);
            article.Headline = "Vietnam signs pact";
            await scope.Services.GetRequiredService<IArticleTagger>().TagAsync(article, Ct);
            await scope.Db.SaveChangesAsync(Ct);
        }

        var after = await LinksAsync(store, id);
        Assert.Equal(LinkDecision.Rejected, after.Single(l => l.Key == "country:JP").Decision);
        Assert.Equal(LinkDecision.Accepted, after.Single(l => l.Key == "country:RU").Decision);
        Assert.Equal(LinkOrigin.Editor, after.Single(l => l.Key == "country:PE").Origin);
        Assert.Contains(after, l => l.Key == "country:VN" && l.Decision == LinkDecision.None);
        Assert.DoesNotContain(after, l => l.Key == "topic:no-such-topic");
    }

    [Fact]
    public async Task A_suggestion_no_longer_found_is_removed_on_retagging()
    {
        await using var store = await TestStore.CreateAsync();
        var id = await AddTaggedAsync(store, NewArticle("Chile and Peru hold drills", "Chile and Peru held naval drills off the coast."));
        Assert.Contains(await LinksAsync(store, id), l => l.Key == "country:PE");

        await using (var scope = store.NewContext())
        {
            var article = await scope.Db.Articles.SingleAsync(a => a.Id == id, Ct);
            article.Headline = "Chile holds drills";
            article.Body = "Chile held naval drills off the coast.";
            await scope.Services.GetRequiredService<IArticleTagger>().TagAsync(article, Ct);
            await scope.Db.SaveChangesAsync(Ct);
        }

        var after = await LinksAsync(store, id);
        Assert.DoesNotContain(after, l => l.Key == "country:PE");
        Assert.Contains(after, l => l.Key == "country:CL");
    }

    [Fact]
    public async Task A_tag_merged_by_an_admin_receives_the_links_of_the_merged_one()
    {
        await using var store = await TestStore.CreateAsync();
        await AddTaggedAsync(store, NewArticle("Kishi meets Giang", "Defence Minister Nobuo Kishi met his counterpart."));
        await using (var scope = store.NewContext())
        {
            var kishi = await scope.Db.Tags.SingleAsync(t => t.Key == "person:nobuo-kishi", Ct);
            var canonical = new NewsDesk.Core.Taxonomy.Tag("kishi-nobuo", "Kishi Nobuo", NewsDesk.Core.Taxonomy.TagKind.Person);
            scope.Db.Tags.Add(canonical);
            await scope.Db.SaveChangesAsync(Ct);
            kishi.MergedIntoId = canonical.Id;
            await scope.Db.SaveChangesAsync(Ct);
        }

        var id = await AddTaggedAsync(store, NewArticle("Kishi again", "Defence Minister Nobuo Kishi warned Beijing."));

        Assert.Contains(await LinksAsync(store, id), l => l.Key == "kishi-nobuo");
        Assert.DoesNotContain(await LinksAsync(store, id), l => l.Key == "person:nobuo-kishi");
    }
}
