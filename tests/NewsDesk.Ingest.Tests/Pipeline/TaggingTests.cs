using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsDesk.Core.Articles;
using NewsDesk.Core.Taxonomy;

namespace NewsDesk.Ingest.Tests.Pipeline;

/// <summary>Ingest with the hosts' own tagger: batches tag as one unit of work, and the result is what tagging each article alone gives.</summary>
public sealed class TaggingTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_batch_links_each_item_exactly_as_tagging_it_alone_would()
    {
        await using var harness = await IngestHarness.CreateAsync(realTagger: true);
        var feed = harness.Files.Write("wire.xml", Fixtures.Rss(
            "Wire",
            ("g1", "https://wire.example/1", "Japan and Vietnam sign defence pact", "Defence Minister Nobuo Kishi met Phan Van Giang in Hanoi. Chinese coast guard ships entered waters near the Senkaku Islands."),
            ("g2", "https://wire.example/2", "Kishi visits Manila", "Defence Minister Nobuo Kishi flew to Manila for talks on maritime security in the South China Sea."),
            ("g3", "https://wire.example/3", "Cyber attack hits Taiwan ministry", "Hackers attacked servers of a ministry in Taipei, officials said.")));

        var summary = await harness.IngestAsync(feed);

        Assert.True(summary.Added == 3, string.Join("; ", summary.Rejected.Select(r => r.Reason)));
        await using var scope = harness.Store.NewContext();
        var stored = await scope.Db.ArticleTerms.AsNoTracking()
            .Select(l => new { l.Article.ExternalId, l.TermId, l.Score, l.Origin, l.Decision, l.Evidence })
            .ToListAsync(Ct);
        var tagger = scope.Services.GetRequiredService<IArticleTagger>();
        foreach (var article in await scope.Db.Articles.AsNoTracking().ToListAsync(Ct))
        {
            var alone = new Article("x", article.Headline, article.Body, ArticleStatus.Incoming, DateTime.UtcNow) { Standfirst = article.Standfirst };
            await tagger.TagAsync(alone, Ct);
            var expected = alone.Terms.Select(l => (l.TermId == 0 ? l.Term.Id : l.TermId, l.Score, l.Origin, l.Decision, l.Evidence)).OrderBy(l => l.Item1);
            var actual = stored.Where(l => l.ExternalId == article.ExternalId).Select(l => (l.TermId, l.Score, l.Origin, l.Decision, l.Evidence)).OrderBy(l => l.TermId);
            Assert.NotEmpty(actual);
            Assert.Equal(expected, actual);
        }

        // Two items of one batch naming the same new person share one tag.
        var kishi = await scope.Db.Tags.AsNoTracking().Where(t => t.Key == "person:nobuo-kishi").Select(t => new { t.Id, Links = t.Articles.Count }).SingleAsync(Ct);
        Assert.Equal(2, kishi.Links);
    }

    [Fact]
    public async Task An_updated_item_is_retagged_without_touching_the_editors_decisions()
    {
        await using var harness = await IngestHarness.CreateAsync(realTagger: true);
        var path = harness.Files.Write("wire.xml", Fixtures.Rss("Wire", ("g1", "https://wire.example/1", "Japan and Vietnam sign pact", "Japan and Vietnam signed a defence pact in Hanoi.")));
        await harness.IngestAsync(path);
        await using (var scope = harness.Store.NewContext())
        {
            var links = await scope.Db.ArticleTerms.Include(l => l.Term).ToListAsync(Ct);
            links.Single(l => l.Term.Key == "country:JP").Decision = LinkDecision.Rejected;
            var peru = await scope.Db.Regions.SingleAsync(r => r.Key == "country:PE", Ct);
            scope.Db.ArticleTerms.Add(new ArticleTerm { ArticleId = links[0].ArticleId, TermId = peru.Id, Score = 1, Origin = LinkOrigin.Editor, Decision = LinkDecision.Accepted });
            await scope.Db.SaveChangesAsync(Ct);
        }

        harness.Files.Write("wire.xml", Fixtures.Rss("Wire", ("g1", "https://wire.example/1", "Japan and Vietnam sign pact", "Japan and Vietnam signed a defence pact in Hanoi. Australia welcomed it.")));
        var summary = await harness.IngestAsync(path);

        Assert.Equal(1, summary.Updated);
        await using var check = harness.Store.NewContext();
        var after = await check.Db.ArticleTerms.AsNoTracking().Select(l => new { l.Term.Key, l.Origin, l.Decision }).ToListAsync(Ct);
        Assert.Contains(after, l => l.Key == "country:JP" && l.Decision == LinkDecision.Rejected);
        Assert.Contains(after, l => l.Key == "country:PE" && l.Origin == LinkOrigin.Editor && l.Decision == LinkDecision.Accepted);
        Assert.Contains(after, l => l.Key == "country:AU" && l.Origin == LinkOrigin.Auto);
    }
}
