using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsDesk.Core.Articles;
using NewsDesk.Core.Content;
using NewsDesk.Core.Taxonomy;
using NewsDesk.TestSupport;

namespace NewsDesk.Core.Tests.Content;

public sealed class ContentChangeInterceptorTests
{
    private static async Task<long> TokenAsync(TestStore store)
    {
        await using var scope = store.NewContext();
        return await scope.Db.ContentStamps.Select(s => s.Token).SingleAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Publishing_bumps_the_stamp_in_the_same_save_and_tells_this_process()
    {
        await using var store = await TestStore.CreateAsync();
        var told = 0;
        store.Services.GetRequiredService<ContentChangeNotifier>().Changed += () => told++;
        var before = await TokenAsync(store);

        await using (var scope = store.NewContext())
        {
            var article = new Article("a", "Headline", "Body", ArticleStatus.Draft, DateTime.UtcNow);
            article.Publish(DateTime.UtcNow);
            scope.Db.Articles.Add(article);
            await scope.Db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        Assert.NotEqual(before, await TokenAsync(store));
        Assert.Equal(1, told);
    }

    [Fact]
    public async Task Drafts_and_their_links_leave_the_stamp_alone_but_unpublishing_and_taxonomy_changes_bump_it()
    {
        await using var store = await TestStore.CreateAsync();
        await using (var scope = store.NewContext())
        {
            scope.Db.Topics.Add(new Topic("cyber", "Cyber"));
            await scope.Db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        var before = await TokenAsync(store);
        await using (var scope = store.NewContext())
        {
            var draft = new Article("d", "Draft", "Body", ArticleStatus.Incoming, DateTime.UtcNow);
            draft.Terms.Add(new ArticleTerm { Term = await scope.Db.Topics.SingleAsync(TestContext.Current.CancellationToken), Score = 0.9 });
            scope.Db.Articles.Add(draft);
            await scope.Db.SaveChangesAsync(TestContext.Current.CancellationToken);
            draft.Headline = "Draft, edited";
            await scope.Db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        Assert.Equal(before, await TokenAsync(store));

        await using (var scope = store.NewContext())
        {
            var draft = await scope.Db.Articles.SingleAsync(TestContext.Current.CancellationToken);
            draft.Publish(DateTime.UtcNow);
            await scope.Db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        var published = await TokenAsync(store);
        Assert.NotEqual(before, published);

        await using (var scope = store.NewContext())
        {
            (await scope.Db.Articles.SingleAsync(TestContext.Current.CancellationToken)).MoveTo(ArticleStatus.Unpublished);
            await scope.Db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        var unpublished = await TokenAsync(store);
        Assert.NotEqual(published, unpublished);

        await using (var scope = store.NewContext())
        {
            (await scope.Db.Topics.SingleAsync(TestContext.Current.CancellationToken)).Name = "Cyber security";
            await scope.Db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        Assert.NotEqual(unpublished, await TokenAsync(store));
    }

    [Fact]
    public async Task Inside_a_transaction_this_process_is_told_at_the_commit_and_not_for_a_rollback()
    {
        await using var store = await TestStore.CreateAsync();
        var told = 0;
        var stampSeen = 0L;
        store.Services.GetRequiredService<ContentChangeNotifier>().Changed += () =>
        {
            told++;
            // What a cache refreshing at this moment would read, from another connection.
            stampSeen = TokenAsync(store).GetAwaiter().GetResult();
        };
        var ct = TestContext.Current.CancellationToken;

        await using (var scope = store.NewContext())
        {
            await using var transaction = await scope.Db.Database.BeginTransactionAsync(ct);
            var article = new Article("a", "Headline", "Body", ArticleStatus.Draft, DateTime.UtcNow);
            article.Publish(DateTime.UtcNow);
            scope.Db.Articles.Add(article);
            await scope.Db.SaveChangesAsync(ct);
            Assert.Equal(0, told);

            await transaction.CommitAsync(ct);
            Assert.Equal(1, told);
            Assert.Equal(await TokenAsync(store), stampSeen);
        }

        await using (var scope = store.NewContext())
        {
            await using var transaction = await scope.Db.Database.BeginTransactionAsync(ct);
            (await scope.Db.Articles.SingleAsync(ct)).Headline = "Edited, then thought better of";
            await scope.Db.SaveChangesAsync(ct);
            await transaction.RollbackAsync(ct);
        }

        Assert.Equal(1, told);
    }
}
