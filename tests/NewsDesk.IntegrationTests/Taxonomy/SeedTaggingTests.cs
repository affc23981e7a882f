using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsDesk.Core.Articles;
using NewsDesk.Core.Data;
using NewsDesk.Core.Taxonomy;
using NewsDesk.TestSupport;

namespace NewsDesk.IntegrationTests.Taxonomy;

/// <summary>The host syncs the built-in taxonomy at start and the seed import tags the story.</summary>
public sealed class SeedTaggingTests
{
    [Fact]
    public async Task The_seed_story_is_filed_under_its_countries_regions_topics_and_people_at_first_start()
    {
        using var app = new NewsDeskAppFactory();
        app.CreateClient();

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsDeskDbContext>();
        var links = await db.ArticleTerms.AsNoTracking()
            .Where(ArticleTerm.IsPublic)
            .Select(l => new { l.Term.Type, l.Term.Slug, l.Term.Name, Kind = (RegionKind?)(l.Term as Region)!.Kind, l.Score })
            .ToListAsync(TestContext.Current.CancellationToken);

        Assert.Contains(links, l => l.Type == TermType.Region && l.Slug == "japan" && l.Kind == RegionKind.Country);
        Assert.Contains(links, l => l.Type == TermType.Region && l.Slug == "vietnam");
        Assert.Contains(links, l => l.Type == TermType.Region && l.Slug == "eastern-asia" && l.Kind == RegionKind.Subregion);
        Assert.Contains(links, l => l.Type == TermType.Topic && l.Slug == "cyber-security");
        Assert.Contains(links, l => l.Type == TermType.Tag && l.Name == "Nobuo Kishi");
        Assert.DoesNotContain(app.Logs.Errors, e => e.Length > 0);
    }
}
