using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NewsDesk.Core;
using NewsDesk.Core.Data;
using NewsDesk.Core.Hosting;

namespace NewsDesk.TestSupport;

/// <summary>
/// A real, migrated SQLite file configured exactly as the hosts configure it (pragmas, conventions),
/// for tests below the web layer. Each <see cref="NewContext"/> is independent, like two requests.
/// </summary>
public sealed class TestStore : IAsyncDisposable
{
    private readonly TempDirectory _directory = new();
    private readonly ServiceProvider _services;

    private TestStore(IDictionary<string, string?> settings, Action<IServiceCollection>? configure)
    {
        DatabaseFile = _directory.File("newsdesk.db");
        settings["NewsDesk:DataDirectory"] = _directory.Path;
        settings["NewsDesk:SeedsDirectory"] = _directory.File("seeds");
        Configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(Configuration);
        services.AddNewsDeskCore(Configuration, DatabaseFile);
        configure?.Invoke(services);
        _services = services.BuildServiceProvider();
    }

    public string DatabaseFile { get; }

    public string Directory => _directory.Path;

    public IConfiguration Configuration { get; }

    public IServiceProvider Services => _services;

    /// <param name="configure">Registrations a test suite adds for the services it tests (ingest, tagging, …).</param>
    public static async Task<TestStore> CreateAsync(Action<IServiceCollection>? configure = null, IDictionary<string, string?>? settings = null)
    {
        var store = new TestStore(settings ?? new Dictionary<string, string?>(), configure);
        await using var scope = store._services.CreateAsyncScope();
        await NewsDeskDatabase.MigrateAsync(
            scope.ServiceProvider.GetRequiredService<NewsDeskDbContext>(),
            scope.ServiceProvider.GetRequiredService<NewsDeskPaths>());
        return store;
    }

    /// <summary>A context from a fresh scope; dispose the scope with the context.</summary>
    public ScopedContext NewContext() => new(_services.CreateAsyncScope());

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        // Pooled connections keep the file open; release them so the directory can go.
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _directory.Dispose();
    }

    public sealed class ScopedContext(AsyncServiceScope scope) : IAsyncDisposable
    {
        public NewsDeskDbContext Db { get; } = scope.ServiceProvider.GetRequiredService<NewsDeskDbContext>();

        public IServiceProvider Services => scope.ServiceProvider;

        public ValueTask DisposeAsync() => scope.DisposeAsync();
    }
}
