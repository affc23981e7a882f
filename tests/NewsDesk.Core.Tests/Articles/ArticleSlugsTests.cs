using NewsDesk.Core.Articles;
using NewsDesk.Core.Taxonomy;
using NewsDesk.TestSupport;

namespace NewsDesk.Core.Tests.Articles;

public sealed class ArticleSlugsTests
{
    [Fact]
    public async Task A_taken_slug_gets_the_next_numeric_suffix()
    {
        await using var store = await TestStore.CreateAsync();
        await using var scope = store.NewContext();
        scope.Db.Articles.Add(new Article("coast-guard-incursion", "Coast guard incursion", "Body", ArticleStatus.Draft, DateTime.UtcNow));
        scope.Db.Articles.Add(new Article("coast-guard-incursion-2", "Coast guard incursion", "Body", ArticleStatus.Draft, DateTime.UtcNow));
        await scope.Db.SaveChangesAsync(TestContext.Current.CancellationToken);

        var slug = await ArticleSlugs.FreeSlugAsync(scope.Db, "Coast guard incursion!", cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal("coast-guard-incursion-3", slug);
    }

    [Fact]
    public async Task An_old_slug_that_redirects_is_not_given_out_again()
    {
        await using var store = await TestStore.CreateAsync();
        await using var scope = store.NewContext();
        scope.Db.SlugRedirects.Add(new SlugRedirect { Kind = SlugKind.Article, FromSlug = "bomber-flights", TargetId = 7 });
        await scope.Db.SaveChangesAsync(TestContext.Current.CancellationToken);

        var slug = await ArticleSlugs.FreeSlugAsync(scope.Db, "Bomber flights", cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal("bomber-flights-2", slug);
    }

    [Fact]
    public async Task A_headline_with_nothing_sluggable_falls_back_to_article()
    {
        await using var store = await TestStore.CreateAsync();
        await using var scope = store.NewContext();

        Assert.Equal("article", await ArticleSlugs.FreeSlugAsync(scope.Db, "?!", cancellationToken: TestContext.Current.CancellationToken));
    }
}
