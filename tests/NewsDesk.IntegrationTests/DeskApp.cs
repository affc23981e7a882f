using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsDesk.Core.Articles;
using NewsDesk.Core.Audit;
using NewsDesk.Core.Data;
using NewsDesk.Core.Taxonomy;
using NewsDesk.TestSupport;

namespace NewsDesk.IntegrationTests;

/// <summary>The app with the real tagger, and short-cuts to its store for arranging and checking desk tests.</summary>
public sealed class DeskApp : NewsDeskAppFactory
{
    public DeskApp()
    {
        With("Desk:RetagPollInterval", "00:00:00.100");
        // Every test signs in; the throttle has its own test.
        With("Desk:SignInAttemptsPerMinute", "10000");
    }

    public async Task<T> WithDbAsync<T>(Func<NewsDeskDbContext, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<NewsDeskDbContext>());
    }

    public async Task<T> WithServiceAsync<TService, T>(Func<TService, Task<T>> work)
        where TService : notnull
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<TService>());
    }

    /// <summary>A term of this test's own (unique name), created through the curation service.</summary>
    public async Task<Term> TermAsync(TermType type, string name)
    {
        var (result, term) = await WithServiceAsync<TaxonomyCuration, (CurationResult, Term?)>(c => c.CreateAsync(type, name, Actor.System("test")));
        Assert.True(result.Succeeded, result.Error);
        return term!;
    }

    public async Task<Article> CreateStoryAsync(string headline, string body)
    {
        var outcome = await WithServiceAsync<StoryDesk, StoryOutcome>(d => d.CreateAsync(new StoryFields(headline, "A standfirst.", null, "A. Writer", null, null, null, body), Actor.System("test")));
        Assert.True(outcome.Succeeded, string.Join(" ", outcome.Errors.Values));
        return outcome.Article!;
    }

    public Task<Article> ArticleAsync(int id) =>
        WithDbAsync(db => db.Articles.AsNoTracking().Include(a => a.Terms).SingleAsync(a => a.Id == id));
}
