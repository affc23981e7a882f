using NewsDesk.Core.Data;
using NewsDesk.Core.Hosting;
using NewsDesk.Core.Taxonomy;
using NewsDesk.Ingest.Seeding;

namespace NewsDesk.Web;

/// <summary>
/// Migrates the store, syncs the built-in taxonomy into it and, on a first start, imports the seed articles — before any other hosted service starts
/// and before the server accepts requests. A store that cannot be opened stops the start with
/// <see cref="StoreUnavailableException"/>.
/// </summary>
internal sealed class StorePreparation(IServiceScopeFactory scopes) : IHostedLifecycleService
{
    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        await NewsDeskDatabase.MigrateAsync(services.GetRequiredService<NewsDeskDbContext>(), services.GetRequiredService<NewsDeskPaths>(), cancellationToken);
        await services.GetRequiredService<TaxonomySync>().SyncAsync(cancellationToken);
        await services.GetRequiredService<SeedImporter>().ImportIfEmptyAsync(cancellationToken);
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
