using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Serilog;
using Serilog.Events;

namespace NewsDesk.TestSupport;

/// <summary>
/// The real app on a fresh temporary SQLite file (a real file, so WAL and locking behave as in production),
/// seeded from <c>seeds/</c> unless told otherwise. Log events are collected in <see cref="Logs"/>.
/// </summary>
public class NewsDeskAppFactory : WebApplicationFactory<Program>
{
    private readonly TempDirectory _directory = new();
    private readonly Dictionary<string, string?> _settings = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<Action<IServiceCollection>> _services = [];

    public NewsDeskAppFactory()
    {
        DataDirectory = _directory.Path;
        _settings["NewsDesk:DataDirectory"] = DataDirectory;
        _settings["NewsDesk:SeedsDirectory"] = Repository.Seeds;
        // No background polling in tests unless a test turns it on.
        _settings["Ingest:Polling:Enabled"] = "false";
    }

    public string DataDirectory { get; }

    public string DatabaseFile => Path.Combine(DataDirectory, "newsdesk.db");

    public LogCollector Logs { get; } = new();

    public string Environment { get; set; } = "Testing";

    /// <summary>Sets a configuration value before the app starts ("Site:TimeZone", "ConnectionStrings:NewsDesk", …).</summary>
    public NewsDeskAppFactory With(string key, string? value)
    {
        _settings[key] = value;
        return this;
    }

    /// <summary>Replaces or adds services before the app starts (a test tagger, a fixed clock, …).</summary>
    public NewsDeskAppFactory WithServices(Action<IServiceCollection> configure)
    {
        _services.Add(configure);
        return this;
    }

    /// <summary>Uses <typeparamref name="TTagger"/> as the app's <see cref="NewsDesk.Core.Taxonomy.IArticleTagger"/>.</summary>
    public NewsDeskAppFactory WithTagger<TTagger>()
        where TTagger : class, NewsDesk.Core.Taxonomy.IArticleTagger =>
        WithServices(s =>
        {
            s.RemoveAll<NewsDesk.Core.Taxonomy.IArticleTagger>();
            s.AddScoped<NewsDesk.Core.Taxonomy.IArticleTagger, TTagger>();
        });

    /// <summary>A second app on the same data directory, as after a restart.</summary>
    public NewsDeskAppFactory Restarted()
    {
        var next = new NewsDeskAppFactory();
        foreach (var (key, value) in _settings)
        {
            next._settings[key] = value;
        }

        next._services.AddRange(_services);

        return next;
    }

    /// <summary>Starts the app on Kestrel at a free port and returns its address, for the browser.</summary>
    public Uri StartKestrel()
    {
        UseKestrel(0);
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        return new Uri(addresses.First().Replace("[::]", "localhost", StringComparison.Ordinal).Replace("127.0.0.1", "localhost", StringComparison.Ordinal));
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseEnvironment(Environment);
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        // Its own logger, not Serilog's static one: apps of tests running in parallel would write into each other's collectors.
        builder.ConfigureServices(services => services.AddSerilog(
            logger => logger
                .MinimumLevel.Information()
                .MinimumLevel.Override("Microsoft", LogEventLevel.Warning)
                .WriteTo.Sink(Logs),
            preserveStaticLogger: true));
        builder.ConfigureServices(services => _services.ForEach(configure => configure(services)));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            _directory.Dispose();
        }
    }
}
