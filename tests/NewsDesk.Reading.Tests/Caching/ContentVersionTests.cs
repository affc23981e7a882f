using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using NewsDesk.Core.Articles;
using NewsDesk.Core.Content;
using NewsDesk.Reading.Caching;
using NewsDesk.TestSupport;

namespace NewsDesk.Reading.Tests.Caching;

public sealed class ContentVersionTests
{
    [Fact]
    public async Task A_request_during_a_refresh_that_began_after_a_change_waits_for_it_instead_of_taking_the_old_state()
    {
        var ct = TestContext.Current.CancellationToken;
        var gate = new StampReadGate();
        await using var store = await TestStore.CreateAsync(services => services.AddSingleton<IInterceptor>(gate));
        using var version = new ContentVersion(
            store.Services.GetRequiredService<IServiceScopeFactory>(), store.Services.GetRequiredService<ContentChangeNotifier>(), TimeProvider.System);
        var before = await version.GetAsync(ct);

        // A story is published in this process, which tells the version ...
        await using (var scope = store.NewContext())
        {
            var article = new Article("a", "Headline", "Body", ArticleStatus.Draft, DateTime.UtcNow);
            article.Publish(DateTime.UtcNow.AddMinutes(-1));
            scope.Db.Articles.Add(article);
            await scope.Db.SaveChangesAsync(ct);
        }

        // ... and the poller's refresh is reading the stamp when a request asks.
        gate.Hold();
        var polling = version.RefreshAsync(force: true, ct);
        await gate.Entered.WaitAsync(TimeSpan.FromSeconds(10), ct);
        var asked = version.GetAsync(ct).AsTask();
        Assert.False(asked.IsCompleted, "the request took the state read before the change as fresh");

        gate.Release();
        await polling;
        Assert.NotEqual(before.Token, (await asked).Token);
    }

    /// <summary>Holds the next read of the content stamp until released.</summary>
    private sealed class StampReadGate : DbCommandInterceptor
    {
        private readonly TaskCompletionSource _entered = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _armed;

        public Task Entered => _entered.Task;

        public void Hold() => Interlocked.Exchange(ref _armed, 1);

        public void Release() => _released.TrySetResult();

        public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            if (command.CommandText.Contains("ContentStamps", StringComparison.Ordinal) && Interlocked.Exchange(ref _armed, 0) == 1)
            {
                _entered.TrySetResult();
                await _released.Task.WaitAsync(cancellationToken);
            }

            return result;
        }
    }
}
