using NewsDesk.Core.Data;
using NewsDesk.Core.Hosting;
using NewsDesk.Core.Taxonomy;
using NewsDesk.Ingest.Seeding;
using NewsDesk.Reading;
using NewsDesk.Web.Accounts;

namespace NewsDesk.Web;

/// <summary>
/// What the store needs before the server accepts requests: migrations, the built-in taxonomy, on a first start the seed
/// articles, then the accounts (<see cref="AccountBootstrap"/>); it then begins warming the front page's queries
/// (<see cref="ReadingWarmup"/>). Program begins it as soon as the host is built, so it runs on the second core while
/// the request pipeline and endpoints are set up; the host's start, before any other hosted service, waits for it (not
/// for the warming). A store that cannot be opened stops the start with <see cref="StoreUnavailableException"/>.
/// </summary>
internal sealed class StorePreparation(IServiceScopeFactory scopes, AccountBootstrap accounts, ReadingWarmup warmup, IHostApplicationLifetime lifetime)
    : IHostedLifecycleService
{
    private readonly Lock _gate = new();
    private Task? _preparing;

    /// <summary>Starts the work now; idempotent.</summary>
    public Task Begin()
    {
        lock (_gate)
        {
            // Not the start's token: the work may begin before the host starts. Stopping the application cancels it.
            return _preparing ??= Task.Run(() => PrepareAsync(lifetime.ApplicationStopping));
        }
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Begin().WaitAsync(cancellationToken);

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task PrepareAsync(CancellationToken cancellationToken)
    {
        await using (var scope = scopes.CreateAsyncScope())
        {
            var services = scope.ServiceProvider;
            await NewsDeskDatabase.MigrateAsync(services.GetRequiredService<NewsDeskDbContext>(), services.GetRequiredService<NewsDeskPaths>(), cancellationToken);
            await services.GetRequiredService<TaxonomySync>().SyncAsync(cancellationToken);
            await services.GetRequiredService<SeedImporter>().ImportIfEmptyAsync(cancellationToken);
        }

        await accounts.RunAsync(cancellationToken);
        _ = warmup.Begin();
    }
}
